import { finding, type ArgsOf, type ClosestPassage, type Finding, type Fix } from '../diagnostics.js';
import type { LoadedText } from '../load/texts.js';
import { quotePointer, type Claim, type DebateMap, type Source } from '../model.js';
import { closestPassage, containsQuote, firstDifference, prepareText, wordDiff, type PreparedText } from './quote-text.js';

export type { LoadedText };

export interface QuoteCheckOptions {
  /** Texts by file name (a source's `text`); absent when no texts directory is configured. */
  texts?: ReadonlyMap<string, LoadedText>;
  /** Unchecked quotes are errors, not warnings. */
  strict?: boolean;
  /** Ids found in files that failed to parse: a quote whose text lies there is not reported again. */
  unparsed?: ReadonlySet<string>;
  /** Quote checks were turned off (--no-texts): say so rather than blame the configuration. */
  textsOff?: boolean;
  /**
   * `missing-date` and `missing-quote` were found file by file already (missingQuotesAndDates):
   * checkMap does, to place them while each file's text is in hand.
   */
  missingFound?: boolean;
}

export interface QuoteStats {
  checked: number;
  notFound: number;
  unchecked: number;
}

/** The source whose text holds a source's quotes: itself, or the document that reports it. */
export function textSourceOf(source: Source, sourcesById: ReadonlyMap<string, Source>): Source | undefined {
  let current: Source | undefined = source;
  for (let hops = 0; current && hops <= sourcesById.size; hops++) {
    // A source's own text wins; 'text' together with 'reported_by' is reported as a mistake.
    if (current.text !== undefined) return current;
    if (current.reportedBy === undefined) return undefined;
    current = sourcesById.get(current.reportedBy);
  }
  return undefined;
}

/** Sources without a date and claims without a quote: what a reader cannot check, one file's or the whole map's. */
export function missingQuotesAndDates(sources: readonly Source[], claims: readonly Claim[]): Finding[] {
  const findings: Finding[] = [];
  for (const source of sources) {
    if (!source.date) findings.push(finding('missing-date', { source: source.id }, { file: source.file, pointer: source.pointer, atKey: true }));
  }
  for (const claim of claims) {
    if (claim.quotes.length === 0 && !claim.quoteGiven) findings.push(finding('missing-quote', { claim: claim.id }, { file: claim.file, pointer: claim.pointer }));
  }
  return findings;
}

/**
 * Whether a file's data may give `missing-date` or `missing-quote` (a source without a date, a
 * claim without a `quote`): known before the model is built, so a file without findings can let
 * go of its text at once.
 */
export function mayLackQuoteOrDate(data: unknown): boolean {
  if (data === null || typeof data !== 'object') return false;
  const { source, claims } = data as { source?: unknown; claims?: unknown };
  if (source !== null && typeof source === 'object' && !(source as { date?: unknown }).date) return true;
  return Array.isArray(claims) && claims.some((claim) => claim !== null && typeof claim === 'object' && (claim as { quote?: unknown }).quote === undefined);
}

