import jsYaml from 'js-yaml';
import { YAML_CORE_SCHEMA } from './core-schema.js';
import { finding, type Finding } from '../diagnostics.js';
import { findDisableComments, type DisableComment } from './disable-comments.js';
import { DEFAULT_LIMITS, inspect, tooDeep, type ParseLimits } from './limits.js';
import { parsePrecisely, stripBom } from './precise.js';

// Reading a map file is four jobs, one module each: this one (which parser, and YAML 1.2 only),
// limits.ts (the walk that enforces the limits), precise.ts (the position-keeping parse, with
// repeated keys and ids recovered from broken files), yaml-errors.ts (what to say about an error).
export { DEFAULT_LIMITS, type ParseLimits } from './limits.js';
export { parsePreciseDocument, type PreciseDocument } from './precise.js';

export interface ParsedFile {
  file: string;
  /** The file's data, or undefined when it could not be parsed. */
  data: unknown;
  /** Ids found in a file that failed to parse, so other files' references to them do not cascade. */
  recoveredIds: string[];
  findings: Finding[];
  /** The file's `# riposte-disable-next-line` comments, when it has any. */
  disableComments?: DisableComment[];
  /** What the file was when read from disk (read.ts): placing its findings reads it again only if it is unchanged. */
  stamp?: string;
  /** The text the data was parsed from: findings known while it is in hand are placed in it, with no second reading. */
  text?: string;
}

/**
 * Parse with js-yaml first: about ten times faster than the `yaml` package on large maps.
 * It keeps no positions, so any file it rejects (syntax error, duplicate key, unknown
 * tag, several documents) or that uses aliases is parsed again by `yaml`, which reports
 * every error with its position. Both read YAML 1.2 with the core schema, so they agree
 * on the data (tests/parse.test.ts).
 */
export function parseMapText(file: string, text: string, limits: ParseLimits = DEFAULT_LIMITS): ParsedFile {
  const { source, finding } = yaml12Only(file, stripBom(text));
  const parsed = parseYaml12(file, source, limits);
  if (finding) parsed.findings.unshift(finding);
  const comments = findDisableComments(source);
  if (comments.length > 0) parsed.disableComments = comments;
  parsed.text = text;
  return parsed;
}

/**
 * The same as parseMapText, always on the precise path: what the fast path must agree with
 * (tests/yaml-semantics.test.ts checks that it does, on generated documents).
 */
export function parseMapTextPrecisely(file: string, text: string, limits: ParseLimits = DEFAULT_LIMITS): ParsedFile {
  const { source, finding } = yaml12Only(file, stripBom(text));
  const parsed = parsePrecisely(file, source, limits);
  if (finding) parsed.findings.unshift(finding);
  return parsed;
}

/**
 * One YAML semantics: every file is read as YAML 1.2 with the core schema. A `%YAML 1.1`
 * directive would turn `yes` into true and enable merge keys in one parser and not the
 * other, so it is reported and blanked out (offsets kept) before either parser sees it.
 */
function yaml12Only(file: string, source: string): { source: string; finding?: Finding } {
  if (!source.includes('%YAML')) return { source };
  for (let at = 0; at < source.length; ) {
    const end = source.indexOf('\n', at) < 0 ? source.length : source.indexOf('\n', at);
    const line = source.slice(at, end);
    const version = /^%YAML[ \t]+([^\s#]*)/.exec(line)?.[1];
    if (version !== undefined && version !== '1.2') {
      return {
        source: source.slice(0, at) + ' '.repeat(line.length) + source.slice(end),
        finding: finding('unsupported-yaml', { why: 'yaml-directive', version }, { file, pointer: '', offset: at }),
      };
    }
    // Directives and comments come before the document; anything else ends the search.
    if (!/^(%|#|\s*$)/.test(line)) break;
    at = end + 1;
  }
  return { source };
}

/**
 * Text that may hold a key that is a list or a mapping (`? [a, b]`, `[a, b]: 1`): js-yaml would
 * turn it into a string silently, so such files take the precise path, which reports it.
 */
const COMPLEX_KEY = /(?:^|\n)[ \t-]*\?(?:[ \t]|$)|[\]}][ \t]*:(?:[ \t\n]|$)/;

/**
 * Text that may hold an anchor (`&name` where a node begins; not the '&' of "R&D"). js-yaml
 * copies an aliased scalar without a trace, so the alias limit could not be enforced on its
 * data: such files take the precise path, which counts aliases.
 */
const ANCHOR = /(?:^|[\s[{,])&[^\s,[\]{}]/;

/**
 * The data of a file the fast parser reads without doubt (no anchor, no complex key, no
 * warning, no error), or undefined: what a locator may check pieces of the file against.
 */
export function plainData(source: string, maxDepth = DEFAULT_LIMITS.maxDepth): unknown {
  if (COMPLEX_KEY.test(source) || ANCHOR.test(source) || source.includes('%YAML')) return undefined;
  let warned = false;
  try {
    const data = jsYaml.load(stripBom(source), { schema: YAML_CORE_SCHEMA, json: false, onWarning: () => (warned = true), maxDepth } as jsYaml.LoadOptions);
    return warned ? undefined : data;
  } catch {
    return undefined;
  }
}

function parseYaml12(file: string, source: string, limits: ParseLimits): ParsedFile {
  if (COMPLEX_KEY.test(source) || ANCHOR.test(source)) return parsePrecisely(file, source, limits);
  let data: unknown;
  let warned = false;
  try {
    data = jsYaml.load(source, { schema: YAML_CORE_SCHEMA, json: false, onWarning: () => (warned = true), maxDepth: limits.maxDepth } as jsYaml.LoadOptions);
  } catch (error) {
    // Too deep: say so at once, rather than have the second parser walk it all.
    const mark = (error as { mark?: { position?: number } }).mark;
    if (/^nesting exceeded maxDepth/.test((error as Error).message) && mark?.position !== undefined) {
      return { file, data: undefined, recoveredIds: [], findings: [tooDeep(file, limits, mark.position)] };
    }
    return parsePrecisely(file, source, limits);
  }
  if (warned) return parsePrecisely(file, source, limits);
  // js-yaml has enforced the depth limit, and files with anchors took the precise path. With
  // few ':' ',' '?' no mapping can be too wide: most files need no walk at all.
  if (source.indexOf('&') < 0 && keyBound(source, limits.maxKeys) <= limits.maxKeys) return { file, data, recoveredIds: [], findings: [] };
  const shape = inspect(data, limits);
  if (shape.shared) return parsePrecisely(file, source, limits);
  // Refused for a limit at once, without the slow parser a hostile file is built to exhaust.
  if (shape.problem) return { file, data: undefined, recoveredIds: [], findings: [shape.problem(file)] };
  return { file, data, recoveredIds: [], findings: [] };
}

/** An upper bound on the keys of any one mapping, counted up to `stop`. */
function keyBound(text: string, stop: number): number {
  let count = 1;
  for (const ch of [':', ',', '?']) {
    for (let i = text.indexOf(ch); i >= 0 && count <= stop; i = text.indexOf(ch, i + 1)) count++;
  }
  return count;
}
