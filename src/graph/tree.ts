import type { RelationKind, Source } from '../model.js';
import { claimOf, claims, incomingRelations, outgoingRelations, sourceOf, type DebateGraph } from './build.js';
import { compareSources, debateOrder } from './order.js';

export interface TreeNode {
  claimId: string;
  /** How this claim relates to its parent; absent for roots. */
  relation?: { kind: RelationKind; note?: string };
  children: TreeNode[];
  /** 'shown-above': printed earlier in the tree; 'cycle': an ancestor of itself. Children are not expanded. */
  reference?: 'shown-above' | 'cycle';
  /** Responses not shown because of the depth limit. */
  hidden: number;
}

export interface TreeSection {
  source: Source;
  roots: TreeNode[];
}

export interface TreeOptions {
  /** Start from one claim (its responses) or one source (all its claims). */
  from?: string;
  /** Levels of responses shown below each root; unlimited when absent. */
  depth?: number;
}

export class UnknownNodeError extends Error {
  constructor(readonly id: string) {
    super(`no claim or source '${id}'`);
    this.name = 'UnknownNodeError';
  }
}

/**
 * The debate as a forest: roots are claims that respond to nothing (the openings of
 * threads), grouped by source in date order; each claim's responses are nested below it.
 * A claim reached a second time is a reference, not a copy, so cycles terminate.
 */
export function debateTree(graph: DebateGraph, options: TreeOptions = {}): TreeSection[] {
  const printed = new Set<string>();
  /** Claims printed or hidden below the depth limit: the second pass must not make them roots. */
  const reached = new Set<string>();
  const maxDepth = options.depth ?? Infinity;
  const markReached = (start: string): void => {
    const queue = [start];
    while (queue.length > 0) {
      const id = queue.pop()!;
      if (reached.has(id)) continue;
      reached.add(id);
      for (const response of incomingRelations(graph, id)) queue.push(response.from);
    }
  };

  const expand = (claimId: string, relation: TreeNode['relation'], depth: number, ancestors: Set<string>): TreeNode => {
    const node: TreeNode = { claimId, ...(relation ? { relation } : {}), children: [], hidden: 0 };
    if (ancestors.has(claimId)) return { ...node, reference: 'cycle' };
    if (printed.has(claimId)) return { ...node, reference: 'shown-above' };
    printed.add(claimId);
    reached.add(claimId);
    const responses = sortResponses(graph, incomingRelations(graph, claimId));
    if (depth >= maxDepth) {
      for (const response of responses) markReached(response.from);
      return { ...node, hidden: responses.length };
    }
    ancestors.add(claimId);
    for (const response of responses) {
      node.children.push(expand(response.from, { kind: response.kind, ...(response.note ? { note: response.note } : {}) }, depth + 1, ancestors));
    }
    ancestors.delete(claimId);
    return node;
  };

  if (options.from !== undefined) {
    const claim = claimOf(graph, options.from);
    if (claim) {
      const source = sourceOf(graph, claim.sourceId);
      return source ? [{ source, roots: [expand(claim.id, undefined, 0, new Set())] }] : [];
    }
    const source = sourceOf(graph, options.from);
    if (!source) throw new UnknownNodeError(options.from);
    const own = claims(graph).filter((c) => c.sourceId === source.id);
    return [{ source, roots: own.map((c) => expand(c.id, undefined, 0, new Set())) }];
  }

  const ordered = debateOrder(graph);
  const claimsBySource = new Map<string, string[]>();
  for (const claim of claims(graph)) {
    const list = claimsBySource.get(claim.sourceId) ?? [];
    list.push(claim.id);
    claimsBySource.set(claim.sourceId, list);
  }
  const sections = ordered.map((source) => ({ source, roots: [] as TreeNode[] }));
  // Openings first, in debate order; then whatever only cycles reach, so no claim is lost.
  for (const section of sections) {
    for (const id of claimsBySource.get(section.source.id) ?? []) {
      if (outgoingRelations(graph, id).length === 0) section.roots.push(expand(id, undefined, 0, new Set()));
    }
  }
  for (const section of sections) {
    for (const id of claimsBySource.get(section.source.id) ?? []) {
      if (!reached.has(id)) section.roots.push(expand(id, undefined, 0, new Set()));
    }
  }
  return sections;
}

function sortResponses<T extends { from: string }>(graph: DebateGraph, responses: T[]): T[] {
  const dated = responses.map((response) => {
    const claim = claimOf(graph, response.from);
    const source = claim ? sourceOf(graph, claim.sourceId) : undefined;
    return { response, source };
  });
  dated.sort((a, b) => (a.source && b.source ? compareSources(a.source, b.source) : 0) || (a.response.from < b.response.from ? -1 : 1));
  return dated.map((d) => d.response);
}

/** Every claim id in the forest, with how many times it appears (a test helper and a sanity check). */
export function treeClaimIds(sections: readonly TreeSection[]): string[] {
  const ids: string[] = [];
  const visit = (node: TreeNode): void => {
    ids.push(node.claimId);
    node.children.forEach(visit);
  };
  for (const section of sections) section.roots.forEach(visit);
  return ids;
}
