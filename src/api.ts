import path from 'node:path';
import { compareDiagnostics, type Diagnostic, type Finding, type SettledFinding } from './diagnostics.js';
import type { DebateGraph } from './graph/build.js';
import { loadConfig, resolveLimits, type Config, type Limits } from './load/config.js';
import { discoverMapFiles, InputError, loadMapFile, locate } from './load/index.js';
import { locateFindings } from './load/locate.js';
import { parseMapText } from './load/parse.js';
import { listLengths, type ListLengths } from './load/chunk-locate.js';
import { runIgnoreTest } from './load/ignore.js';
import { projectScope, type ReadScope } from './load/scope.js';
import { loadTexts } from './load/texts.js';
import { addToModel, type DebateMap } from './model.js';
import { mayLackQuoteOrDate, missingQuotesAndDates, type QuoteStats } from './validate/quotes.js';
import { validateFile, validateMap } from './validate/index.js';
import type { DisableComment } from './load/disable-comments.js';
import { ruleSettingsOf, settleFindings, type RuleSettings } from './rule-settings.js';
import { applyDisableComments } from './validate/disables.js';

export interface CheckOptions {
  cwd: string;
  /** Texts directory; overrides the config file's `texts`. `false`: check no quotes. */
  texts?: string | false;
  /** Config file; found by searching upward from cwd when absent. */
  config?: string;
  /** Unchecked quotes are errors. */
  strict?: boolean;
  /** Rule settings given on the command line (`--rule`); they override the config file's `rules`. */
  rules?: RuleSettings;
  /** Patterns of map files to leave out (`--ignore-pattern`, relative to cwd), besides the config's `ignore`. */
  ignore?: string[];
  /** Limits given on the command line; they override the config file's and the defaults. */
  limits?: Partial<Limits>;
  /** Skip quote checks (the read-only commands do not need them). */
  quotes?: boolean;
  /**
   * With paths named, read the rest of the map (the config's `maps`) too, so references into
   * it resolve, and report only the named files' findings (default true). False: the named
   * files alone.
   */
  context?: boolean;
  /**
   * Locate and return only the errors (the read-only commands refuse a map with errors and show
   * nothing else): placing every warning would parse every file again for nothing.
   */
  errorsOnly?: boolean;
  /** Of the paths named, only those that are files of the map (the config's `maps`); the rest are left alone. */
  onlyMaps?: boolean;
  /** A map file's text from elsewhere than the disk (an editor's unsaved buffer): checked as the file at `file`. */
  stdin?: { file: string; text: string };
  /**
   * Keep the texts of the files with findings in `fileTexts`, for code frames (default true).
   * Off, a large map's texts are never all held at once: each is read, placed and dropped.
   */
  keepTexts?: boolean;
  /**
   * Keep each claim's summary in the returned map (default true). Off, summaries are '' and the
   * files' texts are freed as they are checked: what `validate` needs of a large map is its
   * ids and references, not the debate.
   */
  summaries?: boolean;
}

export interface CheckResult {
  config: Config;
  files: string[];
  map: DebateMap;
  diagnostics: Diagnostic[];
  quotes: QuoteStats;
  /** Texts of the files with findings, for code frames. */
  fileTexts: Map<string, string>;
  /** Where this run may read (the project, and what the command line named), and its limits. */
  scope: ReadScope;
  limits: Limits;
  /** How many claims and evidence entries each file holds: later findings are placed without parsing the files again. */
  lengths: ReadonlyMap<string, ListLengths>;
  /** What each file was when read: a file read again to place later findings must be unchanged. */
  stamps: ReadonlyMap<string, string>;
}

