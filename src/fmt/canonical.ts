import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Node, type YAMLMap } from 'yaml';
import { describeYamlError, duplicateKeys } from '../load/parse.js';

/** The canonical order of keys, as docs/format.md lists them; unknown keys keep their place after these. */
const TOP = ['source', 'claims', 'evidence'];
const SOURCE = ['id', 'kind', 'title', 'authors', 'short_name', 'signatories', 'date', 'date_inferred', 'url', 'text', 'reported_by', 'answers', 'note'];
const CLAIM = ['id', 'summary', 'quote', 'locator', 'reported_by', 'tags', 'evidence', 'supports', 'rebuts', 'undermines', 'undercuts', 'concedes', 'questions', 'note'];
const RELATION = ['to', 'note'];
const EVIDENCE = ['id', 'kind', 'title', 'publisher', 'date', 'url', 'note'];
const RELATION_KEYS = new Set(['supports', 'rebuts', 'undermines', 'undercuts', 'concedes', 'questions']);

export type FormatResult = { ok: true; text: string; changed: boolean } | { ok: false; reason: string };

function keyOf(item: unknown): string | undefined {
  return isPair(item) && isScalar(item.key) ? String(item.key.value) : undefined;
}

function sortKeys(map: YAMLMap, order: readonly string[]): void {
  const rank = (item: unknown): number => {
    const index = order.indexOf(keyOf(item) ?? '');
    return index < 0 ? order.length : index;
  };
  // Array.prototype.sort is stable: unknown keys keep their relative order. Comments travel
  // with their pairs.
  map.items.sort((a, b) => rank(a) - rank(b));
}

function valueOf(map: YAMLMap, key: string): Node | undefined {
  const pair = map.items.find((item) => keyOf(item) === key);
  return (pair?.value ?? undefined) as Node | undefined;
}

/**
 * The canonical form of a map file: keys in the documented order, two-space indentation,
 * a blank line between top-level sections and between list entries, and each value on one
 * line (no folding: a quote stays greppable and a one-word change stays a one-line diff).
 * Comments, quoting styles and flow lists stay as written. A file that does not parse is
 * refused, never rewritten.
 */
export function formatMapText(text: string): FormatResult {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { uniqueKeys: false, lineCounter });
  if (doc.errors.length > 0) {
    const { offset, message } = describeYamlError(text, doc.errors[0]!);
    const { line, col } = lineCounter.linePos(offset);
    return { ok: false, reason: `${line}:${col} ${message}` };
  }
  const [duplicate] = duplicateKeys(doc);
  if (duplicate) {
    const { line, col } = lineCounter.linePos(duplicate.offset);
    return { ok: false, reason: `${line}:${col} the key '${duplicate.key}' appears twice in this mapping` };
  }
  const root = doc.contents;
  if (isMap(root)) {
    // Comments at the head of the file belong to the file, not to whichever key came first:
    // they stay at the head, above the key that comes first now.
    const first = root.items[0];
    const header = isPair(first) && isScalar(first.key) ? first.key.commentBefore : undefined;
    if (header && isScalar(first!.key)) first!.key.commentBefore = undefined;
    sortKeys(root, TOP);
    const head = root.items[0];
    if (header && isPair(head) && isScalar(head.key)) {
      head.key.commentBefore = head.key.commentBefore ? `${header}\n${head.key.commentBefore}` : header;
    }
    root.items.forEach((item, i) => {
      if (i > 0 && isPair(item) && isScalar(item.key)) item.key.spaceBefore = true;
    });
    const source = valueOf(root, 'source');
    if (isMap(source)) sortKeys(source, SOURCE);
    for (const [key, order] of [
      ['claims', CLAIM],
      ['evidence', EVIDENCE],
    ] as const) {
      const list = valueOf(root, key);
      if (!isSeq(list)) continue;
      list.items.forEach((entry, i) => {
        if (!isMap(entry)) return;
        sortKeys(entry, order);
        if (i > 0) entry.spaceBefore = true;
        if (key !== 'claims') return;
        for (const pair of entry.items) {
          if (!isSeq(pair.value) || !RELATION_KEYS.has(keyOf(pair) ?? '')) continue;
          for (const target of pair.value.items) if (isMap(target)) sortKeys(target, RELATION);
        }
      });
    }
  }
  const formatted = doc.toString({ indent: 2, indentSeq: true, lineWidth: 0, minContentWidth: 0, flowCollectionPadding: false });
  return { ok: true, text: formatted, changed: formatted !== text };
}
