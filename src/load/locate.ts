import type { Node, Pair } from 'yaml';
import { yamlPackage } from './yaml-package.js';
import type { Diagnostic, SettledFinding } from '../diagnostics.js';
import { chunkLocator, type ListLengths, type Range } from './chunk-locate.js';
import { parsePreciseDocument } from './parse.js';

export function pointerToPath(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'));
}

export function pathToPointer(path: readonly (string | number)[]): string {
  return path.map((segment) => '/' + String(segment).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}

/** 1-based line and column of an offset, by binary search over the line starts. */
export function lineStarts(text: string): (offset: number) => { line: number; col: number } {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, col: offset - starts[low]! + 1 };
  };
}


/**
 * A finding placed at `line` and `column` (0 and 0: the file as a whole). Built field by field,
 * not by spreading: every diagnostic then has one shape, which is several times faster to make
 * and to read for the 100,000 findings of a large map.
 */
export function placed(finding: SettledFinding, line: number, column: number, range?: Range, end?: { line: number; col: number }): Diagnostic {
  const diagnostic = { code: finding.code, args: finding.args, severity: finding.severity, file: finding.file, pointer: finding.pointer, line, column } as Diagnostic;
  if (range) {
    diagnostic.offset = range.start;
    diagnostic.endOffset = range.end;
  }
  if (end) {
    diagnostic.endLine = end.line;
    diagnostic.endColumn = end.col;
  }
  if (finding.fix) diagnostic.fix = finding.fix;
  return diagnostic;
}

/**
 * Attach line and column to findings of one file. The file is parsed again with the
 * position-keeping parser only here, so clean files never pay for it; `lengths` (of its lists,
 * from the first parse) lets a large file's items be placed without parsing it again at all.
 */
export function locateFindings(text: string, findings: readonly SettledFinding[], lengths?: ListLengths): Diagnostic[] {
  const bomShift = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  if (findings.every((f) => f.offset !== undefined)) {
    // Positions known already (YAML errors, limits): no need to parse a file that may be huge.
    const linePos = lineStarts(text.slice(bomShift));
    return findings.map((finding) => {
      const { line, col } = linePos(finding.offset!);
      return placed(finding, line, col, { start: finding.offset! + bomShift, end: finding.offset! + bomShift });
    });
  }
  // A large file is not parsed again whole when the pieces its findings point into can be.
  const byChunk = text.length >= CHUNK_LOCATE_BYTES ? chunkLocator(text, findRange, lengths) : undefined;
  let whole: ReturnType<typeof parsePreciseDocument> | undefined;
  const linePos = lineStarts(text.slice(bomShift));
  return findings.map((finding) => {
    const atKey = finding.atKey === true;
    let range: Range | undefined;
    if (finding.offset !== undefined) range = { start: finding.offset, end: finding.offset };
    else {
      const path = pointerToPath(finding.pointer);
      range = byChunk?.(path, atKey);
      if (!range) {
        whole ??= parsePreciseDocument(text);
        range = findRange(whole.doc.contents, path, atKey);
      }
    }
    if (!range) return placed(finding, 0, 0);
    const { line, col } = linePos(range.start);
    return placed(finding, line, col, { start: range.start + bomShift, end: range.end + bomShift }, range.end > range.start ? linePos(range.end) : undefined);
  });
}

/** Files from this size are placed piece by piece (chunk-locate.ts); smaller ones are parsed whole. */
export const CHUNK_LOCATE_BYTES = 64 * 1024;

function nodeRange(node: Node | Pair | null | undefined): Range | undefined {
  const { isPair } = yamlPackage();
  const target = isPair(node) ? (node.key as Node | null) : node;
  const range = target && 'range' in target ? target.range : undefined;
  return range ? { start: range[0], end: range[1] } : undefined;
}

export function findRange(root: unknown, path: readonly string[], atKey: boolean): Range | undefined {
  const { isMap, isScalar, isSeq } = yamlPackage();
  let node = root as Node | null;
  let best = nodeRange(node) ?? { start: 0, end: 0 };
  for (let i = 0; i < path.length; i++) {
    const segment = path[i]!;
    const last = i === path.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === segment);
      if (!pair) return best;
      if (last && atKey) return nodeRange(pair) ?? best;
      node = pair.value as Node | null;
      // A key with no value (`quote:`) has no range of its own: point at the key.
      best = nodeRange(node) ?? nodeRange(pair) ?? best;
    } else if (isSeq(node)) {
      const item = node.items[Number(segment)] as Node | undefined;
      if (!item) return best;
      node = item;
      best = nodeRange(node) ?? best;
    } else {
      return best;
    }
  }
  return best;
}