/** Load and check a map: the whole of `riposte validate` as a function. Throws InputError on exit-2 problems. */
export async function checkMap(paths: readonly string[], options: CheckOptions): Promise<CheckResult> {
  checkArguments(paths, options);
  const config = await loadConfig(options.cwd, options.config);
  const limits = resolveLimits(config, options.limits);
  // Reads stay in the project; only paths named on the command line may widen that.
  const scope = projectScope(config.root, paths, options.cwd);
  const { named, files, reported } = await filesToCheck(paths, options, config, limits, scope);
  // Severity: the code's default, then the config's rules, --strict, and --rule, in that order.
  const settings = ruleSettingsOf(config.rules, options.strict ?? false, options.rules);
  const settle = (list: readonly Finding[]): SettledFinding[] => {
    const settled = settleFindings(list, settings);
    return options.errorsOnly ? settled.filter((finding) => finding.severity === 'error') : settled;
  };
  const quotes = options.quotes !== false;
  const keepTexts = options.keepTexts !== false;
  const { map, recovered, comments, lengths, stamps, placed: placedEarly, unplaced, texts: earlyTexts } = readFiles(files, { options, limits, scope, reported, settle });
  // Quotes are checked for the files reported on: the others are context.
  const checkedMap = reported ? { ...map, claims: map.claims.filter((c) => reported.has(c.file)) } : map;
  let texts;
  const textsDir = typeof options.texts === 'string' ? path.resolve(options.cwd, options.texts) : options.texts === false ? undefined : config.texts;
  if (quotes && textsDir !== undefined) {
    if (options.texts === undefined && config.textsRefused) throw new InputError(config.textsRefused, config.file ?? '.');
    texts = loadTexts(checkedMap, textsDir, typeof options.texts === 'string' ? options.texts : path.relative(options.cwd, textsDir) || '.', limits.maxTextBytes);
  }
  const outcome = validateMap(map, recovered, {
    ...(reported ? { quoteMap: checkedMap } : {}),
    ...(texts ? { texts } : {}),
    ...(options.texts === false ? { textsOff: true } : {}),
    strict: options.strict ?? false,
    quotes,
    missingFound: true,
  });
  const mapWide = outcome.findings.filter((finding) => !reported || reported.has(finding.file));
  // Files with findings about the whole map are read again to place them; the stdin buffer and
  // the texts kept for code frames are not.
  const overrides = new Map([...earlyTexts, ...(options.stdin ? [[path.normalize(options.stdin.file), options.stdin.text] as const] : [])]);
  const located = await locate([...unplaced, ...settle(mapWide)], { cwd: options.cwd, scope, maxBytes: limits.maxFileBytes, overrides, lengths, stamps, keepTexts });
  const all = placedEarly.length > 0 ? [...placedEarly, ...located.diagnostics].sort(compareDiagnostics) : located.diagnostics;
  // Disable comments act on lines, so after placing; the comments' own problems are placed at them.
  const disabled = applyDisableComments(all, comments, !options.errorsOnly);
  let diagnostics = disabled.kept;
  const fileTexts = new Map([...earlyTexts, ...located.texts]);
  const commentFindings = settleFindings(disabled.findings, settings);
  if (commentFindings.length > 0) {
    // Files the first placing read are not read again.
    const known = new Map([...fileTexts, ...overrides]);
    const placed = await locate(commentFindings, { cwd: options.cwd, scope, maxBytes: limits.maxFileBytes, overrides: known, lengths, stamps, keepTexts });
    for (const [file, text] of placed.texts) fileTexts.set(file, text);
    diagnostics = [...diagnostics, ...placed.diagnostics].sort(compareDiagnostics);
  }
  return { config, files: named, map, diagnostics, quotes: outcome.quotes, fileTexts, scope, limits, lengths, stamps };
}

