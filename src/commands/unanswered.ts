import type { Diagnostic } from '../diagnostics.js';
import type { ClaimType } from '../model.js';
import { EXIT, knownSources, openValidMap, parseOutputFile, printFindings, writeReportFiles, type CommandContext, type CommonOptions, type ReportFormat } from './context.js';

export interface UnansweredOptions extends CommonOptions {
  source?: string[];
  author?: string[];
  tag?: string[];
  type?: ClaimType[];
  by?: string[];
  addressedTo?: string[];
  challenged: boolean;
  failOnUnanswered?: boolean;
  width?: number;
  format: 'text' | ReportFormat;
  outputFile?: string[];
}

export async function unansweredCommand(ctx: CommandContext, paths: string[], options: UnansweredOptions): Promise<number> {
  const outputs = options.outputFile ?? [];
  outputs.forEach(parseOutputFile); // a malformed --output-file fails before any output
  const opened = await openValidMap(ctx, paths, options);
  if (typeof opened === 'number') return opened;
  const { graph, files } = opened;
  if (!knownSources(ctx, graph, options.source)) return EXIT.usage;
  const { unansweredClaims, unansweredFindings } = await import('../graph/unanswered.js');
  const { groundedLabelling } = await import('../graph/acceptability.js');
  const groups = unansweredClaims(graph, {
    labels: groundedLabelling(graph).labels,
    ...(options.source ? { sources: options.source } : {}),
    ...(options.author ? { authors: options.author } : {}),
    ...(options.tag ? { tags: options.tag } : {}),
    ...(options.type ? { types: options.type } : {}),
    ...(options.by ? { by: options.by } : {}),
    ...(options.addressedTo ? { addressedTo: options.addressedTo } : {}),
    includeChallenged: options.challenged,
  });
  const failed = options.failOnUnanswered === true && groups.some((g) => g.claims.length > 0);
  const asFindings = options.format !== 'text' && options.format !== 'json';

  if (options.format === 'text') {
    const { renderUnanswered } = await import('../render/unanswered.js');
    ctx.io.stdout.write(renderUnanswered(groups, { color: ctx.color(options), width: ctx.width(options.width) }));
  } else if (options.format === 'json') {
    const { unansweredJsonChunks } = await import('../render/data.js');
    for (const chunk of unansweredJsonChunks(groups)) ctx.io.stdout.write(chunk);
  }
  if (asFindings || outputs.length > 0) {
    // For CI reports each claim is a finding at its place in its file: an error when the
    // claims fail the run (--fail-on-unanswered), a warning otherwise.
    const { locate } = await import('../load/index.js');
    const located = await locate(unansweredFindings(groups, options.failOnUnanswered ? 'error' : 'warning'), ctx.cwd, opened.scope, opened.limits.maxFileBytes);
    const diagnostics: Diagnostic[] = located.diagnostics;
    const formatterOptions = {
      color: ctx.color(options),
      verbose: false,
      summary: { files: files.length, quotes: opened.quotes },
      texts: located.texts,
      files,
      version: ctx.version,
      command: 'unanswered',
    };
    if (asFindings) await printFindings(ctx, diagnostics, options.format as ReportFormat, formatterOptions);
    await writeReportFiles(ctx, diagnostics, outputs, formatterOptions);
  }
  return failed ? EXIT.findings : EXIT.ok;
}
