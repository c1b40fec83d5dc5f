import { finding, type Finding } from '../diagnostics.js';
import type { DebateMap } from '../model.js';
import { isRealDate } from '../dates.js';
import { checkQuotes, type QuoteCheckOptions, type QuoteStats } from './quotes.js';
import { checkReferences } from './references.js';
import { checkSchema } from './schema.js';

export interface ParsedMapFile {
  file: string;
  data: unknown;
  recoveredIds: readonly string[];
  findings: readonly Finding[];
}

export interface ValidateOptions extends QuoteCheckOptions {
  /** Check quotes against texts (default true); the read-only commands skip it. */
  quotes?: boolean;
  /** The part of the map whose quotes are checked, when not all of it (the rest is context). */
  quoteMap?: DebateMap;
}

export interface ValidationOutcome {
  findings: Finding[];
  quotes: QuoteStats;
}

/** Checks of one file on its own: its YAML findings and the schema. */
export function validateFile(file: ParsedMapFile): Finding[] {
  // A file that did not parse has no data to check; its YAML errors say why.
  if (file.data === undefined && file.findings.length > 0) return [...file.findings];
  const schema = checkSchema(file.file, file.data);
  return [...file.findings, ...schema, ...impossibleDates(file.file, file.data, schema)];
}

/**
 * Dates the schema's pattern lets through but the calendar does not have (2016-02-30): one
 * finding each, where it is written. Dates the schema already refused are not reported twice.
 */
function impossibleDates(file: string, data: unknown, schema: readonly Finding[]): Finding[] {
  if (data === null || typeof data !== 'object') return [];
  const record = data as { source?: { date?: unknown }; evidence?: unknown };
  const dates: [unknown, string][] = [[record.source?.date, '/source/date']];
  if (Array.isArray(record.evidence)) record.evidence.forEach((e, i) => dates.push([(e as { date?: unknown } | null)?.date, `/evidence/${i}/date`]));
  const refused = new Set(schema.map((f) => f.pointer));
  const findings: Finding[] = [];
  for (const [date, pointer] of dates) {
    if (typeof date !== 'string' || refused.has(pointer) || isRealDate(date)) continue;
    findings.push(finding('invalid-date', { why: 'calendar', value: date }, { file, pointer }));
  }
  return findings;
}

/**
 * Checks that need the whole map: references and quotes. `recoveredIds` are ids of files
 * that failed to parse, so references to them do not cascade. Pure.
 */
export function validateMap(map: DebateMap, recoveredIds: ReadonlySet<string>, options: ValidateOptions = {}): ValidationOutcome {
  const findings = checkReferences(map, recoveredIds);
  if (options.quotes === false) return { findings, quotes: { checked: 0, notFound: 0, unchecked: 0 } };
  const quotes = checkQuotes(options.quoteMap ?? map, { ...options, unparsed: recoveredIds });
  for (const finding of quotes.findings) findings.push(finding);
  return { findings, quotes: quotes.stats };
}