export function checkQuotes(map: DebateMap, options: QuoteCheckOptions): { findings: Finding[]; stats: QuoteStats } {
  const findings: Finding[] = [];
  const stats: QuoteStats = { checked: 0, notFound: 0, unchecked: 0 };
  const sourcesById = new Map(map.sources.map((s) => [s.id, s]));
  const prepared = new Map<string, PreparedText>();
  const uncheckedBySource = new Map<string, { count: number; why: ArgsOf<'quotes-unchecked'>['why']; text?: string }>();
  const reportedMissing = new Set<string>();

  if (!options.missingFound) for (const missing of missingQuotesAndDates(map.sources, map.claims)) findings.push(missing);

  for (const claim of map.claims) {
    if (claim.quotes.length === 0) continue;
    const source = sourcesById.get(claim.sourceId);
    // A claim may name the document its quote comes from; otherwise its source's text holds it.
    let quotedFrom = source;
    if (claim.reportedBy !== undefined) {
      quotedFrom = sourcesById.get(claim.reportedBy);
      if (!quotedFrom || quotedFrom === source || source?.text !== undefined) {
        // A wrong 'reported_by' is an error of its own: do not pile quote findings on it.
        stats.unchecked += claim.quotes.length;
        continue;
      }
    }
    const holder = quotedFrom && textSourceOf(quotedFrom, sourcesById);
    let why: ArgsOf<'quotes-unchecked'>['why'] | undefined;
    let text: PreparedText | undefined;
    if (!holder) {
      why = quotedFrom !== source || source?.reportedBy ? 'reporting-source-has-no-text' : 'source-has-no-text';
    } else if (!options.texts) {
      why = options.textsOff ? 'texts-off' : 'no-texts-directory';
    } else {
      const loaded = options.texts.get(holder.text!);
      if (!loaded || !loaded.ok) {
        why = 'text-unreadable';
        if (!reportedMissing.has(holder.id)) {
          reportedMissing.add(holder.id);
          const place = { file: holder.file, pointer: `${holder.pointer}/text` };
          const problem = loaded?.problem ?? { why: 'not-loaded', path: holder.text! };
          const code = loaded?.code ?? 'text-not-found';
          findings.push(
            code === 'limit-exceeded' ? finding(code, { why: 'file', problem, textOf: holder.id }, place) : finding(code, { problem, textOf: holder.id }, place),
          );
        }
      } else {
        text = prepared.get(holder.text!);
        if (!text) prepared.set(holder.text!, (text = prepareText(loaded.content)));
      }
    }
    if (!text) {
      stats.unchecked += claim.quotes.length;
      // A text that could not be read, or a reporter in a file that did not parse, is already
      // an error of its own.
      if (holder?.text !== undefined && options.texts) continue;
      const reporter = claim.reportedBy ?? source?.reportedBy;
      if (!holder && reporter !== undefined && options.unparsed?.has(reporter)) continue;
      const entry = uncheckedBySource.get(claim.sourceId) ?? { count: 0, why: why!, ...(why === 'text-unreadable' ? { text: holder!.text! } : {}) };
      entry.count += claim.quotes.length;
      uncheckedBySource.set(claim.sourceId, entry);
      continue;
    }
    claim.quotes.forEach((quote, i) => {
      stats.checked++;
      if (containsQuote(text, quote)) return;
      stats.notFound++;
      const { closest, fix } = explainMiss(text, quote);
      const args = { claim: claim.id, source: holder!.id, textName: holder!.text!, ...(closest ? { closest } : {}) };
      findings.push(finding('quote-not-found', args, { file: claim.file, pointer: quotePointer(claim, i), ...(fix ? { fix } : {}) }));
    });
  }

  // Checks turned off on purpose are only counted, unless --strict demands them.
  if (options.textsOff && !options.strict) uncheckedBySource.clear();
  for (const [sourceId, unchecked] of uncheckedBySource) {
    const source = sourcesById.get(sourceId)!;
    findings.push(finding('quotes-unchecked', { source: sourceId, ...unchecked }, { file: source.file, pointer: source.pointer, atKey: true }));
  }
  return { findings, stats };
}

/**
 * What to say of a quote not found: its closest passage, shown whole to the end of its
 * sentence (never cut to the quote's length, never more than one sentence), the words that
 * differ (the diff, too, sees only what is shown), and the fix when it is certain.
 */
