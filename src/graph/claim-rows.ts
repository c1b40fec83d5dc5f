import { finding, type SettledFinding, type Severity } from '../diagnostics.js';
import type { Claim, Source } from '../model.js';
import type { Label, Labelling } from './acceptability.js';
import { claimsBySource, type DebateGraph } from './build.js';
import { claimMatches, type ClaimFilters } from './filters.js';
import { debateOrder } from './order.js';
import { claimStatus, type ResponseStatus } from './status.js';

export interface ClaimRow {
  claim: Claim;
  source: Source;
  status: ResponseStatus;
  label: Label;
}

export interface StatusFilters extends ClaimFilters {
  /** Only claims with one of these labels. */
  labels?: readonly Label[];
  /** Only claims with one of these response statuses. */
  responses?: readonly ResponseStatus[];
}

/** Every claim with its response status and grounded label: sources in debate order, claims in file order. */
export function claimRows(graph: DebateGraph, labelling: Labelling, filters: StatusFilters = {}): ClaimRow[] {
  const bySource = claimsBySource(graph);
  const rows: ClaimRow[] = [];
  for (const source of debateOrder(graph)) {
    for (const claim of bySource.get(source.id) ?? []) {
      if (!claimMatches(claim, source, filters)) continue;
      const label = labelling.labels.get(claim.id)!;
      if (filters.labels?.length && !filters.labels.includes(label)) continue;
      const { status } = claimStatus(graph, claim.id);
      if (filters.responses?.length && !filters.responses.includes(status)) continue;
      rows.push({ claim, source, status, label });
    }
  }
  return rows;
}

/** How many rows have each label and each response status. */
export function rowCounts(rows: readonly ClaimRow[]): { labels: Record<Label, number>; status: Record<ResponseStatus, number> } {
  const labels: Record<Label, number> = { in: 0, out: 0, undecided: 0 };
  const status: Record<ResponseStatus, number> = { answered: 0, challenged: 0, unanswered: 0 };
  for (const row of rows) {
    labels[row.label]++;
    status[row.status]++;
  }
  return { labels, status };
}

/** Listed claims as findings at each claim's place, for the CI report formats. */
export function claimRowFindings(rows: readonly ClaimRow[], severity: Severity): SettledFinding[] {
  return rows.map(({ claim, source, status, label }) => ({
    ...finding('claim-status', { claim: claim.id, source: source.id, status, label, summary: claim.summary }, { file: claim.file, pointer: claim.pointer }),
    severity,
  }));
}
