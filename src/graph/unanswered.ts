import { finding, type SettledFinding, type Severity } from '../diagnostics.js';
import type { Claim, Source } from '../model.js';
import type { Label } from './acceptability.js';
import { claims, sourceLookup, type DebateGraph } from './build.js';
import { claimMatches, sourceNamed, type ClaimFilters } from './filters.js';
import { debateOrder } from './order.js';
import { responseStatusMap, type ResponseStatus } from './status.js';

export interface UnansweredFilters extends ClaimFilters {
  /** Also list challenged claims (only questioned, never answered). Default true. */
  includeChallenged?: boolean;
  /** The grounded labels (acceptability.ts), to carry with each claim. */
  labels?: ReadonlyMap<string, Label>;
  /** Count as answers only responses from sources named so (authors, signatories, short name; any case). */
  by?: readonly string[];
}

export interface UnansweredGroup {
  source: Source;
  claims: { claim: Claim; status: ResponseStatus; label?: Label }[];
}

/** Claims no other source has answered, grouped by source in debate order. */
export function unansweredClaims(graph: DebateGraph, filters: UnansweredFilters = {}): UnansweredGroup[] {
  const includeChallenged = filters.includeChallenged ?? true;
  const needles = filters.by;
  const by = needles?.length ? (source: Source) => sourceNamed(source, needles) : undefined;
  const groups = new Map<string, UnansweredGroup>();
  const statuses = responseStatusMap(graph, by);
  const sourceById = sourceLookup(graph);
  for (const claim of claims(graph)) {
    const source = sourceById(claim.sourceId);
    if (!source || !claimMatches(claim, source, filters)) continue;
    const status = statuses.get(claim.id) ?? 'unanswered';
    if (status === 'answered' || (status === 'challenged' && !includeChallenged)) continue;
    let group = groups.get(source.id);
    if (!group) groups.set(source.id, (group = { source, claims: [] }));
    const label = filters.labels?.get(claim.id);
    group.claims.push(label ? { claim, status, label } : { claim, status });
  }
  return debateOrder(graph).flatMap((source) => {
    const group = groups.get(source.id);
    return group ? [group] : [];
  });
}

/** Unanswered claims as findings at each claim's place, for the CI report formats. */
export function unansweredFindings(groups: readonly UnansweredGroup[], severity: Severity): SettledFinding[] {
  return groups.flatMap(({ source, claims }) =>
    claims.map(({ claim, status }) => ({
      ...finding(status === 'challenged' ? 'challenged-claim' : 'unanswered-claim', { claim: claim.id, source: source.id, status, summary: claim.summary }, { file: claim.file, pointer: claim.pointer }),
      severity,
    })),
  );
}
