import { fullMessageOf } from '../../diagnostics.js';
import { safeInline, safeText } from '../sanitize.js';
import type { DiagnosticFormatter } from './types.js';

// GitHub Actions workflow commands: https://docs.github.com/actions/reference/workflow-commands-for-github-actions
// The log that shows them is a terminal too: control and bidi characters are escaped first, as in stylish.
const escapeData = (text: string): string => safeText(text).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (text: string): string => escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');

/** `::error file=...,line=...,col=...,title=...::message`: annotations on the pull request's diff. */
export const github: DiagnosticFormatter = (diagnostics) =>
  diagnostics
    .map((d) => {
      const properties = [`file=${escapeProperty(safeInline(d.file))}`];
      if (d.line > 0) properties.push(`line=${d.line}`, `col=${d.column}`);
      properties.push(`title=${escapeProperty(`riposte ${d.code}`)}`);
      const message = fullMessageOf(d);
      return `::${d.severity === 'error' ? 'error' : 'warning'} ${properties.join(',')}::${escapeData(message)}\n`;
    })
    .join('');
