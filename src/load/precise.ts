import type { Document, LineCounter, Node } from 'yaml';
import { defaultSeverity, finding, type Finding } from '../diagnostics.js';
import { inspect, type ParseLimits } from './limits.js';
import type { ParsedFile } from './parse.js';
import { YAML_OPTIONS, yamlPackage } from './yaml-package.js';
import { yamlFinding } from './yaml-errors.js';

export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

export interface PreciseDocument {
  doc: Document.Parsed;
  lineCounter: LineCounter;
}

export function parsePreciseDocument(text: string): PreciseDocument {
  const { LineCounter, parseDocument } = yamlPackage();
  const lineCounter = new LineCounter();
  // Repeated keys are found by keyProblems() below: the package's own check compares every
  // key with every other, which takes minutes on a mapping with a million keys.
  const doc = parseDocument(stripBom(text), { ...YAML_OPTIONS, lineCounter });
  return { doc, lineCounter };
}

/**
 * Keys repeated in their mapping, and keys that are not text (a list or a mapping as a key,
 * which a map never needs and which each parser would name differently), in one pass.
 */
function keyProblems(doc: Document.Parsed): { duplicates: { offset: number; key: string }[]; complex: { offset: number }[] } {
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

export function parsePrecisely(file: string, source: string, limits: ParseLimits): ParsedFile {
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
    findings.push(finding('unsupported-yaml', { why: 'complex-key' }, { file, pointer: '', offset }));
  }
  for (const { offset, key } of keys.duplicates) {
    findings.push(finding('duplicate-key', { why: 'repeated-key', key }, { file, pointer: '', offset }));
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
    findings.push(finding('unsupported-yaml', { why: 'aliases', text: (error as Error).message }, { file, pointer: '', offset: 0 }));
    return { file, data: undefined, recoveredIds: recoverIds(doc), findings };
  }
  return { file, data, recoveredIds: [], findings };
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
