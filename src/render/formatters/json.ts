import { countBySeverity, ruleDocs } from '../../diagnostics.js';
import type { DiagnosticFormatter } from './types.js';

/** A stable, documented shape (docs/format.md): 1-based lines and columns, sorted. */
export const json: DiagnosticFormatter = (diagnostics, options) => {
  const { errors, warnings } = countBySeverity(diagnostics);
  return (
    JSON.stringify(
      {
        version: 1,
        summary: { files: options.summary.files, errors, warnings, quotes: options.summary.quotes },
        diagnostics: diagnostics.map((d) => ({
          code: d.code,
          severity: d.severity,
          message: d.message,
          file: d.file,
          line: d.line,
          column: d.column,
          pointer: d.pointer,
          ...(d.hint ? { hint: d.hint } : {}),
          ...(d.fix ? { fix: d.fix } : {}),
          docs: ruleDocs(d.code),
        })),
      },
      null,
      2,
    ) + '\n'
  );
};
