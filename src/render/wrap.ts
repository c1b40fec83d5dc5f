import stringWidth from 'string-width';

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
/**
 * Text made only of characters one column wide: printable ASCII, Latin letters, punctuation,
 * arrows and the box drawing of trees (checked against string-width, code point by code point,
 * in the tests). Its width is its length, with no need to ask string-width.
 */
export const ONE_COLUMN = /^[\x20-\x7e\u00a0-\u00a8\u00aa-\u00ac\u00af-\u02ff\u2010-\u2027\u2190-\u2193\u219a-\u21a8\u21ab-\u21ff\u2500-\u25a9\u25ac-\u25b5\u25b7-\u25bf\u25c1-\u25fa\u25ff]*$/;
/**
 * Characters two columns wide, each on its own: CJK ideographs, kana and Hangul syllables
 * (checked against string-width, code point by code point, in the tests). They combine with
 * nothing, so a text of these and one-column characters is as wide as its length plus the
 * number of these in it.
 */
export const TWO_COLUMN_RANGES: readonly (readonly [number, number])[] = [
  [0x3041, 0x3096],
  [0x30a1, 0x30ff],
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xac00, 0xd7a3],
];
/**
 * Columns of each character of the Basic Multilingual Plane, as the fast paths know them: 1, 2,
 * WHITESPACE for any whitespace but the space (which the word path splits at), or 0 for "ask
 * string-width". Made on first use.
 */
let knownWidths: Uint8Array | undefined;
const WHITESPACE = 0xff;
function columnTable(): Uint8Array {
  if (knownWidths) return knownWidths;
  const table = new Uint8Array(0x10000);
  for (let code = 0x20; code < 0x3000; code++) if (ONE_COLUMN.test(String.fromCharCode(code))) table[code] = 1;
  for (const [from, to] of TWO_COLUMN_RANGES) table.fill(2, from, to + 1);
  for (let code = 0; code < 0x10000; code++) if (code !== 0x20 && /\s/.test(String.fromCharCode(code))) table[code] = WHITESPACE;
  return (knownWidths = table);
}
const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** Widths string-width gave for short texts: the same words (an emoji, a name in CJK) come back line after line. */
const measured = new Map<string, number>();
const MEASURED_MAX = 4096;

/** Display columns of `text`: its length when every character is one column wide, else string-width's count. */
export function displayWidth(text: string): number {
  if (ONE_COLUMN.test(text)) return text.length;
  if (text.length > 32) return stringWidth(text);
  let width = measured.get(text);
  if (width === undefined) {
    if (measured.size >= MEASURED_MAX) measured.clear();
    measured.set(text, (width = stringWidth(text)));
  }
  return width;
}

/**
 * Word-wrap `text` to `width` display columns (wide characters count double). A word longer
 * than a line is cut between graphemes, never inside an emoji sequence or before a combining
 * mark. Linear in the length of the text, however long its words.
 */
export function wrap(text: string, width: number): string[] {
  const limit = Math.max(8, width);
  // Most texts are one column a character throughout: then no word needs measuring, and
  // when single spaces are all that separates the words, lines are cut out of the text whole.
  const oneColumn = ONE_COLUMN.test(text);
  // Text with CJK, kana or Hangul in it is measured character by character, still without string-width.
  const lines = oneColumn ? (evenlySpaced(text) ? wrapBySpaces(text, limit) : undefined) : wrapWideBySpaces(text, limit);
  if (lines) return lines;
  return wrapByWords(text, limit, oneColumn ? (word: string) => word.length : displayWidth);
}

/**
 * One-column text whose words are separated by single spaces. The only whitespace such text can
 * hold is the space and the no-break space (a test checks it): no tab, no line break.
 */
function evenlySpaced(text: string): boolean {
  return !text.includes('  ') && !text.includes('\u00a0') && !text.startsWith(' ') && !text.endsWith(' ');
}

/**
 * Greedy wrapping of one-column text whose words are separated by single spaces: each line
 * ends at the last space within the limit, so the text is sliced, not split and joined again.
 * Undefined when a word is longer than a line: that word needs cutting.
 * @internal exported for the test that compares it with wrapByWords
 */
export function wrapBySpaces(text: string, limit: number): string[] | undefined {
  const lines: string[] = [];
  let start = 0;
  while (text.length - start > limit) {
    const end = text.lastIndexOf(' ', start + limit);
    if (end <= start) return undefined;
    lines.push(text.slice(start, end));
    start = end + 1;
  }
  lines.push(text.slice(start));
  return lines;
}

