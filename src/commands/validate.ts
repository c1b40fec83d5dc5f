import path from 'node:path';
import { safeInline } from '../render/sanitize.js';
import { readRuleSetting, type RuleSettings } from '../rule-settings.js';
import type { CheckResult } from '../api.js';
import { EXIT, findingsExit, type CommandContext } from './context.js';
import { limitsOf, checkOptions, type CommonOptions } from './options.js';
import { parseOutputFile, printFindings, reportRoot, writeReportFiles, type ReportFormat } from './reports.js';

export interface ValidateOptions extends CommonOptions {
  format: ReportFormat;
  outputFile?: string[];
  failOn: 'error' | 'warning';
  strict?: boolean;
  verbose?: boolean;
  quiet?: boolean;
  /** Read the file from stdin, as if it were at stdinFilename. */
  stdin?: boolean;
  stdinFilename?: string;
  /** False (--no-context): named files are checked alone. */
  context?: boolean;
  /** Of the files named, only those in the config's maps. */
  onlyMaps?: boolean;
  /** `CODE=LEVEL` settings, as given. */
  rule?: string[];
  maxWarnings?: number;
  printConfig?: boolean;
  /** Apply the fixes that are certain to the map files, then report what is left. */
  fix?: boolean;
}

export async function validateCommand(ctx: CommandContext, paths: string[], options: ValidateOptions): Promise<number> {
  const { checkMap } = await import('../api.js');
  if (options.printConfig) return printConfig(ctx, options);
  const stdin = options.stdin ? await readStdin(ctx, paths, options) : undefined;
  if (typeof stdin === 'number') return stdin;
  const rules = readRuleFlags(options.rule ?? []);
  if (typeof rules === 'string') {
    ctx.io.stderr.write(`riposte: ${rules}\n`);
    return EXIT.usage;
  }
  // -q shows errors only: unless warnings fail the run, they need not be placed at all.
  const errorsOnly = options.quiet === true && options.failOn !== 'warning';
  const onlyMaps = options.onlyMaps === true && paths.length > 0;
  const outputs = options.outputFile ?? [];
  outputs.forEach(parseOutputFile); // a malformed --output-file fails before any output or --fix write
  if (options.fix && stdin) {
    ctx.io.stderr.write('riposte: --fix rewrites map files, and standard input is not one: fix the file, or leave out --fix\n');
    return EXIT.usage;
  }
  // Texts are kept for the code frames of --verbose only, and summaries not at all (no finding
  // shows one): a large map's text is never all held at once.
  const keepTexts = options.verbose === true;
  const check = () => checkMap(paths, { ...checkOptions(ctx, options), rules, errorsOnly, onlyMaps, keepTexts, summaries: false, ...(options.context === false ? { context: false } : {}), ...(stdin ? { stdin } : {}) });
  let result = await check();
  if (options.fix) {
    const fixed = await fixFiles(ctx, result);
    if (fixed.findings > 0) {
      ctx.io.stderr.write(`riposte: fixed ${fixed.findings} finding${fixed.findings === 1 ? '' : 's'} in ${fixed.files} file${fixed.files === 1 ? '' : 's'}\n`);
      result = await check(); // what is left, as the files now are
    }
  }
  if (onlyMaps && result.files.length === 0) {
    ctx.io.stderr.write('riposte: none of the files named is in the map (--only-maps); nothing to check\n');
    return EXIT.ok;
  }
  if (paths.length > 0 && result.files.length === 0) {
    ctx.io.stderr.write("riposte: every file named is ignored (the config's ignore, or --ignore-pattern); nothing to check\n");
    return EXIT.ok;
  }
  // -q keeps the findings that fail the run: errors, and warnings too with --fail-on warning.
  const shown = options.quiet && options.failOn !== 'warning' ? result.diagnostics.filter((d) => d.severity === 'error') : result.diagnostics;
  const formatterOptions = {
    color: ctx.color(options),
    verbose: options.verbose ?? false,
    summary: { files: result.files.length, quotes: result.quotes },
    texts: result.fileTexts,
    files: result.files,
    version: ctx.version,
    command: 'validate',
    failOn: options.failOn,
  };
  // The machine formats name files from the repository root, wherever riposte ran.
  const root = await reportRoot(ctx, result.config.root);
  await printFindings(ctx, shown, options.format, formatterOptions, root);
  await writeReportFiles(ctx, shown, outputs, formatterOptions, root);
  const exit = findingsExit(result.diagnostics, options.failOn);
  const warnings = result.diagnostics.filter((d) => d.severity === 'warning').length;
  if (exit === EXIT.ok && options.maxWarnings !== undefined && warnings > options.maxWarnings) {
    ctx.io.stderr.write(`riposte: ${warnings} warnings, more than --max-warnings ${options.maxWarnings} allows\n`);
    return EXIT.findings;
  }
  return exit;
}

