import { defaultSeverity, messageOf } from '../diagnostics.js';
import { isDeepStrictEqual } from 'node:util';
import { isMap, isPair, isScalar, isSeq, parseDocument, visit, type Document, type Node, type Scalar, type YAMLMap } from 'yaml';
import { DEFAULT_LIMITS, parseMapText, type ParseLimits } from '../load/parse.js';
import { YAML_OPTIONS } from '../load/yaml-package.js';
import { escapedDoubleQuoted, INVISIBLE } from './escape.js';
import { lineStarts } from '../load/locate.js';

/** The canonical order of keys, as docs/format.md lists them; unknown keys keep their place after these. */
const TOP = ['source', 'claims', 'evidence'];
const SOURCE = ['id', 'kind', 'title', 'authors', 'short_name', 'signatories', 'date', 'date_inferred', 'url', 'text', 'reported_by', 'answers', 'addressed_to', 'note'];
const CLAIM = ['id', 'type', 'summary', 'quote', 'locator', 'reported_by', 'tags', 'evidence', 'supports', 'rebuts', 'undermines', 'undercuts', 'concedes', 'questions', 'note'];
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

/** A scalar written exactly as given: its source text, or an escaped form made for it. */
class Verbatim {
  constructor(readonly text: string) {}
}

/** Written without a tag, as the text it holds. */
const VERBATIM_TAG = {
  tag: 'tag:riposte,2025:verbatim',
  default: true,
  identify: (value: unknown): boolean => value instanceof Verbatim,
  stringify: (node: { value: unknown }): string => (node.value as Verbatim).text,
  resolve: (text: string): string => text,
};

/**
 * Pin every scalar to its source text, so layout is all that formatting changes: numbers keep
 * their digits (123456789012345678, 1e400, 0.1000), dates and escapes stay as written. A
 * scalar written over several lines is left to the YAML writer, which puts it on one line;
 * any invisible character, raw or from a multi-line scalar, is written as an escape.
 */
function pinScalars(doc: Document, text: string): void {
  visit(doc, {
    Scalar(_key, node) {
      const scalar = node as Scalar.Parsed;
      if (!scalar.range) return;
      const raw = text.slice(scalar.range[0], scalar.range[1]);
      // The parser sets a tag only where the file wrote one (!!str, !!binary): it is kept, in front.
      const explicitTag = scalar.tag !== undefined;
      const tag = explicitTag && doc.directives ? `${doc.directives.tagString(scalar.tag!)} ` : '';
      if (!raw.includes('\n') && !INVISIBLE.test(raw)) {
        scalar.value = new Verbatim(`${tag}${raw}`);
      } else if (typeof scalar.value === 'string' && INVISIBLE.test(scalar.value)) {
        scalar.value = new Verbatim(`${tag}${escapedDoubleQuoted(scalar.value)}`);
      } else {
        return;
      }
      if (explicitTag) delete scalar.tag;
      scalar.format = undefined;
    },
  });
}

/** Plain data of a document, for the check that formatting changed nothing but layout. */
function dataOf(doc: Document): unknown {
  return doc.toJS({ maxAliasCount: -1 });
}

/**
 * The canonical form of a map file: keys in the documented order, two-space indentation,
 * a blank line between top-level sections and between list entries, and each value on one
 * line (no folding: a quote stays greppable and a one-word change stays a one-line diff).
 * Comments, quoting styles, flow lists and every scalar's text stay as written; invisible
 * characters are written as escapes. Line ends become LF. A file that does not parse, or whose
 * data the formatting would change (an alias moved before its anchor), is refused, never
 * rewritten.
 */
export function formatMapText(input: string, limits: ParseLimits = DEFAULT_LIMITS): FormatResult {
  // CR LF and lone CR become LF first: a CR kept in a comment would make --check flap.
  const text = input.includes('\r') ? input.replace(/\r\n?/g, '\n') : input;
  // Read as validation reads it, limits included, before anything else: a file that is not a
  // well-formed map (a syntax error, a repeated key, nesting 100,000 deep) is refused here,
  // with the finding riposte validate reports.
  const checked = parseMapText('', text, limits);
  const problem = checked.findings.find((f) => defaultSeverity(f) === 'error');
  if (problem) {
    const { line, col: column } = lineStarts(text)(problem.offset ?? 0);
    return { ok: false, reason: `${line}:${column} ${messageOf(problem)}` };
  }
  try {
    return formatParsed(input, text);
  } catch (error) {
    // Whatever the YAML writer cannot handle ends in a refusal for this file, not the run.
    return { ok: false, reason: `riposte cannot put this file in canonical form (${error instanceof Error ? error.message : String(error)}); leave it as it is` };
  }
}

function formatParsed(input: string, text: string): FormatResult {
  const doc = parseDocument(text, { ...YAML_OPTIONS, keepSourceTokens: false });
  // Nothing but comments (or nothing): there is no layout to change, and no 'null' to add.
  if (doc.contents === null) return { ok: true, text, changed: text !== input };
  const before = dataOf(doc);
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
  pinScalars(doc, text);
  doc.schema.tags.unshift(VERBATIM_TAG);
  const formatted = doc.toString({ indent: 2, indentSeq: true, lineWidth: 0, minContentWidth: 0, flowCollectionPadding: false, verifyAliasOrder: false });
  // The formatted text must read back as the same data, or it is not written.
  const reread = parseDocument(formatted, YAML_OPTIONS);
  let same = false;
  try {
    same = reread.errors.length === 0 && isDeepStrictEqual(dataOf(reread), before);
  } catch {
    // an alias that now comes before its anchor does not resolve
  }
  if (!same) {
    return { ok: false, reason: 'putting this file in canonical form would change its data (an alias would come before its anchor, for one); write the value out instead of the alias' };
  }
  return { ok: true, text: formatted, changed: formatted !== input };
}
