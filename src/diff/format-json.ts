import type { Source } from '../model.js';
import type { DiffReport } from './report.js';
import { diffSummary } from './sections.js';

const source = (s: Source) => ({ id: s.id, kind: s.kind, title: s.title, date: s.date ?? null, file: s.file });

/** `riposte diff --format json`: documented in docs/diff.md; `version` changes with the shape. */
export function formatDiffJson(report: DiffReport): string {
  const { diff } = report;
  return (
    JSON.stringify(
      {
        version: 1,
        base: report.base,
        head: report.head,
        summary: diffSummary(diff),
        sources: { added: diff.sources.added.map(source), removed: diff.sources.removed.map(source), changed: diff.sources.changed },
        claims: diff.claims,
        relations: diff.relations,
        consequences: diff.consequences,
        gates: report.gates,
      },
      null,
      2,
    ) + '\n'
  );
}
