import { defaultSeverity, finding, messageOf } from '../diagnostics.js';
import { describeFileProblem, describeKindName } from '../wording.js';
import { lstatSync } from 'node:fs';
import path from 'node:path';
import { InputError, describeFsError } from './discover.js';
import { DEFAULT_LIMITS, parseMapText, type ParseLimits } from './parse.js';
import { decodeMapBytes, readBoundedFile } from './read.js';
import { globBase, isInside, makeScope, realOrSelf, resolveForRead, scopeAllows } from './scope.js';
import type { IgnorePattern } from './ignore.js';
import { lineStarts, locateFindings } from './locate.js';
import { readRuleSetting, type RuleSettings } from '../rule-settings.js';
import { suggestion } from '../suggest.js';

export const CONFIG_FILE = 'riposte.config.yaml';

export interface Config {
  /** Absolute path of the config file, when one was found. */
  file?: string;
  /** The project root: the config file's directory, or the working directory without one. Reads stay inside it. */
  root: string;
  /** Directory holding the sources' full texts (absolute). */
  texts?: string;
  /** Why `texts` may not be read (it leaves the project): an error when no --texts replaces it. */
  textsRefused?: string;
  /** Map paths used when a command is given none. */
  maps: string[];
  /** Limits raised or lowered from their defaults (docs/security.md). */
  limits: Partial<Limits>;
  /** Findings turned off, or made warnings or errors (`rules:`; docs/rules.md). */
  rules: RuleSettings;
  /** Map files to leave out wherever they are found (`ignore:`), relative to the config's directory. */
  ignore: IgnorePattern[];
}

/** Every limit, with its name in the config file's `limits`. */
export interface Limits extends ParseLimits {
  /** Map files one run may read. */
  maxFiles: number;
  /** Bytes of one source text. */
  maxTextBytes: number;
}

/** The limits in force: the defaults, then the config file's, then the flags'. */
export function resolveLimits(config: Config, flags: Partial<Limits> = {}): Limits {
  return { ...DEFAULT_LIMITS, maxFiles: 100_000, maxTextBytes: 16 * 1024 * 1024, ...config.limits, ...flags };
}

export const LIMIT_SETTINGS: Record<string, keyof Limits> = {
  max_file_size_mb: 'maxFileBytes',
  max_depth: 'maxDepth',
  max_keys: 'maxKeys',
  max_aliases: 'maxAliasCount',
  max_files: 'maxFiles',
  max_text_size_mb: 'maxTextBytes',
};

/** The largest config file read: a config is a few lines. */
const MAX_CONFIG_BYTES = 1024 * 1024;

const KNOWN_KEYS = ['texts', 'maps', 'ignore', 'limits', 'rules'];

/**
 * Find riposte.config.yaml in `cwd` or the nearest directory above it, or read `explicit`.
 * Paths inside it are relative to the file itself.
 */