/** The files to read (those named and, as context, the rest of their map) and those whose findings are reported. */
async function filesToCheck(
  paths: readonly string[],
  options: CheckOptions,
  config: Config,
  limits: Limits,
  scope: ReadScope,
): Promise<{ named: string[]; files: string[]; reported: Set<string> | undefined }> {
  let named = options.stdin ? [path.normalize(options.stdin.file)] : await discoverMapFiles(paths.length > 0 ? paths : config.maps, options.cwd, limits.maxFiles, scope).catch((error: unknown) => {
    // Nothing named, no config, no arguments/: most likely a directory where no map was begun.
    if (error instanceof InputError && paths.length === 0 && config.file === undefined) {
      throw new InputError(`${error.message}; no riposte.config.yaml here or above, and no map: run 'riposte init' to start one`, error.path);
    }
    throw error;
  });
  // The config's ignore patterns and --ignore-pattern leave files out wherever they were found.
  const ignored = runIgnoreTest(config.ignore, options.ignore, options.cwd);
  if (ignored) {
    const before = named.length;
    named = named.filter((file) => !ignored(file));
    if (before > 0 && named.length === 0 && paths.length === 0 && !options.stdin) {
      throw new InputError("every map file is ignored (the config's ignore, or --ignore-pattern): nothing to check", config.file ?? '.');
    }
  }
  const wasNamed = paths.length > 0 || options.stdin !== undefined;
  // The map's own files, found once: context for the named files, and what --only-maps keeps.
  const mapFiles = wasNamed && (options.context !== false || options.onlyMaps) ? await mapFilesOf(config, options, limits, scope, ignored) : undefined;
  if (options.onlyMaps && wasNamed) {
    const inMap = new Set((mapFiles ?? []).map((f) => path.resolve(options.cwd, f)));
    named = named.filter((f) => inMap.has(path.resolve(options.cwd, f)));
  }
  const files = named.length === 0 || options.context === false || !mapFiles ? named : withContext(named, mapFiles, options.cwd);
  /** Files whose findings are reported: the named ones, when the rest of the map is only context. */
  const reported = files.length > named.length ? new Set(named) : undefined;
  return { named, files, reported };
}

interface FileReadings {
  map: DebateMap;
  /** Ids found in files that failed to parse, so references to them do not cascade. */
  recovered: Set<string>;
  comments: Map<string, DisableComment[]>;
  /** What placing later findings needs of each file's data, which is dropped: how long its lists are. */
  lengths: Map<string, ListLengths>;
  /** What each file was when read: a file read again must be unchanged. */
  stamps: Map<string, string>;
  /** The files' own findings, placed in the text read the first time. */
  placed: Diagnostic[];
  /** Own findings of files not read as text (refused, not UTF-8): placed with the map's, reading nothing more. */
  unplaced: SettledFinding[];
  /** Texts of the files with placed findings, when kept for code frames. */
  texts: Map<string, string>;
}

/**
 * Read the map one file at a time: parse, check against the schema, add to the model, place the
 * file's own findings (its YAML, the schema, a missing date or quote) while its text is in hand,
 * and drop the data. Only findings about the whole map need a file read a second time.
 */
