import { MultiDirectedGraph } from 'graphology';
import type { Claim, DebateMap, Evidence, RelationKind, Source } from '../model.js';

export type NodeAttributes =
  | { type: 'source'; source: Source }
  | { type: 'claim'; claim: Claim }
  | { type: 'evidence'; evidence: Evidence };

/** claim -relation-> claim, claim -made-by-> source, claim -cites-> evidence, source -answers/reported-by-> source. */
export type EdgeAttributes =
  | { type: 'relation'; kind: RelationKind; note?: string }
  | { type: 'made-by' }
  | { type: 'cites' }
  | { type: 'answers' }
  | { type: 'reported-by' };

export type DebateGraph = MultiDirectedGraph<NodeAttributes, EdgeAttributes>;

/**
 * The map as a graph. References that do not resolve (reported by `validate`) are left
 * out, so every analysis can run on a map that is still being written.
 */
export function buildGraph(map: DebateMap): DebateGraph {
  const graph: DebateGraph = new MultiDirectedGraph<NodeAttributes, EdgeAttributes>();
  for (const source of map.sources) graph.mergeNode(source.id, { type: 'source', source });
  for (const evidence of map.evidence) if (!graph.hasNode(evidence.id)) graph.addNode(evidence.id, { type: 'evidence', evidence });
  for (const claim of map.claims) if (!graph.hasNode(claim.id)) graph.addNode(claim.id, { type: 'claim', claim });

  const isType = (id: string, type: NodeAttributes['type']): boolean => graph.hasNode(id) && graph.getNodeAttribute(id, 'type') === type;
  for (const claim of map.claims) {
    if (graph.getNodeAttributes(claim.id).type !== 'claim') continue;
    if (isType(claim.sourceId, 'source')) graph.addDirectedEdge(claim.id, claim.sourceId, { type: 'made-by' });
    for (const id of claim.evidence) if (isType(id, 'evidence')) graph.addDirectedEdge(claim.id, id, { type: 'cites' });
    for (const relation of claim.relations) {
      if (relation.to === claim.id || !isType(relation.to, 'claim')) continue;
      graph.addDirectedEdge(claim.id, relation.to, { type: 'relation', kind: relation.kind, ...(relation.note ? { note: relation.note } : {}) });
    }
  }
  for (const source of map.sources) {
    if (graph.getNodeAttributes(source.id).type !== 'source') continue;
    for (const id of source.answers) if (id !== source.id && isType(id, 'source')) graph.addDirectedEdge(source.id, id, { type: 'answers' });
    if (source.reportedBy && source.reportedBy !== source.id && isType(source.reportedBy, 'source')) {
      graph.addDirectedEdge(source.id, source.reportedBy, { type: 'reported-by' });
    }
  }
  return graph;
}

export function claimOf(graph: DebateGraph, id: string): Claim | undefined {
  const attributes = graph.hasNode(id) ? graph.getNodeAttributes(id) : undefined;
  return attributes?.type === 'claim' ? attributes.claim : undefined;
}

export function sourceOf(graph: DebateGraph, id: string): Source | undefined {
  const attributes = graph.hasNode(id) ? graph.getNodeAttributes(id) : undefined;
  return attributes?.type === 'source' ? attributes.source : undefined;
}

export function claims(graph: DebateGraph): Claim[] {
  const list: Claim[] = [];
  graph.forEachNode((_, attributes) => {
    if (attributes.type === 'claim') list.push(attributes.claim);
  });
  return list;
}

export function sources(graph: DebateGraph): Source[] {
  const list: Source[] = [];
  graph.forEachNode((_, attributes) => {
    if (attributes.type === 'source') list.push(attributes.source);
  });
  return list;
}

export interface Response {
  /** The responding claim and how it relates to the target. */
  from: string;
  kind: RelationKind;
  note?: string;
}

/** Claims that relate to `claimId` (its responses and supports), in edge order. */
export function incomingRelations(graph: DebateGraph, claimId: string): Response[] {
  const list: Response[] = [];
  graph.forEachInEdge(claimId, (_edge, attributes, from) => {
    if (attributes.type === 'relation') list.push({ from, kind: attributes.kind, ...(attributes.note ? { note: attributes.note } : {}) });
  });
  return list;
}

/** Claims that `claimId` relates to. */
export function outgoingRelations(graph: DebateGraph, claimId: string): { to: string; kind: RelationKind }[] {
  const list: { to: string; kind: RelationKind }[] = [];
  graph.forEachOutEdge(claimId, (_edge, attributes, _from, to) => {
    if (attributes.type === 'relation') list.push({ to, kind: attributes.kind });
  });
  return list;
}
