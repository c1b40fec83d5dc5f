/** Every finding riposte can report. Tests assert these codes, never the prose. */
export const DIAGNOSTIC_CODES = [
  // YAML syntax and structure
  'yaml-syntax',
  'yaml-warning',
  'duplicate-key',
  'unsupported-yaml',
  'limit-exceeded',
  // files that are not read: links out of the project, hidden paths, devices, broken links
  'path-outside-project',
  'not-regular-file',
  'broken-link',
  'unreadable-file',
  'invalid-file-name',
  // the schema
  'unknown-key',
  'missing-key',
  'wrong-type',
  'invalid-value',
  'invalid-id',
  'invalid-date',
  'invalid-url',
  'empty-value',
  'duplicate-value',
  // the map as a whole
  'duplicate-id',
  'dangling-reference',
  'self-relation',
  'relation-target-kind',
  'conflicting-relations',
  'same-source-response',
  'response-predates-target',
  'reported-source-with-text',
  // quotes and texts
  'quote-not-found',
  'text-not-found',
  'text-encoding',
  'quotes-unchecked',
  'missing-quote',
  'missing-date',
] as const;

export type DiagnosticCode = (typeof DIAGNOSTIC_CODES)[number];

/** Codes of `riposte unanswered` and `riposte status` findings, for the CI output formats. */
export const REPORT_CODES = ['unanswered-claim', 'challenged-claim', 'claim-status'] as const;
export type ReportCode = (typeof REPORT_CODES)[number];

export type Severity = 'error' | 'warning';

export interface Diagnostic {
  code: DiagnosticCode | ReportCode;
  severity: Severity;
  message: string;
  /** Path of the map file, as given on the command line (relative to the working directory). */
  file: string;
  /** JSON pointer into the file's data ('' for the whole document). */
  pointer: string;
  /** 1-based; filled in by `locate` from the file's YAML, 0 when no position is known. */
  line: number;
  column: number;
  /** 0-based character offsets of the offending node in the file, for code frames. */
  offset?: number;
  endOffset?: number;
  /** Extra lines that help fix it (the closest passage of a text, a hint). */
  hint?: string;
}

/** A diagnostic before positions are attached: checks work on data and pointers only. */
export type Finding = Omit<Diagnostic, 'line' | 'column' | 'endOffset'> & {
  /** Point at the mapping key rather than its value (unknown keys). */
  atKey?: boolean;
  /** For YAML errors the parser's offset is known; checks leave it out and give a pointer. */
  offset?: number;
  /** About a file that was not read (refused or unreadable): it has no position, and locating it reads nothing. */
  unread?: boolean;
};

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
    a.line - b.line ||
    a.column - b.column ||
    (a.code < b.code ? -1 : a.code > b.code ? 1 : 0) ||
    (a.message < b.message ? -1 : a.message > b.message ? 1 : 0)
  );
}

export function countBySeverity(diagnostics: readonly Diagnostic[]): { errors: number; warnings: number } {
  let errors = 0;
  let warnings = 0;
  for (const d of diagnostics) {
    if (d.severity === 'error') errors++;
    else warnings++;
  }
  return { errors, warnings };
}
