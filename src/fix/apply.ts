import { isScalar, parse, parseDocument, Scalar } from 'yaml';
import { YAML_OPTIONS } from '../load/yaml-package.js';

/** A value to put in place of the scalar at `pointer` of a file. */
export interface FixEdit {
  pointer: string;
  value: string;
}

/**
 * Apply fixes to a map file's text by replacing only the scalars they name, in their own
 * quoting style where it can hold the value: comments, layout and every other byte stay as
 * they are. Returns the new text and the edits that could not be placed (the file changed).
 */
export function applyFixes(text: string, edits: readonly FixEdit[]): { text: string; skipped: FixEdit[] } {
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const source = text.slice(bom);
  const doc = parseDocument(source, YAML_OPTIONS);
  const skipped: FixEdit[] = [];
  const spans: { start: number; end: number; replacement: string }[] = [];
  for (const edit of edits) {
    const path = edit.pointer.split('/').slice(1).map((segment) => {
      const key = segment.replace(/~1/g, '/').replace(/~0/g, '~');
      return /^\d+$/.test(key) ? Number(key) : key;
    });
    const node: unknown = doc.getIn(path, true);
    if (!isScalar(node) || !node.range || (typeof node.value !== 'string' && typeof node.value !== 'number')) {
      skipped.push(edit);
      continue;
    }
    // A block scalar's range runs to the start of the next line: keep the line breaks it ends with.
    const trailing = /\s*$/.exec(source.slice(node.range[0], node.range[1]))![0];
    const breaks = trailing.includes('\n') ? trailing.slice(trailing.indexOf('\n')) : '';
    spans.push({ start: node.range[0], end: node.range[1], replacement: scalarText(node, edit.value) + breaks });
  }
  // From the end, so the offsets of the edits before stay right; overlapping edits are not applied twice.
  spans.sort((a, b) => b.start - a.start);
  let out = source;
  let limit = Infinity;
  for (const span of spans) {
    if (span.end > limit) continue;
    out = out.slice(0, span.start) + span.replacement + out.slice(span.end);
    limit = span.start;
  }
  return { text: text.slice(0, bom) + out, skipped };
}

/** The value written in the scalar's own style when that style can hold it, else double-quoted. */
function scalarText(node: Scalar, value: string): string {
  if (node.type === Scalar.QUOTE_SINGLE && !/[\n\r]/.test(value)) return `'${value.replace(/'/g, "''")}'`;
  // A plain scalar stays plain for ids and ISO dates, which YAML 1.2 reads back as the same text.
  if (node.type === Scalar.PLAIN && /^[a-z0-9]+(?:[.-][a-z0-9]+)*$/.test(value) && parse(value, YAML_OPTIONS) === value) return value;
  return JSON.stringify(value);
}
