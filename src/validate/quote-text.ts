import { diffWords } from 'diff';
import type { WordChange } from '../wording.js';
/**
 * Quote matching. A quote must occur in its source's text after both are normalised in
 * exactly these ways, and no others: runs of whitespace and line breaks become one space;
 * a word hyphenated across a line end is joined (with or without its hyphen, since
 * 'future-\nproof' keeps it and 'protec-\ntion' does not); typographic quotes, apostrophes
 * and dashes become their ASCII forms; Markdown emphasis (* and _) and footnote markers
 * (superscript digits) are dropped; both are compared in Unicode NFC, so composed and
 * decomposed accents are equal. Case, punctuation, spelling and invisible characters (a
 * zero-width space) must match; a miss says which character differs.
 */

const SINGLE_QUOTES = new Set([0x2018, 0x2019, 0x201a, 0x201b, 0x2032, 0x60, 0xb4]);
const DOUBLE_QUOTES = new Set([0x201c, 0x201d, 0x201e, 0x201f, 0x2033, 0xab, 0xbb]);
const DASHES = new Set([0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212]);
/** Emphasis (* _), superscript footnote digits, soft hyphens. */
const DROPPED = new Set([0x2a, 0x5f, 0xb9, 0xb2, 0xb3, 0x2070, 0x2074, 0x2075, 0x2076, 0x2077, 0x2078, 0x2079, 0xad]);
const HYPHEN = 0x2d;
const NEWLINE = 0x0a;

/** The characters JavaScript's \s matches, by code unit: checked without a regular expression. */
function isSpace(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  return (
    code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 ||
    code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff
  );
}

const isLetter = (ch: string | undefined): boolean => ch !== undefined && /\p{L}/u.test(ch);
const utf16 = new TextDecoder('utf-16le');
const DECODE_SLICE = 1 << 20;

export interface NormalisedText {
  text: string;
  /** For each character of `text`, the offset of the character it came from (when asked for). */
  origin?: Int32Array;
}

/**
 * Normalise `input`. With `keepLineEndHyphens`, 'future-\nproof' becomes 'future-proof';
 * without, 'protec-\ntion' becomes 'protection'. Works on code units into a typed array:
 * quote checks normalise every text of a map, so this is a hot path.
 */
export function normalise(input: string, keepLineEndHyphens = false, withOrigin = false): NormalisedText {
  const out = new Uint16Array(input.length);
  const origin = withOrigin ? new Int32Array(input.length) : undefined;
  let length = 0;
  let pendingSpace = -1;
  const emit = (code: number, from: number): void => {
    if (pendingSpace >= 0 && length > 0) {
      if (origin) origin[length] = pendingSpace;
      out[length++] = 0x20;
    }
    pendingSpace = -1;
    if (origin) origin[length] = from;
    out[length++] = code;
  };
  for (let i = 0; i < input.length; i++) {
    let code = input.charCodeAt(i);
    if (DROPPED.has(code)) continue;
    if (isSpace(code)) {
      if (pendingSpace < 0) pendingSpace = i;
      continue;
    }
    if (code >= 0x60) {
      if (SINGLE_QUOTES.has(code)) code = 0x27;
      else if (DOUBLE_QUOTES.has(code)) code = 0x22;
      else if (DASHES.has(code)) code = HYPHEN;
    }
    if (code === HYPHEN && pendingSpace < 0 && isLetter(input[i - 1])) {
      // A hyphen at a line end between two letters: the word continues on the next line.
      let j = i + 1;
      while (j < input.length && (input.charCodeAt(j) === 0x20 || input.charCodeAt(j) === 0x09)) j++;
      if (input.charCodeAt(j) === 0x0d) j++;
      if (input.charCodeAt(j) === NEWLINE) {
        j++;
        while (j < input.length && isSpace(input.charCodeAt(j))) j++;
        if (isLetter(input[j])) {
          if (keepLineEndHyphens) emit(HYPHEN, i);
          i = j - 1;
          continue;
        }
      }
    }
    emit(code, i);
  }
  // In slices: one decode of hundreds of megabytes fails in some Node versions.
  let text = '';
  for (let at = 0; at < length; at += DECODE_SLICE) text += utf16.decode(out.subarray(at, Math.min(length, at + DECODE_SLICE)));
  return origin ? { text, origin: origin.slice(0, length) } : { text };
}

