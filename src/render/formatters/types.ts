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
  /** Texts of the files that have findings, for code frames and end positions. */
  texts: ReadonlyMap<string, string>;
  /** Every file the run read, findings or not (JUnit reports one test case each). */
  files?: readonly string[];
  /** riposte's version, for reports that name their tool. */
  version?: string;
  /** The command whose findings these are ('validate' or 'unanswered'). */
  command?: string;
  /** What fails the run: errors (the default), or warnings too. */
  failOn?: 'error' | 'warning';
}

/** One output format for diagnostics: data in, text out. */
export type DiagnosticFormatter = (diagnostics: readonly Diagnostic[], options: FormatterOptions) => string;