/** The settings a run would use, from the config, the flags and the defaults: what `rules` and the limits add up to. */
async function printConfig(ctx: CommandContext, options: ValidateOptions): Promise<number> {
  const rules = readRuleFlags(options.rule ?? []);
  if (typeof rules === 'string') {
    ctx.io.stderr.write(`riposte: ${rules}\n`);
    return EXIT.usage;
  }
  const { loadConfig, resolveLimits } = await import('../load/config.js');
  const { RULES } = await import('../diagnostics.js');
  const { ADJUSTABLE_CODES, ruleSettingsOf } = await import('../rule-settings.js');
  const config = await loadConfig(ctx.cwd, options.config);
  const shown = (p: string) => path.relative(ctx.cwd, p) || '.';
  const settings = ruleSettingsOf(config.rules, options.strict ?? false, rules);
  const levels = Object.fromEntries(ADJUSTABLE_CODES.map((code) => [code, settings[code] ?? (RULES[code].severity === 'error' ? 'error' : 'warn')]));
  const texts = options.texts === false ? null : typeof options.texts === 'string' ? options.texts : config.texts ? shown(config.texts) : null;
  const printed = {
    config: config.file ? shown(config.file) : null,
    root: shown(config.root),
    maps: config.maps,
    ignore: [...config.ignore.map((i) => shown(path.resolve(i.base, i.pattern))), ...(options.ignorePattern ?? [])],
    texts,
    limits: resolveLimits(config, limitsOf(options)),
    rules: levels,
  };
  ctx.io.stdout.write(JSON.stringify(printed, null, 2) + '\n');
  return EXIT.ok;
}

/** Apply the certain fixes to the files that have them, each file rewritten atomically and read through the same checks as before. */
async function fixFiles(ctx: CommandContext, result: CheckResult): Promise<{ findings: number; files: number }> {
  const { planFixes } = await import('../fix/plan.js');
  const { applyFixes } = await import('../fix/apply.js');
  const { readMapFile } = await import('../load/read.js');
  const { writeFileAtomic } = await import('../io/atomic-write.js');
  let findings = 0;
  let files = 0;
  for (const [file, edits] of planFixes(result.diagnostics, result.map)) {
    const read = readMapFile(file, path.resolve(ctx.cwd, file), result.limits.maxFileBytes, result.scope);
    if (!read.ok) continue;
    const applied = applyFixes(read.text, edits);
    if (applied.text === read.text) continue;
    await writeFileAtomic(read.real, applied.text);
    findings += edits.length - applied.skipped.length;
    files++;
  }
  return { findings, files };
}

/** The --rule flags as settings, or what is wrong with the first that cannot be used. */
function readRuleFlags(flags: readonly string[]): RuleSettings | string {
  const settings: RuleSettings = {};
  for (const flag of flags) {
    const [code, level, ...rest] = flag.split('=');
    if (level === undefined || rest.length > 0) return `--rule '${safeInline(flag)}': write CODE=LEVEL, e.g. --rule missing-quote=off`;
    const setting = readRuleSetting(code!.trim(), level.trim());
    if ('problem' in setting) return `--rule '${safeInline(flag)}': ${safeInline(setting.problem)}`;
    settings[setting.code] = setting.level;
  }
  return settings;
}

/** The file given on stdin and the path it stands for; or the exit code of a misuse. */
async function readStdin(ctx: CommandContext, paths: string[], options: ValidateOptions): Promise<{ file: string; text: string } | number> {
  if (options.stdinFilename === undefined || paths.length > 0 || !ctx.io.stdin) {
    ctx.io.stderr.write(
      paths.length > 0
        ? 'riposte: --stdin checks one file, the one on standard input: name it with --stdin-filename, not as a path\n'
        : 'riposte: --stdin needs --stdin-filename PATH: the path the text on standard input stands for (its findings are reported there)\n',
    );
    return EXIT.usage;
  }
  const { isMapFileName } = await import('../load/discover.js');
  if (!isMapFileName(options.stdinFilename)) {
    ctx.io.stderr.write(`riposte: --stdin-filename must name a map file (*.yaml or *.yml), got '${safeInline(options.stdinFilename)}'\n`);
    return EXIT.usage;
  }
  return { file: options.stdinFilename, text: await ctx.io.stdin() };
}

