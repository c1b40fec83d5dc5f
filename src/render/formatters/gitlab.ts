import { createHash } from 'node:crypto';
import { messageOf } from '../../diagnostics.js';
import type { DiagnosticFormatter } from './types.js';

/**
 * GitLab's code quality report (a JSON array), which merge requests show inline.
 * The fingerprint is stable for the same finding at the same place.
 */
export const gitlab: DiagnosticFormatter = (diagnostics) =>
  JSON.stringify(
    diagnostics.map((d) => ({
      description: messageOf(d),
      check_name: d.code,
      fingerprint: createHash('sha256').update(`${d.file}\0${d.pointer}\0${d.code}\0${JSON.stringify(d.args)}`).digest('hex'),
      severity: d.severity === 'error' ? 'major' : 'minor',
      location: { path: d.file, lines: { begin: Math.max(1, d.line) } },
    })),
    null,
    2,
  ) + '\n';
