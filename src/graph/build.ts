import { DirectedGraph, MultiDirectedGraph } from 'graphology';
import type { Claim, DebateMap, Evidence, RelationKind, Source } from '../model.js';

export type NodeAttributes =
  | { type: 'source'; source: Source }
  | { type: 'claim'; claim: Claim }
  | { type: 'evidence'; evidence: Evidence };

/**
 * claim -relation-> claim, claim -cites-> evidence, source -answers/reported-by-> source.
 * Which source made a claim is the claim's `sourceId`: an edge per claim would double the
 * graph for no analysis that needs it.
 */
export type EdgeAttributes =
  | { type: 'relation'; kind: RelationKind; note?: string }
  | { type: 'cites' }
  | { type: 'answers' }
  | { type: 'reported-by' };

/** A simple directed graph, or a multigraph when two edges join the same pair (same API). */
export type DebateGraph = DirectedGraph<NodeAttributes, EdgeAttributes>;

/**
 * The map as a graph. References that do not resolve (reported by `validate`) are left
 * out, so every analysis can run on a map that is still being written.
 */
export function buildGraph(map: DebateMap): DebateGraph {
  // A multigraph only when two edges join the same pair: graphology's simple graph adds and
  // walks edges at about twice the speed, and most maps have no such pair.
  const graph: DebateGraph = hasParallelEdges(map)
    ? new MultiDirectedGraph<NodeAttributes, EdgeAttributes>()
    : new DirectedGraph<NodeAttributes, EdgeAttributes>();
  // The first definition of an id wins, as in validation; a duplicate is reported there.
  const types = new Map<string, NodeAttributes['type']>();
  const add = (id: string, attributes: NodeAttributes): boolean => {
    if (types.has(id)) return false;
    types.set(id, attributes.type);
    graph.addNode(id, attributes);
    return true;
  };
  const addedSources = map.sources.filter((source) => add(source.id, { type: 'source', source }));
  const addedClaims = map.claims.filter((claim) => add(claim.id, { type: 'claim', claim }));
  for (const evidence of map.evidence) add(evidence.id, { type: 'evidence', evidence });

  const isType = (id: string, type: NodeAttributes['type']): boolean => types.get(id) === type;
  for (const claim of addedClaims) {
    for (const id of claim.evidence) if (isType(id, 'evidence')) graph.addDirectedEdge(claim.id, id, { type: 'cites' });
    for (const relation of claim.relations) {
      // A claim that attacks itself stays in the graph: validation reports it in a map, and an
      // abstract framework read from elsewhere may have one (it can never be in).
      if (!isType(relation.to, 'claim')) continue;
      graph.addDirectedEdge(claim.id, relation.to, relation.note ? { type: 'relation', kind: relation.kind, note: relation.note } : { type: 'relation', kind: relation.kind });
    }
  }
  for (const source of addedSources) {
    for (const id of source.answers) if (id !== source.id && isType(id, 'source')) graph.addDirectedEdge(source.id, id, { type: 'answers' });
    if (source.reportedBy && source.reportedBy !== source.id && isType(source.reportedBy, 'source')) {
      graph.addDirectedEdge(source.id, source.reportedBy, { type: 'reported-by' });
    }
  }
  return graph;
}

/** Whether an entity refers twice to one id (a relation and a citation, or answers and reported_by, may name the same). */
function hasParallelEdges(map: DebateMap): boolean {
  const repeats = (ids: readonly string[]): boolean => {
    for (let i = 1; i < ids.length; i++) if (ids.indexOf(ids[i]!, 0) < i) return true;
    return false;
  };
  for (const claim of map.claims) {
    const { relations, evidence } = claim;
    if (relations.length + evidence.length < 2) continue;
    if (repeats(evidence) || repeats(relations.map((relation) => relation.to))) return true;
  }
  for (const source of map.sources) {
    if (repeats(source.reportedBy ? [...source.answers, source.reportedBy] : source.answers)) return true;
  }
  return false;
}

export function claimOf(graph: DebateGraph, id: string): Claim | undefined {
  const attributes = graph.hasNode(id) ? graph.getNodeAttributes(id) : undefined;
  return attributes?.type === 'claim' ? attributes.claim : undefined;
}

export function sourceOf(graph: DebateGraph, id: string): Source | undefined {
  const attributes = graph.hasNode(id) ? graph.getNodeAttributes(id) : undefined;
  return attributes?.type === 'source' ? attributes.source : undefined;
}

/** sourceOf for a walk over many claims: a map has few sources, so each is looked up in the graph once. */
export function sourceLookup(graph: DebateGraph): (id: string) => Source | undefined {
  const known = new Map<string, Source | undefined>();
  return (id) => {
    if (known.has(id)) return known.get(id);
    const source = sourceOf(graph, id);
    known.set(id, source);
    return source;
  };
}

export function claims(graph: DebateGraph): Claim[] {
  const list: Claim[] = [];
  graph.forEachNode((_, attributes) => {
    if (attributes.type === 'claim') list.push(attributes.claim);
  });
  return list;
}

/** The claims of each source, in the order of the map's files, with a filter when not all are wanted. */
export function claimsBySource(graph: DebateGraph, keep: (claim: Claim) => boolean = () => true): Map<string, Claim[]> {
  const bySource = new Map<string, Claim[]>();
  graph.forEachNode((_, attributes) => {
    if (attributes.type !== 'claim' || !keep(attributes.claim)) return;
    const list = bySource.get(attributes.claim.sourceId);
    if (list) list.push(attributes.claim);
    else bySource.set(attributes.claim.sourceId, [attributes.claim]);
  });
  return bySource;
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
    if (attributes.type === 'relation') list.push(attributes.note ? { from, kind: attributes.kind, note: attributes.note } : { from, kind: attributes.kind });
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
