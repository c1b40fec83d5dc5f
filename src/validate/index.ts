import type { Finding } from '../diagnostics.js';
import type { DebateMap } from '../model.js';
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
}

export interface ValidationOutcome {
  findings: Finding[];
  quotes: QuoteStats;
}

/** Checks of one file on its own: its YAML findings and the schema. */
export function validateFile(file: ParsedMapFile): Finding[] {
  // A file that did not parse has no data to check; its YAML errors say why.
  if (file.data === undefined && file.findings.length > 0) return [...file.findings];
  return [...file.findings, ...checkSchema(file.file, file.data)];
}

/**
 * Checks that need the whole map: references and quotes. `recoveredIds` are ids of files
 * that failed to parse, so references to them do not cascade. Pure.
 */
export function validateMap(map: DebateMap, recoveredIds: ReadonlySet<string>, options: ValidateOptions = {}): ValidationOutcome {
  const findings = checkReferences(map, recoveredIds);
  if (options.quotes === false) return { findings, quotes: { checked: 0, notFound: 0, unchecked: 0 } };
  const quotes = checkQuotes(map, { ...options, unparsed: recoveredIds });
  for (const finding of quotes.findings) findings.push(finding);
  return { findings, quotes: quotes.stats };
}