/**
 * The same greedy wrapping for text of one- and two-column characters separated by single
 * spaces, each word's width counted from its characters in one pass (string-width measures
 * only a word with a character the table does not know). Undefined when a word is wider than a
 * line, or the spacing is not single spaces between words.
 * @internal exported for the test that compares it with wrapByWords
 */
export function wrapWideBySpaces(text: string, limit: number): string[] | undefined {
  const widths = columnTable();
  const lines: string[] = [];
  let lineStart = 0;
  let lineWidth = 0;
  let wordStart = 0;
  let wordWidth = 0;
  for (let i = 0; i <= text.length; i++) {
    const code = i < text.length ? text.charCodeAt(i) : 0x20;
    if (code !== 0x20) {
      const w = widths[code]!;
      if (w === WHITESPACE) return undefined;
      if (w > 0) {
        wordWidth += w;
        continue;
      }
      // A character the table does not know (an emoji, a combining mark): string-width measures its word.
      const end = text.indexOf(' ', i);
      i = end < 0 ? text.length : end;
      const word = text.slice(wordStart, i);
      if (/\s/.test(word)) return undefined;
      wordWidth = displayWidth(word);
    }
    // A word ends at i. None (a space at either end, or two together) is uneven spacing, for the word path.
    if (i === wordStart || wordWidth > limit) return undefined;
    if (wordStart === lineStart) lineWidth = wordWidth;
    else if (lineWidth + 1 + wordWidth <= limit) lineWidth += 1 + wordWidth;
    else {
      lines.push(text.slice(lineStart, wordStart - 1));
      lineStart = wordStart;
      lineWidth = wordWidth;
    }
    wordStart = i + 1;
    wordWidth = 0;
  }
  lines.push(text.slice(lineStart));
  return lines;
}

/** Greedy wrapping word by word, any whitespace between words, measuring each word with `measure`. @internal */
export function wrapByWords(text: string, limit: number, measure: (word: string) => number): string[] {
  const lines: string[] = [];
  let line = '';
  let lineWidth = 0;
  for (const word of text.split(/\s+/)) {
    if (word === '') continue;
    const wordWidth = measure(word);
    if (lineWidth > 0 && lineWidth + 1 + wordWidth <= limit) {
      line += ' ' + word;
      lineWidth += 1 + wordWidth;
      continue;
    }
    if (lineWidth > 0) lines.push(line);
    if (wordWidth <= limit) {
      line = word;
      lineWidth = wordWidth;
      continue;
    }
    // Too long for any line: whole lines of it, then the rest starts the next line.
    const pieces = cutInto(word, limit);
    for (let i = 0; i < pieces.length - 1; i++) lines.push(pieces[i]!.text);
    line = pieces[pieces.length - 1]!.text;
    lineWidth = pieces[pieces.length - 1]!.width;
  }
  if (line !== '' || lines.length === 0) lines.push(line);
  return lines;
}

/** Cut `word` into pieces of at most `width` columns, between graphemes, in one pass. */
function cutInto(word: string, width: number): { text: string; width: number }[] {
  const pieces: { text: string; width: number }[] = [];
  if (PRINTABLE_ASCII.test(word)) {
    for (let i = 0; i < word.length; i += width) {
      const text = word.slice(i, i + width);
      pieces.push({ text, width: text.length });
    }
    return pieces;
  }
  let start = 0;
  let used = 0;
  for (const { segment, index } of graphemes.segment(word)) {
    const w = displayWidth(segment);
    if (used + w > width && used > 0) {
      pieces.push({ text: word.slice(start, index), width: used });
      start = index;
      used = 0;
    }
    used += w;
  }
  pieces.push({ text: word.slice(start), width: used });
  return pieces;
}

/** Shorten to `width` columns with an ellipsis. */
export function truncate(text: string, width: number, ellipsis = '…'): string {
  if (displayWidth(text) <= width) return text;
  const room = Math.max(1, width - ellipsis.length);
  // One column a character, each a grapheme of its own: cut by length.
  if (ONE_COLUMN.test(text)) return text.slice(0, room) + ellipsis;
  let out = '';
  let used = 0;
  for (const { segment } of graphemes.segment(text)) {
    const w = displayWidth(segment);
    if (used + w > room) break;
    out += segment;
    used += w;
  }
  return out + ellipsis;
}

/**
 * Display columns of the widest of `texts`, and at least `floor`. A loop: Math.max(...list)
 * passes every item as an argument and overflows the stack past about 100k (a column of every
 * claim of a large map).
 */
export function widest(texts: Iterable<string>, floor = 0): number {
  let width = floor;
  for (const text of texts) width = Math.max(width, displayWidth(text));
  return width;
}

export { displayWidth as stringWidth };
