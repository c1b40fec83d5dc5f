import type { MapStats } from '../graph/stats.js';
import { LABELS } from '../graph/acceptability.js';
import { LABEL_NAMES } from './labels.js';
import { RELATION_KINDS } from '../model.js';
import { styler } from './style.js';

export function renderStats(stats: MapStats, options: { color: boolean }): string {
  const c = styler(options.color);
  const rows: [string, number][] = [
    ['sources', stats.sources],
    ['claims', stats.claims],
    ['evidence', stats.evidence],
    ['relations', stats.relations.total],
    ...RELATION_KINDS.map((k): [string, number] => [`  ${k}`, stats.relations[k]]),
    ['answered', stats.status.answered],
    ['challenged', stats.status.challenged],
    ['unanswered', stats.status.unanswered],
    ...LABELS.map((l): [string, number] => [LABEL_NAMES[l], stats.labels[l]]),
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  const digits = Math.max(...rows.map(([, n]) => String(n).length));
  return rows.map(([label, n]) => `${label.padEnd(width)}  ${c.bold(String(n).padStart(digits))}`).join('\n') + '\n';
}
