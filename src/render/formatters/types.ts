import type { Diagnostic } from '../../diagnostics.js';

export interface ValidationSummary {
  files: number;
  quotes: { checked: number; notFound: number; unchecked: number };
}

export interface FormatterOptions {
  color: boolean;
  /** Add a code frame under each finding. */
  verbose: boolean;
  summary: ValidationSummary;
  /** Texts of the files that have findings, for code frames. */
  texts: ReadonlyMap<string, string>;
}

/** One output format for diagnostics: data in, text out. */
export type DiagnosticFormatter = (diagnostics: readonly Diagnostic[], options: FormatterOptions) => string;