function readFiles(
  files: readonly string[],
  context: { options: CheckOptions; limits: Limits; scope: ReadScope; reported: ReadonlySet<string> | undefined; settle: (list: readonly Finding[]) => SettledFinding[] },
): FileReadings {
  const { options, limits, scope, reported, settle } = context;
  const stdinFile = options.stdin ? path.resolve(options.cwd, options.stdin.file) : undefined;
  const quotes = options.quotes !== false;
  const readings: FileReadings = { map: { sources: [], claims: [], evidence: [] }, recovered: new Set(), comments: new Map(), lengths: new Map(), stamps: new Map(), placed: [], unplaced: [], texts: new Map() };
  const { map } = readings;
  for (const file of files) {
    const parsed = stdinFile === path.resolve(options.cwd, file) ? parseMapText(file, options.stdin!.text, limits) : loadMapFile(file, options.cwd, limits, scope);
    const isReported = !reported || reported.has(file);
    const own = isReported ? validateFile(parsed) : [];
    // The text is held while the model is built only when there may be findings to place in it
    // (a finding it did not foresee is placed with the map's, by a second reading).
    if (own.length === 0 && !(isReported && quotes && mayLackQuoteOrDate(parsed.data))) parsed.text = undefined;
    const sourcesBefore = map.sources.length;
    const claimsBefore = map.claims.length;
    addToModel(map, parsed.file, parsed.data, { summaries: options.summaries !== false });
    for (const id of parsed.recoveredIds) readings.recovered.add(id);
    const listed = listLengths(parsed.data);
    if (listed) readings.lengths.set(file, listed);
    if (parsed.stamp !== undefined) readings.stamps.set(file, parsed.stamp);
    if (!isReported) continue;
    if (parsed.disableComments) readings.comments.set(file, parsed.disableComments);
    // One push per finding: spreading a file's findings into push overflows the stack past about 100k.
    if (quotes) for (const finding of missingQuotesAndDates(map.sources.slice(sourcesBefore), map.claims.slice(claimsBefore))) own.push(finding);
    const settled = settle(own);
    if (settled.length === 0) continue;
    if (parsed.text === undefined || settled.some((finding) => finding.unread)) {
      for (const finding of settled) readings.unplaced.push(finding);
      continue;
    }
    for (const diagnostic of locateFindings(parsed.text, settled, listed)) readings.placed.push(diagnostic);
    if (options.keepTexts !== false) readings.texts.set(file, parsed.text);
  }
  return readings;
}

/** The library's callers get a TypeError that says what to pass, not one from deep inside node:path. */
function checkArguments(paths: unknown, options: unknown): void {
  if (!Array.isArray(paths) || !paths.every((p) => typeof p === 'string')) throw new TypeError('checkMap(paths, options): paths must be an array of strings (files, directories or glob patterns; [] for the config\'s maps)');
  if (options === null || typeof options !== 'object') throw new TypeError("checkMap(paths, options): options must be an object with at least { cwd: '.' }");
  const { cwd, texts, strict } = options as Record<string, unknown>;
  if (typeof cwd !== 'string') throw new TypeError('checkMap(paths, options): options.cwd must be a string: the directory paths are relative to (process.cwd() for the current one)');
  if (texts !== undefined && texts !== false && typeof texts !== 'string') throw new TypeError('checkMap(paths, options): options.texts must be a directory (a string), false, or absent');
  if (strict !== undefined && typeof strict !== 'boolean') throw new TypeError('checkMap(paths, options): options.strict must be a boolean');
}

/** The files of the map as the config names them; none when there is no map there to find. */
async function mapFilesOf(config: Config, options: CheckOptions, limits: Limits, scope: ReadScope, ignored: ((file: string) => boolean) | undefined): Promise<string[]> {
  try {
    const files = await discoverMapFiles(config.maps, options.cwd, limits.maxFiles, scope);
    return ignored ? files.filter((file) => !ignored(file)) : files;
  } catch (error) {
    if (error instanceof InputError) return []; // no map to give context: the named files alone
    throw error;
  }
}

/**
 * The named files, and after them the rest of the map they belong to: a file checked alone
 * would report every reference into the others as dangling.
 */
function withContext(named: readonly string[], mapFiles: readonly string[], cwd: string): string[] {
  const seen = new Set(named.map((f) => path.resolve(cwd, f)));
  return [...named, ...mapFiles.filter((f) => !seen.has(path.resolve(cwd, f)))];
}

export interface OpenedMap extends CheckResult {
  graph: DebateGraph;
}

/** Load a map for the read-only commands: no quote checks, only errors in `diagnostics`, and the graph built. */
export async function openMap(paths: readonly string[], options: CheckOptions): Promise<OpenedMap> {
  // The paths named are the map these commands answer about: no context from the config.
  const result = await checkMap(paths, { context: false, errorsOnly: true, ...options, quotes: false });
  const { buildGraph } = await import('./graph/build.js');
  return { ...result, graph: buildGraph(result.map) };
}
