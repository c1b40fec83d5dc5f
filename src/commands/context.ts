import path from 'node:path';
import type { CheckOptions, OpenedMap } from '../api.js';
import type { Diagnostic, SettledFinding } from '../diagnostics.js';
import type { Limits } from '../load/config.js';
import { InputError } from '../load/discover.js';
import { safeInline } from '../render/sanitize.js';
import { didYouMean } from '../suggest.js';
import type { FormatterOptions } from '../render/formatters/types.js';

export interface CliIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  cwd?: string;
  env?: Record<string, string | undefined>;
  /** All of standard input, for commands that read a file from it (`validate --stdin`). */
  stdin?: () => Promise<string>;
  /** Whether stdout is a terminal, and its width. */
  isTTY?: boolean;
  columns?: number;
}

/** Exit codes: 130 is the shell's code for a run ended by Ctrl-C (128 + SIGINT). */
export const EXIT = { ok: 0, findings: 1, usage: 2, interrupted: 130 } as const;

/** What every command gets: where to write, and the decisions that depend on the terminal. */
export interface CommandContext {
  io: CliIo;
  cwd: string;
  version: string;
  /** Colour for this command's options: --color/--no-color, then NO_COLOR, FORCE_COLOR, a TTY. */
  color(options: CommonOptions): boolean;
  /** Columns to wrap to: --width, else the terminal's, else 80. */
  width(given: number | undefined): number;
}

export interface LimitOptions {
  maxFileSize?: number;
  maxDepth?: number;
  maxKeys?: number;
  maxAliases?: number;
  maxFiles?: number;
  maxTextSize?: number;
}

/** Limits given as flags, in the units the loader takes. */
export function limitsOf(options: LimitOptions): Partial<Limits> {
  const limits: Partial<Limits> = {};
  if (options.maxFileSize !== undefined) limits.maxFileBytes = Math.round(options.maxFileSize * 1024 * 1024);
  if (options.maxDepth !== undefined) limits.maxDepth = options.maxDepth;
  if (options.maxKeys !== undefined) limits.maxKeys = options.maxKeys;
  if (options.maxAliases !== undefined) limits.maxAliasCount = options.maxAliases;
  if (options.maxFiles !== undefined) limits.maxFiles = options.maxFiles;
  if (options.maxTextSize !== undefined) limits.maxTextBytes = Math.round(options.maxTextSize * 1024 * 1024);
  return limits;
}

export interface CommonOptions extends LimitOptions {
  color?: boolean;
  /** A texts directory, or false for --no-texts (no quote checks). */
  texts?: string | false;
  config?: string;
  /** --ignore-pattern: map files to leave out, relative to the working directory. */
  ignorePattern?: string[];
}

export function makeContext(io: CliIo, version: string): CommandContext {
  const env = io.env ?? {};
  return {
    io,
    cwd: io.cwd ?? '.',
    version,
    color(options) {
      if (options.color !== undefined) return options.color;
      if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
      if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0') return true;
      return io.isTTY === true;
    },
    width: (given) => given ?? (io.isTTY && io.columns ? io.columns : 80),
  };
}

export function checkOptions(ctx: CommandContext, options: CommonOptions & { strict?: boolean }): CheckOptions {
  return {
    cwd: ctx.cwd,
    ...(options.texts !== undefined ? { texts: options.texts } : {}),
    ...(options.config !== undefined ? { config: options.config } : {}),
    strict: options.strict ?? false,
    limits: limitsOf(options),
    ...(options.ignorePattern ? { ignore: options.ignorePattern } : {}),
  };
}

/**
 * The exit code of a run's findings: 2 when a file could not be read (the machine's problem,
 * as for a missing path), 1 for any other error (or warning, with --fail-on warning), else 0.
 */
export function findingsExit(diagnostics: readonly Diagnostic[], failOn: 'error' | 'warning' = 'error'): number {
  let exit: number = EXIT.ok;
  for (const d of diagnostics) {
    if (d.code === 'unreadable-file') return EXIT.usage;
    if (d.severity === 'error' || failOn === 'warning') exit = EXIT.findings;
  }
  return exit;
}

/**
 * Open a map for a read-only command. A map with errors is refused (exit 1, its errors on
 * stderr): answers computed from it would be wrong. Returns the exit code instead of the map then.
 */
