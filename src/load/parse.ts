import jsYaml from 'js-yaml';
import { YAML_CORE_SCHEMA } from './core-schema.js';
import type { Document, LineCounter, Node, YAMLError } from 'yaml';
import { YAML_OPTIONS, yamlPackage } from './yaml-package.js';
import { defaultSeverity, type Finding } from '../diagnostics.js';
import { findDisableComments, type DisableComment } from './disable-comments.js';

/** Limits that keep a hostile file from exhausting time or memory (docs/security.md). */
export interface ParseLimits {
  /** Alias nodes allowed per file; aliases are not needed to write a map. */
  maxAliasCount: number;
  /** Nesting depth of mappings and lists; a map file needs about 6. */
  maxDepth: number;
  /** Keys in one mapping; a claim has at most 16. */
  maxKeys: number;
  /** Bytes per file. */
  maxFileBytes: number;
}

export const DEFAULT_LIMITS: ParseLimits = { maxAliasCount: 100, maxDepth: 64, maxKeys: 1000, maxFileBytes: 4 * 1024 * 1024 };

export interface ParsedFile {
  file: string;
  /** The file's data, or undefined when it could not be parsed. */
  data: unknown;
  /** Ids found in a file that failed to parse, so other files' references to them do not cascade. */
  recoveredIds: string[];
  findings: Finding[];
  /** The file's `# riposte-disable-next-line` comments, when it has any. */
  disableComments?: DisableComment[];
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
        finding: {
          code: 'unsupported-yaml',
          message: `riposte reads every map as YAML 1.2 (yes and no are text, no merge keys), so this '%YAML ${version}' directive would mislead; remove it`,
          file,
          pointer: '',
          offset: at,
        },
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

export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * Limits are checked on data without positions. Such a file is not parsed again to find
 * one (that could take as long as the limit exists to prevent): the finding sits at the
 * start of the file and names the place by its JSON pointer.
 */
function tooDeep(file: string, limits: ParseLimits, offset?: number, pointer = ''): Finding {
  return {
    code: 'limit-exceeded',
    message: `nesting deeper than ${limits.maxDepth} levels${offset === undefined && pointer ? ` (at ${pointer})` : ''}; a map file needs about 6 (raise the limit with --max-depth)`,
    file,
    pointer,
    offset: offset ?? 0,
  };
}

interface Shape {
  /** js-yaml resolves an alias to the very same object: a shared node means aliases were used. */
  shared: boolean;
  problem?: (file: string) => Finding;
}

/**
 * One walk over the data, without recursion: aliases (stop at the first when `stopAtShared`),
 * depth, and the widest mapping.
 */
function inspect(root: unknown, limits: ParseLimits, stopAtShared = true): Shape {
  interface Entry {
    value: object;
    depth: number;
    parent: Entry | undefined;
    key: string;
  }
  // Paths are built only for a finding: the walk itself allocates no strings.
  const pathOf = (entry: Entry | undefined): string => {
    const segments: string[] = [];
    for (let e = entry; e?.parent; e = e.parent) segments.push(e.key.replace(/~/g, '~0').replace(/\//g, '~1'));
    return segments.reverse().map((segment) => `/${segment}`).join('');
  };
  const seen = new Set<object>();
  if (root === null || typeof root !== 'object') return { shared: false };
  const stack: Entry[] = [{ value: root, depth: 0, parent: undefined, key: '' }];
  while (stack.length > 0) {
    const entry = stack.pop()!;
    const { value, depth } = entry;
    if (seen.has(value)) {
      if (stopAtShared) return { shared: true };
      continue;
    }
    seen.add(value);
    if (depth >= limits.maxDepth) return { shared: false, problem: (file) => tooDeep(file, limits, undefined, pathOf(entry)) };
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        const item: unknown = value[i];
        if (item !== null && typeof item === 'object') stack.push({ value: item, depth: depth + 1, parent: entry, key: String(i) });
      }
    } else {
      const keys = Object.keys(value);
      if (keys.length > limits.maxKeys) {
        const path = pathOf(entry);
        return {
          shared: false,
          problem: (file) => ({
            code: 'limit-exceeded',
            message: `a mapping with ${keys.length} keys${path ? ` (at ${path})` : ''}, over the limit of ${limits.maxKeys}; a claim has at most 16 (raise the limit with --max-keys)`,
            file,
            pointer: path,
            offset: 0,
          }),
        };
      }
      for (const key of keys) {
        const item = (value as Record<string, unknown>)[key];
        if (item !== null && typeof item === 'object') stack.push({ value: item, depth: depth + 1, parent: entry, key });
      }
    }
  }
  return { shared: false };
}

export interface PreciseDocument {
  doc: Document.Parsed;
  lineCounter: LineCounter;
}

export function parsePreciseDocument(text: string): PreciseDocument {
  const { LineCounter, parseDocument } = yamlPackage();
  const lineCounter = new LineCounter();
  // uniqueKeys is checked by duplicateKeys() below: the package's own check compares every
  // key with every other, which takes minutes on a mapping with a million keys.
  const doc = parseDocument(stripBom(text), { ...YAML_OPTIONS, lineCounter });
  return { doc, lineCounter };
}

/** Offsets of keys repeated in their mapping, in one pass with a set per mapping. */
export function duplicateKeys(doc: Document.Parsed): { offset: number; key: string }[] {
  return keyProblems(doc).duplicates;
}

/**
 * Keys repeated in their mapping, and keys that are not text (a list or a mapping as a key,
 * which a map never needs and which each parser would name differently), in one pass.
 */
export function keyProblems(doc: Document.Parsed): { duplicates: { offset: number; key: string }[]; complex: { offset: number }[] } {
  const { isMap, isPair, isScalar, isSeq } = yamlPackage();
  const found: { offset: number; key: string }[] = [];
  const complex: { offset: number }[] = [];
  const stack: unknown[] = [doc.contents];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isMap(node)) {
      const seen = new Set<string>();
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        if (isScalar(pair.key)) {
          const key = String(pair.key.value);
          if (seen.has(key)) found.push({ offset: pair.key.range?.[0] ?? 0, key });
          seen.add(key);
        } else if (isMap(pair.key) || isSeq(pair.key)) {
          complex.push({ offset: pair.key.range?.[0] ?? 0 });
        }
        stack.push(pair.value);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) stack.push(item);
    }
  }
  return { duplicates: found.sort((a, b) => a.offset - b.offset), complex: complex.sort((a, b) => a.offset - b.offset) };
}

