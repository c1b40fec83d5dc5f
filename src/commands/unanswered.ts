import type { ClaimType } from '../model.js';
import { EXIT, type CommandContext } from './context.js';
import { type CommonOptions } from './options.js';
import { writeChunks } from './output.js';
import { openForListing } from './open.js';
import { reportClaimFindings, type ReportFormat } from './reports.js';

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
  const opened = await openForListing(ctx, paths, options);
  if (typeof opened === 'number') return opened;
  const { graph } = opened;
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

  if (options.format === 'text') {
    const { renderUnansweredChunks } = await import('../render/unanswered.js');
    await writeChunks(ctx.io.stdout, renderUnansweredChunks(groups, { color: ctx.color(options), width: ctx.width(options.width) }));
  } else if (options.format === 'json') {
    const { unansweredJsonChunks } = await import('../render/data.js');
    await writeChunks(ctx.io.stdout, unansweredJsonChunks(groups));
  }
  // For CI reports each claim is a finding at its place in its file: an error when the
  // claims fail the run (--fail-on-unanswered), a warning otherwise.
  await reportClaimFindings(ctx, opened, () => unansweredFindings(groups, options.failOnUnanswered ? 'error' : 'warning'), options.format, outputs, 'unanswered', options);
  return failed ? EXIT.findings : EXIT.ok;
}
