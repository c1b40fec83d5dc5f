import type { Diagnostic } from '../../diagnostics.js';
import { github } from './github.js';
import { gitlab } from './gitlab.js';
import { json } from './json.js';
import { junit } from './junit.js';
import { sarif } from './sarif.js';
import { stylish, stylishChunks } from './stylish.js';
import type { DiagnosticFormatter, FormatterOptions } from './types.js';

export type { DiagnosticFormatter, FormatterOptions, ValidationSummary } from './types.js';

/** Output formats for diagnostics, by name. */
export const diagnosticFormatters = {
  stylish,
  json,
  github,
  junit,
  sarif,
  gitlab,
} satisfies Record<string, DiagnosticFormatter>;

export type DiagnosticFormat = keyof typeof diagnosticFormatters;

/** Formats whose text can be written as it is made, in chunks: the same text as the formatter's. */
export const streamedFormatters: Partial<Record<DiagnosticFormat, (diagnostics: readonly Diagnostic[], options: FormatterOptions) => Iterable<string>>> = {
  stylish: stylishChunks,
};