function explainMiss(text: PreparedText, quote: string): { closest?: ClosestPassage; fix?: Fix } {
  const found = closestPassage(text, quote);
  // A passage less than half alike would mislead more than help.
  if (!found || found.similarity < 0.5) return {};
  // The text as checked (in NFC); its lines are the file's lines.
  const content = text.raw;
  const shown = boundedPassage(content, found.start, sentenceEnd(content, found.end));
  const cut = shown.end < found.end;
  const matched = content.slice(found.start, Math.min(found.end, shown.end));
  const changes = wordDiff(quote, matched, cut);
  const difference = cut ? undefined : firstDifference(quote, matched);
  const closest: ClosestPassage = {
    line: lineOf(content, found.start),
    similarity: Math.round(found.similarity * 100),
    passage: shown.text,
    cut,
    ...(changes ? { changes } : {}),
    ...(difference ? { firstDifference: difference } : {}),
  };
  const fix = certainQuoteFix(text, quote, content.slice(found.start, found.end));
  return { closest, ...(fix ? { fix } : {}) };
}

/** Quote marks, dashes and case set aside: what a typed quote and its text share when only those differ. */
const looseQuote = (s: string): string =>
  s
    .normalize('NFC')
    .replace(/[‘’‚‛′`]/g, "'")
    .replace(/[“”„‟″]/g, '"')
    .replace(/[‐‑‒–—―−]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();

/**
 * The passage in place of the quote, when the two differ only in whitespace, quote marks,
 * dashes or case, and the passage is then found as it is: a fix with one right answer.
 */
function certainQuoteFix(text: PreparedText, quote: string, passage: string): Fix | undefined {
  if (looseQuote(quote) !== looseQuote(passage)) return undefined;
  const value = passage.replace(/\s+/g, ' ').trim();
  return value !== quote && containsQuote(text, value) ? { value, does: 'copy the quote from the text as written there' } : undefined;
}

/** Longest passage a hint shows: a wrong quote must not turn a text into a printout of it. */
export const MAX_PASSAGE = 200;

/**
 * Where the sentence holding `offset` ends: after its full stop, question or exclamation mark
 * (and a closing quote or bracket), looking at most MAX_PASSAGE characters ahead; `offset` when
 * the passage already ends one.
 */
export function sentenceEnd(content: string, offset: number): number {
  if (/[.!?]["'”’)\]]*$/.test(content.slice(Math.max(0, offset - 3), offset))) return offset;
  const ahead = content.slice(offset, offset + MAX_PASSAGE);
  const end = /[.!?]["'”’)\]]*(?=\s|$)/.exec(ahead);
  return end ? offset + end.index + end[0].length : offset;
}

/**
 * The passage from `start` to `end` as a hint shows it: on one line, at most one sentence
 * and MAX_PASSAGE characters, cut at a word with an ellipsis; and where in `content` what is
 * shown ends. A wrong quote must not turn a text into a printout of it.
 */
export function boundedPassage(content: string, start: number, end: number): { text: string; end: number } {
  let rawEnd = Math.min(end, start + MAX_PASSAGE * 4);
  // One sentence: up to the first full stop, question or exclamation mark that ends one.
  const stop = /[.!?]["'”’)\]]*(?=\s)/.exec(content.slice(start, rawEnd));
  if (stop) rawEnd = start + stop.index + stop[0].length;
  const passage = content.slice(start, rawEnd).replace(/\s+/g, ' ').trim();
  if (passage.length <= MAX_PASSAGE) return { text: passage, end: rawEnd };
  // Over the length: cut at a word, and find where that is in the raw text.
  const cut = passage.lastIndexOf(' ', MAX_PASSAGE - 1);
  const kept = passage.slice(0, cut > MAX_PASSAGE / 2 ? cut : MAX_PASSAGE - 1);
  return { text: `${kept}…`, end: rawOffsetAfter(content, start, rawEnd, kept.length) };
}

/** Where in `content` the first `count` characters of the slice, whitespace runs counted as one and leading ones trimmed, end. */
function rawOffsetAfter(content: string, start: number, end: number, count: number): number {
  const space = (i: number) => /\s/.test(content[i]!);
  let at = start;
  while (at < end && space(at)) at++;
  for (let seen = 0; at < end && seen < count; seen++) {
    if (space(at)) while (at < end && space(at)) at++;
    else at++;
  }
  return at;
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}
