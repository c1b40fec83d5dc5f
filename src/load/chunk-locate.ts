import { isDeepStrictEqual } from 'node:util';
import { yamlPackage } from './yaml-package.js';
import { parsePreciseDocument, plainData } from './parse.js';

/** Where a finding's node is: offsets into the text, as the full position-keeping parse gives them. */
export interface Range {
  start: number;
  end: number;
}

type Locate = (path: readonly string[], atKey: boolean) => Range | undefined;

/** How many items the file's lists hold, as the first parse of the file found them. */
export type ListLengths = Partial<Record<'claims' | 'evidence', number>>;

/** The lengths of a map file's lists, kept from its first parse so that placing needs no second one. */
export function listLengths(data: unknown): ListLengths | undefined {
  if (!data || typeof data !== 'object' || Array.isArray(data)) return undefined;
  const lengths: ListLengths = {};
  for (const key of ['claims', 'evidence'] as const) {
    const list = (data as Record<string, unknown>)[key];
    if (Array.isArray(list)) lengths[key] = list.length;
  }
  return lengths;
}

/** The top-level blocks a map file is made of, each a run of lines. */
interface Block {
  start: number;
  end: number;
  /** For `claims:` and `evidence:`, where each item begins (and the last one ends at `end`). */
  items: number[];
}

