import { RELATION_KINDS, type RelationKind } from '../model.js';
import { groundedLabelling, type Label } from './acceptability.js';
import type { DebateGraph } from './build.js';
import { responseStatusMap, type ResponseStatus } from './status.js';

export interface MapStats {
  sources: number;
  claims: number;
  evidence: number;
  relations: Record<RelationKind, number> & { total: number };
  status: Record<ResponseStatus, number>;
  /** Claims by grounded label: standing (in), defeated (out), undecided. */
  labels: Record<Label, number>;
}

export function mapStats(graph: DebateGraph): MapStats {
  const relations = Object.fromEntries(RELATION_KINDS.map((k) => [k, 0])) as Record<RelationKind, number>;
  let total = 0;
  graph.forEachEdge((_edge, attributes) => {
    if (attributes.type !== 'relation') return;
    relations[attributes.kind]++;
    total++;
  });
  const counts = { sources: 0, claims: 0, evidence: 0 };
  graph.forEachNode((_node, attributes) => {
    if (attributes.type === 'source') counts.sources++;
    else if (attributes.type === 'claim') counts.claims++;
    else counts.evidence++;
  });
  const status: Record<ResponseStatus, number> = { answered: 0, challenged: 0, unanswered: 0 };
  // Only each claim's status is counted: one pass over the edges, no list of responses per claim.
  for (const s of responseStatusMap(graph).values()) status[s]++;
  return { ...counts, relations: { ...relations, total }, status, labels: groundedLabelling(graph).counts };
}