export async function loadConfig(cwd: string, explicit?: string): Promise<Config> {
  const file = explicit ? path.resolve(cwd, explicit) : findUp(cwd);
  if (!file) return { root: path.resolve(cwd), maps: ['arguments'], limits: {}, rules: {}, ignore: [] };
  const shown = path.relative(cwd, file) || file;
  const text = readConfigText(file, explicit ?? shown, explicit !== undefined);
  // Read as every map file is read: the same YAML semantics, the same limits, the same findings.
  const parsed = parseMapText(shown, text, DEFAULT_LIMITS);
  const problem = parsed.findings.find((f) => defaultSeverity(f) === 'error');
  if (problem) {
    const { line, col: column } = lineStarts(text)(problem.offset ?? 0);
    throw new InputError(`config ${shown}:${line}:${column}: ${messageOf(problem)}`, file);
  }
  const data = (parsed.data ?? {}) as Record<string, unknown>;
  /** A setting that cannot be used: the error names the config's line and column (the key's, with `atKey`). */
  const wrong = (pointer: string, message: string, atKey = false): InputError => {
    const [placed] = locateFindings(text, [{ ...finding('invalid-value', { why: 'other', text: message }, { file: shown, pointer, ...(atKey ? { atKey } : {}) }), severity: 'error' }]);
    const at = placed && placed.line > 0 ? `:${placed.line}:${placed.column}` : '';
    return new InputError(`config ${shown}${at}: ${message}`, file);
  };
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw wrong('', 'expected a mapping of settings');
  for (const key of Object.keys(data)) {
    if (!Object.hasOwn(data, key)) continue;
    if (!KNOWN_KEYS.includes(key)) throw wrong(`/${escapePointer(key)}`, `unknown setting '${key}'${suggestion(key, KNOWN_KEYS)}; known settings: ${KNOWN_KEYS.join(', ')}`, true);
  }
  const base = path.dirname(file);
  const config: Config = { file, root: base, maps: [], limits: {}, rules: {}, ignore: [] };
  if (data.ignore !== undefined) {
    if (!Array.isArray(data.ignore) || !data.ignore.every((p) => typeof p === 'string' && p.length > 0)) throw wrong('/ignore', "'ignore' must be a list of file or directory patterns, e.g. ignore: [arguments/drafts]");
    config.ignore = (data.ignore as string[]).map((pattern) => ({ pattern, base }));
  }
  if (data.limits !== undefined) {
    if (typeof data.limits !== 'object' || data.limits === null || Array.isArray(data.limits)) {
      throw wrong('/limits', "'limits' must be a mapping, e.g. limits: {max_depth: 128}");
    }
    for (const [name, value] of Object.entries(data.limits as Record<string, unknown>)) {
      const key = Object.hasOwn(LIMIT_SETTINGS, name) ? LIMIT_SETTINGS[name] : undefined;
      const at = `/limits/${escapePointer(name)}`;
      if (!key) throw wrong(at, `unknown limit '${name}'${suggestion(name, Object.keys(LIMIT_SETTINGS))}; known limits: ${Object.keys(LIMIT_SETTINGS).join(', ')}`, true);
      if (typeof value !== 'number' || !(value > 0)) throw wrong(at, `limit '${name}' must be a positive number`);
      config.limits[key] = key === 'maxFileBytes' || key === 'maxTextBytes' ? Math.round(value * 1024 * 1024) : Math.floor(value);
    }
  }
  if (data.rules !== undefined) {
    if (typeof data.rules !== 'object' || data.rules === null || Array.isArray(data.rules)) {
      throw wrong('/rules', "'rules' must be a mapping of finding codes to off, warn or error, e.g. rules: {missing-quote: off}");
    }
    for (const [code, level] of Object.entries(data.rules as Record<string, unknown>)) {
      const setting = readRuleSetting(code, level);
      if ('problem' in setting) throw wrong(`/rules/${escapePointer(code)}`, setting.problem, setting.inCode);
      config.rules[setting.code] = setting.level;
    }
  }
  if (data.texts !== undefined) {
    if (typeof data.texts !== 'string') throw wrong('/texts', "'texts' must be a directory path");
    config.texts = path.resolve(base, data.texts);
    // Refused only when used: --texts on the command line replaces it.
    const refused = outsideProject(config.texts, base, `config ${shown}: the texts directory '${data.texts}'`, 'or give a texts directory you trust on the command line (--texts DIR)');
    if (refused) config.textsRefused = refused;
  }
  const maps = data.maps === undefined ? ['arguments'] : data.maps;
  if (!Array.isArray(maps) || !maps.every((m) => typeof m === 'string')) throw wrong('/maps', "'maps' must be a list of paths");
  for (const entry of maps as string[]) {
    // Patterns are matched inside their base, so the base is what must stay in the project.
    const refused = outsideProject(path.resolve(base, globBase(entry)), base, `config ${shown}: maps entry '${entry}'`, 'or name it on the command line if you trust it');
    if (refused) throw new InputError(refused, file);
  }
  config.maps = maps.map((m) => path.relative(cwd, path.resolve(base, m)) || '.');
  return config;
}

/**
 * A path named by the config must lie in the project, links followed, and not in a hidden
 * directory of it: the config may come from a pull request, and only the command line may
 * point riposte elsewhere.
 */
function outsideProject(target: string, root: string, what: string, otherwise: string): string | undefined {
  const real = realOrSelf(target);
  const allowed = scopeAllows(makeScope('the project', [root]), real);
  if (isInside(target, root) && allowed.ok) return undefined;
  const where = allowed.ok || !allowed.hidden ? `lies outside the project (${root})` : `is hidden ('${allowed.hidden}')`;
  return `${what}${real !== target ? ` (a link to '${real}')` : ''} ${where}; a config may only name visible paths inside its own directory: move it into the project, ${otherwise}`;
}

/**
 * Read the config file: a regular file of bounded size. One found by searching upward may
 * not be a link that leaves its directory; one named with --config was chosen by the user.
 */
function readConfigText(file: string, shown: string, named: boolean): string {
  let real = file;
  if (!named) {
    const resolved = resolveForRead(file, shown, makeScope('the project', [path.dirname(file)]));
    if (!resolved.ok) throw new InputError(`config: ${describeFileProblem(resolved.refusal.problem)}`, file);
    real = resolved.real;
  }
  const read = readBoundedFile(real, MAX_CONFIG_BYTES);
  if (!read.ok) {
    const why = read.tooLarge !== undefined ? `'${shown}' is over 1 MB; a config is a few lines` : read.kind !== undefined ? `'${shown}' is ${describeKindName(read.kind)}, not a file` : describeFsError(read.error, shown);
    throw new InputError(`config: ${why}`, file);
  }
  const decoded = decodeMapBytes(shown, read.bytes);
  if (!decoded.ok) throw new InputError(`config: ${messageOf(decoded.finding)}`, file);
  return decoded.text;
}

/** The nearest riposte.config.yaml: any entry of that name counts (a link or a FIFO is refused when read, never skipped). */
function findUp(start: string): string | undefined {
  let dir = path.resolve(start);
  for (;;) {
    const candidate = path.join(dir, CONFIG_FILE);
    try {
      if (lstatExists(candidate)) return candidate;
    } catch {
      // not here; look in the parent
    }
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

function lstatExists(file: string): boolean {
  try {
    lstatSync(file);
    return true;
  } catch {
    return false;
  }
}

function escapePointer(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}
