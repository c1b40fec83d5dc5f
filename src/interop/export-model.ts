import type { Label } from '../graph/acceptability.js';
import { groundedLabelling } from '../graph/acceptability.js';
import { claimsBySource, type DebateGraph } from '../graph/build.js';
import { debateOrder } from '../graph/order.js';
import { claimStatus, type ResponseStatus } from '../graph/status.js';
import type { Claim, DebateMap, Evidence, Relation, Source } from '../model.js';

/** What every exporter writes from: the map in debate order, with each claim's status and label. */
export interface ExportModel {
  sources: Source[];
  claims: Claim[];
  /** The claims of each source, in order: writers group by source without a pass per source. */
  claimsBySource: Map<string, Claim[]>;
  evidence: Evidence[];
  relations: Relation[];
  status: Map<string, ResponseStatus>;
  label: Map<string, Label>;
}

/**
 * The map as exporters see it: sources in debate order, their claims in file order, the
 * relations between claims that exist. With `only`, just those claims (a subtree for --from).
 */
export function exportModel(map: DebateMap, graph: DebateGraph, only?: ReadonlySet<string>): ExportModel {
  const keep = (id: string): boolean => !only || only.has(id);
  const order = debateOrder(graph);
  const bySource = claimsBySource(graph, (claim) => keep(claim.id));
  const claims = order.flatMap((s) => bySource.get(s.id) ?? []);
  const ids = new Set(claims.map((c) => c.id));
  const { labels } = groundedLabelling(graph);
  const status = new Map(claims.map((c) => [c.id, claimStatus(graph, c.id).status]));
  return {
    sources: only ? order.filter((s) => bySource.has(s.id)) : order,
    claims,
    claimsBySource: bySource,
    evidence: only ? [] : map.evidence,
    relations: claims.flatMap((c) => c.relations.filter((r) => ids.has(r.to))),
    status,
    label: labels,
  };
}