/** Unicode NFC: a quote typed with combining accents (NFD) matches a text that has them composed. */
export function nfc(text: string): string {
  const composed = text.normalize('NFC');
  return composed === text ? text : composed;
}

export function normaliseQuote(quote: string): string {
  return normalise(nfc(quote), true).text;
}

/** A source text ready for quote checks; the normalised forms are made on first need. */
export class PreparedText {
  #joined?: string;
  #hyphenated?: string;
  #located?: Required<NormalisedText>;
  #trigrams?: Uint32Array;
  /** Where the last verbatim quote was found: claims usually follow the text's order. */
  cursor = 0;
  constructor(readonly raw: string) {}
  get joined(): string {
    return (this.#joined ??= normalise(this.raw, false).text);
  }
  get hyphenated(): string {
    return (this.#hyphenated ??= normalise(this.raw, true).text);
  }
  /** The hyphen-keeping form with each character's offset in the raw text, for closest passages. */
  get located(): Required<NormalisedText> {
    return (this.#located ??= normalise(this.raw, true, true) as Required<NormalisedText>);
  }
  /** The trigram bucket at each position of `located.text`: made once, for every wrong quote. */
  get trigrams(): Uint32Array {
    return (this.#trigrams ??= trigramBuckets(this.located.text));
  }
}

/** A text for quote checks, in NFC (canonically equal characters compare equal); line numbers are unchanged by it. */
export function prepareText(text: string): PreparedText {
  return new PreparedText(nfc(text));
}

export function containsQuote(prepared: PreparedText, quote: string): boolean {
  // Most quotes are copied verbatim: no normalising needed to accept them. Search on from
  // the previous quote first, so a text is scanned about once for all of its quotes.
  if (quote.length > 0) {
    const at = prepared.raw.indexOf(quote, prepared.cursor);
    if (at >= 0 || (prepared.cursor > 0 && prepared.raw.lastIndexOf(quote, prepared.cursor) >= 0)) {
      if (at >= 0) prepared.cursor = at;
      return true;
    }
  }
  const needle = normaliseQuote(quote);
  if (needle === '') return true;
  if (prepared.hyphenated.includes(needle)) return true;
  if (prepared.joined.includes(needle)) return true;
  // A quote that itself joins the hyphenated word ('protection') against 'protec-\ntion'.
  return prepared.joined.includes(normalise(nfc(quote), false).text);
}

export interface Passage {
  /** Offsets in the original text. */
  start: number;
  end: number;
  /** Share of the quote's characters that match, 0..1. */
  similarity: number;
}

/** Text x pattern cells up to which the whole text is searched exactly. */
const EXACT_BUDGET = 8_000_000;
/** Candidate windows searched exactly on a long text. */
const CANDIDATES = 4;
/** Trigrams are hashed into this many buckets; a collision only adds a weak candidate. */
const BUCKET_BITS = 20;

function trigramBucket(s: string, i: number): number {
  return (Math.imul(s.charCodeAt(i), 0x9e3779b1) ^ Math.imul(s.charCodeAt(i + 1), 0x85ebca6b) ^ Math.imul(s.charCodeAt(i + 2), 0xc2b2ae35)) >>> (32 - BUCKET_BITS);
}

function trigramBuckets(text: string): Uint32Array {
  const buckets = new Uint32Array(Math.max(0, text.length - 2));
  for (let j = 0; j < buckets.length; j++) buckets[j] = trigramBucket(text, j);
  return buckets;
}

/**
 * The passage of the text closest to the quote: the substring with the smallest edit
 * distance to it (Sellers' approximate matching, two rows). On a long text the exact search
 * runs only on the windows that share the most character trigrams with the quote, so the
 * cost is linear in the text plus a fixed amount per quote: 20 wrong quotes against a
 * megabyte of text take milliseconds, not minutes.
 */
export function closestPassage(prepared: PreparedText, quote: string): Passage | undefined {
  const needle = normaliseQuote(quote);
  const { text, origin } = prepared.located;
  if (needle.length === 0 || text.length === 0) return undefined;
  const m = needle.length;
  // Long quotes: compare on a bounded prefix to stay fast.
  const pattern = m > 400 ? needle.slice(0, 400) : needle;
  const p = pattern.length;
  let best: { distance: number; start: number; end: number } | undefined;
  if (text.length * p <= EXACT_BUDGET) {
    best = sellers(text, 0, text.length, pattern);
  } else {
    for (const start of candidateWindows(prepared.trigrams, text.length, pattern)) {
      const found = sellers(text, Math.max(0, start - (p >> 1)), Math.min(text.length, start + p + (p >> 1)), pattern);
      if (found && (!best || found.distance < best.distance)) best = found;
    }
  }
  if (!best) return undefined;
  const startIndex = Math.min(best.start, text.length - 1);
  const endIndex = Math.max(startIndex, Math.min(best.end + (m - p), text.length) - 1);
  return {
    start: origin[startIndex]!,
    end: origin[endIndex]! + 1,
    similarity: Math.max(0, 1 - best.distance / p),
  };
}

/**
 * Where in `text` a passage like `pattern` may be: the starts of the windows of the
 * pattern's length (taken every half length) holding the most of its trigrams.
 */
function candidateWindows(buckets: Uint32Array, length: number, pattern: string): number[] {
  const p = pattern.length;
  const wanted = new Uint8Array(1 << BUCKET_BITS);
  for (let i = 0; i + 3 <= p; i++) wanted[trigramBucket(pattern, i)] = 1;
  if (p < 3) return [0];
  // Prefix sums of trigram hits, then the score of each window in constant time.
  const hits = new Int32Array(length + 1);
  for (let j = 0; j < length; j++) hits[j + 1] = hits[j]! + (j < buckets.length ? wanted[buckets[j]!]! : 0);
  const stride = Math.max(1, p >> 1);
  const top: { start: number; score: number }[] = [];
  for (let start = 0; start < length; start += stride) {
    const score = hits[Math.min(length, start + p)]! - hits[start]!;
    if (score === 0 || (top.length === CANDIDATES && score <= top[top.length - 1]!.score)) continue;
    top.push({ start, score });
    top.sort((a, b) => b.score - a.score);
    if (top.length > CANDIDATES) top.pop();
  }
  return top.map((w) => w.start);
}

/** Sellers' algorithm on text[from, to): the best-matching substring and its edit distance. */
function sellers(text: string, from: number, to: number, pattern: string): { distance: number; start: number; end: number } | undefined {
  const p = pattern.length;
  let previous = new Int32Array(p + 1);
  let current = new Int32Array(p + 1);
  let previousStart = new Int32Array(p + 1);
  let currentStart = new Int32Array(p + 1);
  for (let i = 0; i <= p; i++) {
    previous[i] = i;
    previousStart[i] = from;
  }
  let best = Infinity;
  let bestEnd = from;
  let bestStart = from;
  for (let j = from + 1; j <= to; j++) {
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
  return best === Infinity ? undefined : { distance: best, start: bestStart, end: bestEnd };
}

/** A character as a reader can identify it: itself when visible ASCII, else its code point too. */
/**
 * The quote against the passage, word by word (`git diff --word-diff=plain` marks the same):
 * removed words are the quote's, added ones the text's. Undefined when they read the same once
 * whitespace is set aside. With `passageCut` (only the start of the matched text is shown),
 * what the quote has beyond it is not compared.
 */
export function wordDiff(quote: string, passage: string, passageCut = false): WordChange[] | undefined {
  const [q, t] = [quote, passage].map((s) => s.replace(/\s+/g, ' ').trim());
  if (q === t) return undefined;
  const parts = diffWords(q!, t!);
  if (passageCut) while (parts.length > 0 && parts[parts.length - 1]!.removed) parts.pop();
  return parts.map((part) => ({ value: part.value, ...(part.added ? { added: true } : {}), ...(part.removed ? { removed: true } : {}) }));
}

/**
 * Where a quote first differs from the passage closest to it, both normalised as for the
 * check: for look-alikes (a zero-width space, a different apostrophe or accent) this is the
 * only way to see why a quote that looks right is not found. `at` counts from 1.
 */
export function firstDifference(quote: string, passage: string): { at: number; quote?: string; text?: string } | undefined {
  const q = [...normaliseQuote(quote)];
  const t = [...normaliseQuote(passage)];
  let i = 0;
  while (i < q.length && i < t.length && q[i] === t[i]) i++;
  if (i === q.length && i === t.length) return undefined;
  return { at: i + 1, ...(q[i] === undefined ? {} : { quote: q[i] }), ...(t[i] === undefined ? {} : { text: t[i] }) };
}