function parsePrecisely(file: string, source: string, limits: ParseLimits): ParsedFile {
  const { doc } = parsePreciseDocument(source);
  const findings: Finding[] = [];
  // The parser may report one mistake several times at one place: keep the first.
  const reportedAt = new Set<number>();
  for (const error of doc.errors) {
    const finding = yamlFinding(file, source, error, true);
    if (reportedAt.has(finding.offset!)) continue;
    reportedAt.add(finding.offset!);
    findings.push(finding);
  }
  const keys = keyProblems(doc);
  for (const { offset } of keys.complex) {
    findings.push({
      code: 'unsupported-yaml',
      message: 'this key is a list or a mapping; keys of a map file are plain text, write it as one',
      file,
      pointer: '',
      offset,
    });
  }
  for (const { offset, key } of keys.duplicates) {
    findings.push({
      code: 'duplicate-key',
      message: `the key '${key}' appears twice in this mapping; each key may appear once, merge or remove the repeated one`,
      file,
      pointer: '',
      offset,
    });
  }
  for (const warning of doc.warnings) {
    // An unknown tag (`!!js/function`, `!custom`) is never executed; riposte refuses it.
    const unsupported = warning.code === 'TAG_RESOLVE_FAILED';
    findings.push(yamlFinding(file, source, warning, unsupported));
  }
  // A repeated key leaves the data readable: check the rest of the file too.
  const fatal = findings.some((f) => defaultSeverity(f) === 'error' && f.code !== 'duplicate-key');
  if (fatal) {
    return { file, data: undefined, recoveredIds: recoverIds(doc), findings };
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: limits.maxAliasCount });
    const shape = inspect(data, limits, false);
    // Over a limit: refused as the fast path refuses it, ids not recovered (the same outcome on both paths).
    if (shape.problem) return { file, data: undefined, recoveredIds: [], findings: [...findings, shape.problem(file)] };
  } catch (error) {
    findings.push({
      code: 'unsupported-yaml',
      message: `${(error as Error).message}; riposte maps need no aliases, write the value out`,
      file,
      pointer: '',
      offset: 0,
    });
    return { file, data: undefined, recoveredIds: recoverIds(doc), findings };
  }
  return { file, data, recoveredIds: [], findings };
}

