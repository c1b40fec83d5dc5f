import path from 'node:path';
import type { OpenedMap } from '../api.js';
import type { Diagnostic, SettledFinding } from '../diagnostics.js';
import { InputError } from '../load/discover.js';
import type { FormatterOptions } from '../render/formatters/types.js';
import type { CommandContext } from './context.js';
import type { CommonOptions } from './options.js';
import { writeChunks, writeOutputFile } from './output.js';

// Findings in the report formats: on stdout and in --output-file files, named from the repository.

/** Formats that can also be written to files with --output-file FORMAT=PATH. */
export const REPORT_FORMATS = ['stylish', 'json', 'github', 'junit', 'sarif', 'gitlab'] as const;

export type ReportFormat = (typeof REPORT_FORMATS)[number];

export function parseOutputFile(value: string): { format: ReportFormat; path: string } {
  const at = value.indexOf('=');
  const format = value.slice(0, at);
  if (at < 1 || at === value.length - 1 || !(REPORT_FORMATS as readonly string[]).includes(format)) {
    throw new InputError(`--output-file takes FORMAT=PATH with FORMAT one of ${REPORT_FORMATS.join(', ')} (got '${value}')`, value);
  }
  return { format: format as ReportFormat, path: value.slice(at + 1) };
}

/**
 * Print the findings in `format` on stdout: the report is what `validate` produces, in every
 * format (as ESLint prints its own), so `riposte validate > report.txt` keeps it. What goes
 * wrong with the run itself (a usage error, a file that cannot be read) stays on stderr.
 */
export async function printFindings(ctx: CommandContext, diagnostics: readonly Diagnostic[], format: ReportFormat, options: FormatterOptions, root?: string): Promise<void> {
  const { diagnosticFormatters, streamedFormatters } = await import('../render/formatters/index.js');
  const [shown, shownOptions] = asReported(ctx, format, diagnostics, options, root);
  const streamed = streamedFormatters[format];
  if (streamed) await writeChunks(ctx.io.stdout, streamed(shown, shownOptions));
  else ctx.io.stdout.write(diagnosticFormatters[format](shown, shownOptions));
}

/**
 * The findings with their files named from `root` instead of the working directory: the
 * machine formats (GitHub annotations, SARIF, GitLab, JUnit, JSON) are read against the
 * repository, whatever directory riposte ran in. Stylish keeps paths a person can open from here.
 */
function asReported(ctx: CommandContext, format: ReportFormat, diagnostics: readonly Diagnostic[], options: FormatterOptions, root: string | undefined): [readonly Diagnostic[], FormatterOptions] {
  const cwd = path.resolve(ctx.cwd);
  if (format === 'stylish' || root === undefined || path.resolve(root) === cwd) return [diagnostics, options];
  const name = (file: string) => path.relative(root, path.resolve(cwd, file)).split(path.sep).join('/') || '.';
  return [
    diagnostics.map((d) => ({ ...d, file: name(d.file) })),
    { ...options, texts: new Map([...options.texts].map(([file, text]) => [name(file), text])), ...(options.files ? { files: options.files.map(name) } : {}) },
  ];
}

/** Where the machine formats name files from: the git work tree, else the config's directory. */
export async function reportRoot(ctx: CommandContext, configRoot: string): Promise<string> {
  const { repositoryRoot } = await import('../load/repo-root.js');
  return repositoryRoot(ctx.cwd, configRoot);
}

/**
 * Report listed claims in a CI format: each finding placed at its claim in its file, printed
 * in `format` (unless it is text or JSON, which the command has written) and written to each
 * --output-file.
 */
export async function reportClaimFindings(ctx: CommandContext, opened: OpenedMap, findingsOf: () => readonly SettledFinding[], format: string, outputs: readonly string[], command: string, options: CommonOptions): Promise<void> {
  const asFindings = format !== 'text' && format !== 'json';
  if (!asFindings && outputs.length === 0) return;
  const { locate } = await import('../load/index.js');
  // The CI formats need no file texts; the files are placed from what their first reading kept.
  const located = await locate(findingsOf(), { cwd: ctx.cwd, scope: opened.scope, maxBytes: opened.limits.maxFileBytes, lengths: opened.lengths, stamps: opened.stamps, keepTexts: false });
  const formatterOptions: FormatterOptions = {
    color: ctx.color(options),
    verbose: false,
    summary: { files: opened.files.length, quotes: opened.quotes },
    texts: located.texts,
    files: opened.files,
    version: ctx.version,
    command,
  };
  const root = await reportRoot(ctx, opened.config.root);
  if (asFindings) await printFindings(ctx, located.diagnostics, format as ReportFormat, formatterOptions, root);
  await writeReportFiles(ctx, located.diagnostics, outputs, formatterOptions, root);
}

/** Write each --output-file FORMAT=PATH report atomically, never coloured. */
export async function writeReportFiles(ctx: CommandContext, diagnostics: readonly Diagnostic[], outputs: readonly string[], options: FormatterOptions, root?: string): Promise<void> {
  const files = outputs.map(parseOutputFile);
  if (files.length === 0) return;
  const { diagnosticFormatters } = await import('../render/formatters/index.js');
  for (const file of files) {
    const [shown, shownOptions] = asReported(ctx, file.format, diagnostics, options, root);
    await writeOutputFile(ctx, file.path, diagnosticFormatters[file.format](shown, { ...shownOptions, color: false }), `${file.format} report`);
  }
}
