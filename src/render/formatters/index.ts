import { github } from './github.js';
import { gitlab } from './gitlab.js';
import { json } from './json.js';
import { junit } from './junit.js';
import { sarif } from './sarif.js';
import { stylish } from './stylish.js';
import type { DiagnosticFormatter } from './types.js';

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