const TOP_KEY = /^(source|claims|evidence):[ \t]*(?:#.*)?$/;
/** A block scalar (`|`, `>`): its trailing lines are its own, which a reading by lines cannot tell. */
const BLOCK_SCALAR = /:[ \t]*[|>][-+0-9]*[ \t]*(?:#.*)?$/m;

/**
 * Place findings in a large map file without parsing all of it again. An item itself (a claim
 * with no quote, the commonest finding) is placed from the layout of its lines, once they are
 * known to divide the list into as many items as the first parse found (`lengths`). A finding
 * inside an item or the source is placed by parsing only that piece with the position-keeping
 * parser, checked first to hold exactly the data the whole file holds there. Files not written
 * plainly in block style (anchors, flow style, a document marker, CR LF) get undefined, and the
 * caller parses the whole file.
 */
export function chunkLocator(
  text: string,
  findRange: (root: unknown, path: readonly string[], atKey: boolean) => Range | undefined,
  lengths?: ListLengths,
): Locate | undefined {
  // The file's data, parsed again only for a finding inside a piece (rare: most are whole items).
  let parsed: Record<string, unknown> | undefined;
  const data = (): Record<string, unknown> => (parsed ??= (plainData(text) ?? {}) as Record<string, unknown>);
  const known = lengths ?? listLengths(data());
  if (!known) return undefined;
  const blocks = new Map<string, Block>();
  let current: Block | undefined;
  let itemIndent: string | undefined;
  for (let at = 0; at < text.length; ) {
    const newline = text.indexOf('\n', at);
    const end = newline < 0 ? text.length : newline + 1;
    const line = text.slice(at, newline < 0 ? text.length : newline);
    if (line.length > 0 && line[0] !== ' ' && line[0] !== '#') {
      // A line at the margin ends the block before it; a known key begins the next.
      if (current) current.end = at;
      const key = TOP_KEY.exec(line)?.[1];
      if (key === undefined || blocks.has(key)) return undefined;
      current = { start: at, end: text.length, items: [] };
      blocks.set(key, current);
      itemIndent = undefined;
    } else if (current && line.trimStart().startsWith('-')) {
      const indent = /^ */.exec(line)![0];
      itemIndent ??= indent;
      if (indent === itemIndent && /^ *-(?: |$)/.test(line)) current.items.push(at);
    }
    at = end;
  }
  const chunks = new Map<string, { start: number; root: unknown } | undefined>();
  /** The piece of text for a block or one of its items, parsed and checked against the file's data. */
  const chunk = (key: string, index: number | undefined): { start: number; root: unknown } | undefined => {
    const name = `${key}/${index ?? ''}`;
    if (chunks.has(name)) return chunks.get(name);
    const block = blocks.get(key);
    let result: { start: number; root: unknown } | undefined;
    if (block && index === undefined) {
      const piece = text.slice(block.start, block.end);
      const { doc } = parsePreciseDocument(piece);
      if (doc.errors.length === 0 && isDeepStrictEqual(doc.toJS(), { [key]: data()[key] })) result = { start: block.start, root: doc.contents };
    } else if (block && index !== undefined && index < block.items.length) {
      const list = data()[key];
      const start = block.items[index]!;
      const piece = text.slice(start, block.items[index + 1] ?? block.end);
      const { doc } = parsePreciseDocument(piece);
      const { isSeq } = yamlPackage();
      if (Array.isArray(list) && list.length === block.items.length && doc.errors.length === 0 && isSeq(doc.contents) && doc.contents.items.length === 1 && isDeepStrictEqual(doc.toJS(), [list[index]])) {
        result = { start, root: doc.contents };
      }
    }
    chunks.set(name, result);
    return result;
  };
  /**
   * An item itself (`/claims/3`, the commonest finding: a claim with no quote) placed from the
   * text alone, as the parser would place it: from its first key to the end of its last line.
   * In valid YAML every line of an item's scalars is indented deeper than its `- `, so the
   * lines at the items' indent that start with `- ` are exactly the items, once there are as
   * many of them as the first parse found. Only for an item whose layout leaves no doubt: no
   * block scalar (its trailing lines are its own), no comment after its last value.
   */
  const wholeItem = (key: 'claims' | 'evidence', index: number): Range | undefined => {
    const block = blocks.get(key);
    if (!block || known[key] !== block.items.length || index >= block.items.length) return undefined;
    const start = block.items[index]!;
    const piece = text.slice(start, block.items[index + 1] ?? block.end);
    // A block mapping (`- id: ...`) ends with its last line; a flow mapping or list
    // (`- {id: ...}`) right after its closing bracket. Anything else goes to the parser.
    const first = /^( *- +)(?:(?=[A-Za-z_][\w-]*:(?:[ \t]|$))|(?=[{[]))/.exec(piece);
    if (!first) return undefined;
    const flow = piece[first[0].length] === '{' || piece[first[0].length] === '[';
    if (BLOCK_SCALAR.test(piece)) return undefined;
    const lines = piece.split('\n');
    let last = lines.length - 1;
    while (last >= 0 && /^\s*$/.test(lines[last]!)) last--;
    if (last < 0 || /^\s*#/.test(lines[last]!)) return undefined;
    const through = lines.slice(0, last + 1).join('\n');
    if (!flow) return { start: start + first[1]!.length, end: start + through.length + (last < lines.length - 1 ? 1 : 0) };
    // The closing bracket must end the item's text: a comment after it is the parser's to judge.
    const closed = through.trimEnd();
    if (!/[}\]]$/.test(closed)) return undefined;
    return { start: start + first[1]!.length, end: start + closed.length };
  };

  return (path, atKey) => {
    const [key, index, ...rest] = path;
    if ((key === 'claims' || key === 'evidence') && index !== undefined && /^\d+$/.test(index) && rest.length === 0 && !atKey) {
      const range = wholeItem(key, Number(index));
      if (range) return range;
    }
    if (key === 'source') {
      const piece = chunk('source', undefined);
      const range = piece && findRange(piece.root, path, atKey);
      return range && { start: range.start + piece.start, end: range.end + piece.start };
    }
    if ((key === 'claims' || key === 'evidence') && index !== undefined && /^\d+$/.test(index)) {
      const piece = chunk(key, Number(index));
      const range = piece && findRange(piece.root, ['0', ...rest], atKey);
      return range && { start: range.start + piece.start, end: range.end + piece.start };
    }
    return undefined;
  };
}
