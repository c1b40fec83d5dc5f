import { json } from './json.js';
import { stylish } from './stylish.js';
import type { DiagnosticFormatter } from './types.js';

export type { DiagnosticFormatter, FormatterOptions, ValidationSummary } from './types.js';

/** Output formats for diagnostics, by name. */
export const diagnosticFormatters = {
  stylish,
  json,
} satisfies Record<string, DiagnosticFormatter>;

export type DiagnosticFormat = keyof typeof diagnosticFormatters;
