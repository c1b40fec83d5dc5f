import type { Finding, Severity } from '../diagnostics.js';
import type { Claim, Source } from '../model.js';
import { claims, sourceOf, type DebateGraph } from './build.js';
import { debateOrder } from './order.js';
import { claimStatus, type ResponseStatus } from './status.js';

export interface UnansweredFilters {
  /** Source ids; a claim must belong to one of them. */
  sources?: readonly string[];
  /** Case-insensitive substrings of an author or signatory name. */
  authors?: readonly string[];
  /** Tags; a claim must carry one of them. */
  tags?: readonly string[];
  /** Also list challenged claims (only questioned, never answered). Default true. */
  includeChallenged?: boolean;
}

export interface UnansweredGroup {
  source: Source;
  claims: { claim: Claim; status: ResponseStatus }[];
}

/** Claims no other source has answered, grouped by source in debate order. */
export function unansweredClaims(graph: DebateGraph, filters: UnansweredFilters = {}): UnansweredGroup[] {
  const includeChallenged = filters.includeChallenged ?? true;
  const authorNeedles = (filters.authors ?? []).map((a) => a.toLowerCase());
  const groups = new Map<string, UnansweredGroup>();
  for (const claim of claims(graph)) {
    const source = sourceOf(graph, claim.sourceId);
    if (!source) continue;
    if (filters.sources?.length && !filters.sources.includes(source.id)) continue;
    if (authorNeedles.length) {
      const names = [...source.authors, ...source.signatories].map((n) => n.toLowerCase());
      if (!authorNeedles.some((needle) => names.some((name) => name.includes(needle)))) continue;
    }
    if (filters.tags?.length && !filters.tags.some((tag) => claim.tags.includes(tag))) continue;
    const { status } = claimStatus(graph, claim.id);
    if (status === 'answered' || (status === 'challenged' && !includeChallenged)) continue;
    const group = groups.get(source.id) ?? { source, claims: [] };
    group.claims.push({ claim, status });
    groups.set(source.id, group);
  }
  return debateOrder(graph).flatMap((source) => {
    const group = groups.get(source.id);
    return group ? [group] : [];
  });
}

/** Unanswered claims as findings at each claim's place, for the CI report formats. */
export function unansweredFindings(groups: readonly UnansweredGroup[], severity: Severity): Finding[] {
  return groups.flatMap(({ source, claims }) =>
    claims.map(({ claim, status }) => ({
      code: status === 'challenged' ? ('challenged-claim' as const) : ('unanswered-claim' as const),
      severity,
      message: `claim '${claim.id}' of ${source.id} is ${status}: ${claim.summary}`,
      file: claim.file,
      pointer: claim.pointer,
    })),
  );
}