export async function openValidMap(ctx: CommandContext, paths: string[], options: CommonOptions): Promise<OpenedMap | number> {
  const { openMap } = await import('../api.js');
  const opened = await openMap(paths, checkOptions(ctx, options));
  const errors = opened.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length === 0) return opened;
  const { diagnosticFormatters } = await import('../render/formatters/index.js');
  ctx.io.stderr.write(
    diagnosticFormatters.stylish(errors, {
      color: ctx.color(options),
      verbose: false,
      summary: { files: opened.files.length, quotes: opened.quotes },
      texts: opened.fileTexts,
    }),
  );
  ctx.io.stderr.write('riposte: the map has errors; fix them first (riposte validate shows them all)\n');
  return findingsExit(errors);
}

/** "; did you mean 'x'?" for an id typed on the command line, from the map's ids of those kinds; else ''. */
export function idSuggestion(graph: OpenedMap['graph'], id: string, types: readonly ('claim' | 'source')[]): string {
  const ids: string[] = [];
  graph.forEachNode((node, attributes) => {
    if ((types as readonly string[]).includes(attributes.type)) ids.push(node);
  });
  const best = didYouMean(id, ids);
  return best ? `; did you mean '${safeInline(best)}'?` : '';
}

/** Whether every id given with --source names a source of the map; if not, says which on stderr. */
export function knownSources(ctx: CommandContext, graph: OpenedMap['graph'], ids: readonly string[] = []): boolean {
  const unknown = ids.find((id) => !graph.hasNode(id) || graph.getNodeAttribute(id, 'type') !== 'source');
  if (unknown === undefined) return true;
  ctx.io.stderr.write(`riposte: no source '${safeInline(unknown)}'${idSuggestion(graph, unknown, ['source'])} (--source takes a source id; riposte stats lists the map)\n`);
  return false;
}

/**
 * Open the map for a command that lists claims (unanswered, status): its --output-file values
 * checked before any output, the map opened, and its --source ids known. The exit code otherwise.
 */
export async function openForListing(ctx: CommandContext, paths: string[], options: CommonOptions & { outputFile?: string[]; source?: string[] }): Promise<OpenedMap | number> {
  (options.outputFile ?? []).forEach(parseOutputFile); // a malformed --output-file fails before any output
  const opened = await openValidMap(ctx, paths, options);
  if (typeof opened === 'number') return opened;
  return knownSources(ctx, opened.graph, options.source) ? opened : EXIT.usage;
}

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
  const { diagnosticFormatters } = await import('../render/formatters/index.js');
  const [shown, shownOptions] = format === 'stylish' || root === undefined ? [diagnostics, options] : rerooted(ctx, diagnostics, options, root);
  ctx.io.stdout.write(diagnosticFormatters[format](shown, shownOptions));
}

/**
 * The findings with their files named from `root` instead of the working directory: the
 * machine formats (GitHub annotations, SARIF, GitLab, JUnit, JSON) are read against the
 * repository, whatever directory riposte ran in. Stylish keeps paths a person can open from here.
 */
function rerooted(ctx: CommandContext, diagnostics: readonly Diagnostic[], options: FormatterOptions, root: string): [Diagnostic[], FormatterOptions] {
  const cwd = path.resolve(ctx.cwd);
  if (path.resolve(root) === cwd) return [[...diagnostics], options];
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
export async function reportClaimFindings(ctx: CommandContext, opened: OpenedMap, findings: readonly SettledFinding[], format: string, outputs: readonly string[], command: string, options: CommonOptions): Promise<void> {
  const asFindings = format !== 'text' && format !== 'json';
  if (!asFindings && outputs.length === 0) return;
  const { locate } = await import('../load/index.js');
  const located = await locate(findings, ctx.cwd, opened.scope, opened.limits.maxFileBytes);
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
  const [{ diagnosticFormatters }, { writeOutputFile }] = await Promise.all([import('../render/formatters/index.js'), import('./output.js')]);
  for (const file of files) {
    const [shown, shownOptions] = file.format === 'stylish' || root === undefined ? [diagnostics, options] : rerooted(ctx, diagnostics, options, root);
    await writeOutputFile(ctx, file.path, diagnosticFormatters[file.format](shown, { ...shownOptions, color: false }), `${file.format} report`);
  }
}
