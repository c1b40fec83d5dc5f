import { countBySeverity, hintOf, messageOf, ruleDocs } from '../../diagnostics.js';
import type { DiagnosticFormatter } from './types.js';

/** A stable, documented shape (docs/format.md): 1-based lines and columns, sorted. */
export const json: DiagnosticFormatter = (diagnostics, options) => {
  const { errors, warnings } = countBySeverity(diagnostics);
  return (
    JSON.stringify(
      {
        version: 1,
        summary: { files: options.summary.files, errors, warnings, quotes: options.summary.quotes },
        diagnostics: diagnostics.map((d) => {
          const hint = hintOf(d);
          return {
          code: d.code,
          severity: d.severity,
          message: messageOf(d),
          args: d.args,
          file: d.file,
          line: d.line,
          column: d.column,
          pointer: d.pointer,
          ...(hint ? { hint } : {}),
          ...(d.fix ? { fix: d.fix } : {}),
          docs: ruleDocs(d.code),
          };
        }),
      },
      null,
      2,
    ) + '\n'
  );
};
