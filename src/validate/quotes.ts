import type { Finding } from '../diagnostics.js';
import type { LoadedText } from '../load/texts.js';
import { quotePointer, type DebateMap, type Source } from '../model.js';
import { closestPassage, containsQuote, firstDifference, prepareText, type PreparedText } from './quote-text.js';

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

export function checkQuotes(map: DebateMap, options: QuoteCheckOptions): { findings: Finding[]; stats: QuoteStats } {
  const findings: Finding[] = [];
  const stats: QuoteStats = { checked: 0, notFound: 0, unchecked: 0 };
  const sourcesById = new Map(map.sources.map((s) => [s.id, s]));
  const prepared = new Map<string, PreparedText>();
  const uncheckedBySource = new Map<string, { count: number; why: string }>();
  const reportedMissing = new Set<string>();

  for (const source of map.sources) {
    if (!source.date) {
      findings.push({
        code: 'missing-date',
        message: `source '${source.id}' has no date; add 'date' (a partial date such as 2024-05 will do) so it sorts in the debate`,
        file: source.file,
        pointer: source.pointer,
        atKey: true,
      });
    }
  }

  for (const claim of map.claims) {
    if (claim.quotes.length === 0) {
      if (claim.quoteGiven) continue;
      findings.push({
        code: 'missing-quote',
        message: `claim '${claim.id}' has no quote; add the verbatim passage it rests on so readers can check it`,
        file: claim.file,
        pointer: claim.pointer,
      });
      continue;
    }
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
    let why: string | undefined;
    let text: PreparedText | undefined;
    if (!holder) {
      why = quotedFrom !== source || source?.reportedBy ? `its reporting source has no 'text'` : `the source has no 'text'`;
    } else if (!options.texts) {
      why = options.textsOff ? 'quote checks are off (--no-texts)' : 'no texts directory is configured (riposte.config.yaml or --texts)';
    } else {
      const loaded = options.texts.get(holder.text!);
      if (!loaded || !loaded.ok) {
        why = `the text '${holder.text}' could not be read`;
        if (!reportedMissing.has(holder.id)) {
          reportedMissing.add(holder.id);
          const code = (loaded && !loaded.ok && loaded.code) || 'text-not-found';
          findings.push({
            code,
            message: `cannot read the text '${holder.text}' of source '${holder.id}': ${loaded && !loaded.ok ? loaded.reason : 'not loaded'}${code === 'text-not-found' ? '; check the file name and the texts directory' : ''}`,
            file: holder.file,
            pointer: `${holder.pointer}/text`,
          });
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
      const entry = uncheckedBySource.get(claim.sourceId) ?? { count: 0, why: why ?? '' };
      entry.count += claim.quotes.length;
      uncheckedBySource.set(claim.sourceId, entry);
      continue;
    }
    claim.quotes.forEach((quote, i) => {
      stats.checked++;
      if (containsQuote(text, quote)) return;
      stats.notFound++;
      // The text as checked (in NFC); its lines are the file's lines.
      const content = text.raw;
      const found = closestPassage(text, quote);
      // A passage less than half alike would mislead more than help.
      const passage = found && found.similarity >= 0.5 ? found : undefined;
      const difference = passage && firstDifference(quote, content.slice(passage.start, passage.end));
      const hint = passage
        ? `closest passage in ${holder!.text} (line ${lineOf(content, passage.start)}, ${Math.round(passage.similarity * 100)}% alike):\n  ${boundedPassage(content, passage.start, passage.end)}${difference ? `\n  ${difference}` : ''}`
        : `no passage of ${holder!.text} is close to it`;
      findings.push({
        code: 'quote-not-found',
        message: `quote of claim '${claim.id}' not found in the text of '${holder!.id}'; copy it verbatim from the text`,
        file: claim.file,
        pointer: quotePointer(claim, i),
        hint,
      });
    });
  }

  // Checks turned off on purpose are only counted, unless --strict demands them.
  if (options.textsOff && !options.strict) uncheckedBySource.clear();
  for (const [sourceId, { count, why }] of uncheckedBySource) {
    const source = sourcesById.get(sourceId)!;
    findings.push({
      code: 'quotes-unchecked',
      message: `${count} quote${count === 1 ? '' : 's'} of source '${sourceId}' not checked: ${why}`,
      file: source.file,
      pointer: source.pointer,
      atKey: true,
    });
  }
  return { findings, stats };
}

/** Longest passage a hint shows: a wrong quote must not turn a text into a printout of it. */
export const MAX_PASSAGE = 200;

/**
 * The passage from `start` to `end` as a hint shows it: on one line, and at most one sentence
 * or MAX_PASSAGE characters, whichever is shorter, cut at a word with an ellipsis.
 */
export function boundedPassage(content: string, start: number, end: number): string {
  let passage = content.slice(start, Math.min(end, start + MAX_PASSAGE * 4)).replace(/\s+/g, ' ').trim();
  // One sentence: up to the first full stop, question or exclamation mark that ends one.
  const sentenceEnd = /[.!?](?=\s|$)/.exec(passage);
  if (sentenceEnd && sentenceEnd.index + 1 < passage.length) passage = passage.slice(0, sentenceEnd.index + 1);
  if (passage.length <= MAX_PASSAGE) return passage;
  const cut = passage.lastIndexOf(' ', MAX_PASSAGE - 1);
  return `${passage.slice(0, cut > MAX_PASSAGE / 2 ? cut : MAX_PASSAGE - 1)}…`;
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}