/**
 * Where a YAML error really is, and what to say about it. The parser reports an unclosed
 * string at the end of the file; the mistake is where the string opens.
 */
export function describeYamlError(source: string, error: YAMLError): { offset: number; message: string } {
  let message = error.message.split('\n')[0] ?? error.message;
  // The yaml package appends " at line L, column C"; positions are rendered separately.
  message = message.replace(/ at line \d+, column \d+:?$/, '');
  let offset = error.pos[0];
  const unclosed = /^Missing closing (["'])quote/.exec(message);
  if (error.code === 'MISSING_CHAR' && unclosed) {
    const opening = source.lastIndexOf(unclosed[1]!, offset);
    if (opening >= 0) {
      offset = opening;
      message = `this ${unclosed[1] === '"' ? 'double' : 'single'}-quoted string is never closed; add the closing ${unclosed[1]}`;
    }
  }
  return { offset, message };
}

/** What to do about the parser's commonest complaints, in the terms of a map file. */
const YAML_ADVICE: Partial<Record<string, string>> = {
  BLOCK_AS_IMPLICIT_KEY: "check the indentation of this line and the next (a key lines up with the keys above it), or quote a value that holds ': '",
  MULTILINE_IMPLICIT_KEY: "check the indentation of this line and the next (a key lines up with the keys above it), or quote a value that holds ': '",
  BAD_INDENT: 'close the bracket, or indent the lines inside it further than their key',
  TAB_AS_INDENT: 'indent with spaces',
  BAD_SCALAR_START: 'quote the value',
  UNEXPECTED_TOKEN: 'check the indentation and the punctuation of this line',
};

function yamlFinding(file: string, source: string, error: YAMLError, isError: boolean): Finding {
  const code =
    error.code === 'DUPLICATE_KEY'
      ? 'duplicate-key'
      : error.code === 'TAG_RESOLVE_FAILED' || error.code === 'BAD_ALIAS'
        ? 'unsupported-yaml'
        : isError
          ? 'yaml-syntax'
          : 'yaml-warning';
  const described = describeYamlError(source, error);
  const offset = described.offset;
  let message = described.message;
  if (code === 'duplicate-key') message = `${message}; each key may appear once in a mapping, merge or remove the repeated one`;
  if (error.code === 'MULTIPLE_DOCS') message = `a map file holds one YAML document, and '---' starts a second one here: move it to a file of its own`;
  const advice = YAML_ADVICE[error.code];
  if (advice) message = `${message}; ${advice}`;
  if (code === 'unsupported-yaml' && error.code === 'TAG_RESOLVE_FAILED') {
    message = `${message}; riposte reads plain YAML only (no custom tags), remove the tag`;
  }
  return { code, message, file, pointer: '', offset };
}

/** Collect `id:` values from whatever a broken document still holds. */
function recoverIds(doc: Document.Parsed): string[] {
  const { isMap, isPair, isScalar, isSeq } = yamlPackage();
  const ids: string[] = [];
  const visit = (node: unknown, depth: number): void => {
    if (depth > 64) return;
    if (isMap(node)) {
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const key = isScalar(pair.key) ? pair.key.value : undefined;
        if (key === 'id' && isScalar(pair.value) && typeof pair.value.value === 'string') ids.push(pair.value.value);
        else visit(pair.value, depth + 1);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) visit(item as Node, depth + 1);
    }
  };
  visit(doc.contents, 0);
  return ids;
}
