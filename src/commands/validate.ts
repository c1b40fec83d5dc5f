import { checkOptions, findingsExit, parseOutputFile, printFindings, writeReportFiles, type CommandContext, type CommonOptions, type ReportFormat } from './context.js';

export interface ValidateOptions extends CommonOptions {
  format: ReportFormat;
  outputFile?: string[];
  failOn: 'error' | 'warning';
  strict?: boolean;
  verbose?: boolean;
  quiet?: boolean;
}

export async function validateCommand(ctx: CommandContext, paths: string[], options: ValidateOptions): Promise<number> {
  const { checkMap } = await import('../api.js');
  const result = await checkMap(paths, checkOptions(ctx, options));
  const outputs = options.outputFile ?? [];
  outputs.forEach(parseOutputFile); // a malformed --output-file fails before any output
  const shown = options.quiet ? result.diagnostics.filter((d) => d.severity === 'error') : result.diagnostics;
  const formatterOptions = {
    color: ctx.color(options),
    verbose: options.verbose ?? false,
    summary: { files: result.files.length, quotes: result.quotes },
    texts: result.fileTexts,
    files: result.files,
    version: ctx.version,
    command: 'validate',
  };
  await printFindings(ctx, shown, options.format, formatterOptions);
  await writeReportFiles(ctx, shown, outputs, formatterOptions);
  return findingsExit(result.diagnostics, options.failOn);
}
