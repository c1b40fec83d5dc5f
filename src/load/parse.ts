import jsYaml from 'js-yaml';
import { YAML_CORE_SCHEMA } from './core-schema.js';
import type { Document, LineCounter, Node, YAMLError } from 'yaml';
import { yamlPackage } from './yaml-package.js';
import type { Finding } from '../diagnostics.js';

/** Limits that keep a hostile file from exhausting memory. */
export interface ParseLimits {
  /** Alias nodes allowed per file; aliases are not needed to write a map. */
  maxAliasCount: number;
}

export const DEFAULT_LIMITS: ParseLimits = { maxAliasCount: 100 };

export interface ParsedFile {
  file: string;
  /** The file's data, or undefined when it could not be parsed. */
  data: unknown;
  /** Ids found in a file that failed to parse, so other files' references to them do not cascade. */
  recoveredIds: string[];
  findings: Finding[];
}

/**
 * Parse with js-yaml first: about ten times faster than the `yaml` package on large maps.
 * It keeps no positions, so any file it rejects (syntax error, duplicate key, unknown
 * tag, several documents) or that uses aliases is parsed again by `yaml`, which reports
 * every error with its position. Both read YAML 1.2 with the core schema, so they agree
 * on the data (tests/parse-differential.test.ts).
 */
export function parseMapText(file: string, text: string, limits: ParseLimits = DEFAULT_LIMITS): ParsedFile {
  const source = stripBom(text);
  let data: unknown;
  let warned = false;
  try {
    data = jsYaml.load(source, { schema: YAML_CORE_SCHEMA, json: false, onWarning: () => (warned = true) });
  } catch {
    return parsePrecisely(file, source, limits);
  }
  if (warned) return parsePrecisely(file, source, limits);
  if (hasSharedNodes(data)) return parsePrecisely(file, source, limits);
  return { file, data, recoveredIds: [], findings: [] };
}

export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** js-yaml resolves an alias to the very same object: a shared node means aliases were used. */
function hasSharedNodes(root: unknown): boolean {
  const seen = new Set<object>();
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const value = stack.pop();
    if (value === null || typeof value !== 'object') continue;
    if (seen.has(value)) return true;
    seen.add(value);
    if (Array.isArray(value)) {
      for (const item of value) if (item !== null && typeof item === 'object') stack.push(item);
    } else {
      for (const key in value) {
        const item = (value as Record<string, unknown>)[key];
        if (item !== null && typeof item === 'object') stack.push(item);
      }
    }
  }
  return false;
}

export interface PreciseDocument {
  doc: Document.Parsed;
  lineCounter: LineCounter;
}

export function parsePreciseDocument(text: string): PreciseDocument {
  const { LineCounter, parseDocument } = yamlPackage();
  const lineCounter = new LineCounter();
  const doc = parseDocument(stripBom(text), { lineCounter, uniqueKeys: true, prettyErrors: false, strict: true });
  return { doc, lineCounter };
}

function parsePrecisely(file: string, source: string, limits: ParseLimits): ParsedFile {
  const { doc } = parsePreciseDocument(source);
  const findings: Finding[] = [];
  for (const error of doc.errors) findings.push(yamlFinding(file, source, error, 'error'));
  for (const warning of doc.warnings) {
    // An unknown tag (`!!js/function`, `!custom`) is never executed; riposte refuses it.
    const unsupported = warning.code === 'TAG_RESOLVE_FAILED';
    findings.push(yamlFinding(file, source, warning, unsupported ? 'error' : 'warning'));
  }
  // A repeated key leaves the data readable: check the rest of the file too.
  const fatal = findings.some((f) => f.severity === 'error' && f.code !== 'duplicate-key');
  if (fatal) {
    return { file, data: undefined, recoveredIds: recoverIds(doc), findings };
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: limits.maxAliasCount });
  } catch (error) {
    findings.push({
      code: 'unsupported-yaml',
      severity: 'error',
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

function yamlFinding(file: string, source: string, error: YAMLError, severity: 'error' | 'warning'): Finding {
  const code =
    error.code === 'DUPLICATE_KEY'
      ? 'duplicate-key'
      : error.code === 'TAG_RESOLVE_FAILED' || error.code === 'BAD_ALIAS'
        ? 'unsupported-yaml'
        : severity === 'error'
          ? 'yaml-syntax'
          : 'yaml-warning';
  const described = describeYamlError(source, error);
  const offset = described.offset;
  let message = described.message;
  if (code === 'duplicate-key') message = `${message}; each key may appear once in a mapping, merge or remove the repeated one`;
  if (code === 'unsupported-yaml' && error.code === 'TAG_RESOLVE_FAILED') {
    message = `${message}; riposte reads plain YAML only (no custom tags), remove the tag`;
  }
  return { code, severity, message, file, pointer: '', offset };
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
