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

/** Every check riposte makes on a parsed map (`map` is buildModel of `files`): schema, references, quotes. Pure. */
export function validateMap(files: readonly ParsedMapFile[], map: DebateMap, options: ValidateOptions = {}): ValidationOutcome {
  const findings: Finding[] = [];
  const recovered = new Set<string>();
  for (const file of files) {
    findings.push(...file.findings);
    for (const id of file.recoveredIds) recovered.add(id);
    if (file.data !== undefined || file.findings.length === 0) findings.push(...checkSchema(file.file, file.data));
  }
  findings.push(...checkReferences(map, recovered));
  if (options.quotes === false) return { findings, quotes: { checked: 0, notFound: 0, unchecked: 0 } };
  const quotes = checkQuotes(map, options);
  findings.push(...quotes.findings);
  return { findings, quotes: quotes.stats };
}
