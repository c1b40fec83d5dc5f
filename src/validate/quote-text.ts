/**
 * Quote matching. A quote must occur in its source's text after both are normalised in
 * exactly these ways, and no others: runs of whitespace and line breaks become one space;
 * a word hyphenated across a line end is joined (with or without its hyphen, since
 * 'future-\nproof' keeps it and 'protec-\ntion' does not); typographic quotes, apostrophes
 * and dashes become their ASCII forms; Markdown emphasis (* and _) and footnote markers
 * (superscript digits) are dropped. Case, punctuation and spelling must match.
 */

const SINGLE_QUOTES = new Set(['\u2018', '\u2019', '\u201a', '\u201b', '\u2032', '\u0060', '\u00b4']);
const DOUBLE_QUOTES = new Set(['\u201c', '\u201d', '\u201e', '\u201f', '\u2033', '\u00ab', '\u00bb']);
const DASHES = new Set(['\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212']);
const DROPPED = new Set(['*', '_', '\u00b9', '\u00b2', '\u00b3', '\u2070', '\u2074', '\u2075', '\u2076', '\u2077', '\u2078', '\u2079', '\u00ad']);

const isSpace = (ch: string): boolean => /\s/u.test(ch);
const isLetter = (ch: string | undefined): boolean => ch !== undefined && /\p{L}/u.test(ch);

export interface NormalisedText {
  text: string;
  /** For each character of `text`, the offset of the character it came from. */
  origin: Int32Array;
}

/**
 * Normalise `input`. With `keepLineEndHyphens`, 'future-\nproof' becomes 'future-proof';
 * without, 'protec-\ntion' becomes 'protection'.
 */
export function normalise(input: string, keepLineEndHyphens = false): NormalisedText {
  const out: string[] = [];
  const origin: number[] = [];
  let pendingSpace = -1;
  const emit = (ch: string, from: number): void => {
    if (pendingSpace >= 0 && out.length > 0) {
      out.push(' ');
      origin.push(pendingSpace);
    }
    pendingSpace = -1;
    out.push(ch);
    origin.push(from);
  };
  for (let i = 0; i < input.length; i++) {
    let ch = input[i]!;
    if (DROPPED.has(ch)) continue;
    if (isSpace(ch)) {
      if (pendingSpace < 0) pendingSpace = i;
      continue;
    }
    if (SINGLE_QUOTES.has(ch)) ch = "'";
    else if (DOUBLE_QUOTES.has(ch)) ch = '"';
    else if (DASHES.has(ch)) ch = '-';
    if (ch === '-' && pendingSpace < 0 && isLetter(input[i - 1])) {
      // A hyphen at a line end between two letters: the word continues on the next line.
      let j = i + 1;
      while (j < input.length && (input[j] === ' ' || input[j] === '\t')) j++;
      if (input[j] === '\r') j++;
      if (input[j] === '\n') {
        j++;
        while (j < input.length && isSpace(input[j]!)) j++;
        if (isLetter(input[j])) {
          if (keepLineEndHyphens) emit('-', i);
          i = j - 1;
          continue;
        }
      }
    }
    emit(ch, i);
  }
  return { text: out.join(''), origin: Int32Array.from(origin) };
}

export function normaliseQuote(quote: string): string {
  return normalise(quote, true).text;
}

export interface PreparedText {
  joined: NormalisedText;
  hyphenated: NormalisedText;
}

export function prepareText(text: string): PreparedText {
  return { joined: normalise(text, false), hyphenated: normalise(text, true) };
}

export function containsQuote(prepared: PreparedText, quote: string): boolean {
  const needle = normaliseQuote(quote);
  if (needle === '') return true;
  if (prepared.hyphenated.text.includes(needle)) return true;
  if (prepared.joined.text.includes(needle)) return true;
  // A quote that itself joins the hyphenated word ('protection') against 'protec-\ntion'.
  return prepared.joined.text.includes(normalise(quote, false).text);
}

export interface Passage {
  /** Offsets in the original text. */
  start: number;
  end: number;
  /** Share of the quote's characters that match, 0..1. */
  similarity: number;
}

/**
 * The passage of the text closest to the quote: the substring with the smallest edit
 * distance to it (Sellers' approximate matching, O(text x quote) with two rows).
 */
export function closestPassage(prepared: PreparedText, quote: string): Passage | undefined {
  const needle = normaliseQuote(quote);
  const { text, origin } = prepared.hyphenated;
  if (needle.length === 0 || text.length === 0) return undefined;
  const m = needle.length;
  // Long quotes against long texts: compare on a bounded prefix to stay fast.
  const pattern = m > 400 ? needle.slice(0, 400) : needle;
  const p = pattern.length;
  let previous = new Int32Array(p + 1);
  let current = new Int32Array(p + 1);
  let previousStart = new Int32Array(p + 1);
  let currentStart = new Int32Array(p + 1);
  for (let i = 0; i <= p; i++) previous[i] = i;
  let best = Infinity;
  let bestEnd = 0;
  let bestStart = 0;
  for (let j = 1; j <= text.length; j++) {
    current[0] = 0;
    currentStart[0] = j;
    const tc = text.charCodeAt(j - 1);
    for (let i = 1; i <= p; i++) {
      const substitute = previous[i - 1]! + (pattern.charCodeAt(i - 1) === tc ? 0 : 1);
      const skipText = previous[i]! + 1;
      const skipPattern = current[i - 1]! + 1;
      if (substitute <= skipText && substitute <= skipPattern) {
        current[i] = substitute;
        currentStart[i] = previousStart[i - 1]!;
      } else if (skipText <= skipPattern) {
        current[i] = skipText;
        currentStart[i] = previousStart[i]!;
      } else {
        current[i] = skipPattern;
        currentStart[i] = currentStart[i - 1]!;
      }
    }
    if (current[p]! < best) {
      best = current[p]!;
      bestEnd = j;
      bestStart = currentStart[p]!;
    }
    [previous, current] = [current, previous];
    [previousStart, currentStart] = [currentStart, previousStart];
  }
  const startIndex = Math.min(bestStart, text.length - 1);
  const endIndex = Math.max(startIndex, Math.min(bestEnd + (m - p), text.length) - 1);
  return {
    start: origin[startIndex]!,
    end: origin[endIndex]! + 1,
    similarity: Math.max(0, 1 - best / p),
  };
}
