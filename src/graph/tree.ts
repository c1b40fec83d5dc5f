import type { RelationKind, Source } from '../model.js';
import { claimOf, claims, sourceOf, sources, type DebateGraph, type Response } from './build.js';
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

/** A row's place in the tree, as bits: the last response shown under its parent; a reference, not expanded. */
export const ROW_LAST = 1;
export const ROW_SHOWN_ABOVE = 2;
export const ROW_CYCLE = 4;

/**
 * The debate tree laid flat: one row per claim shown, in the order a tree prints them (a
 * thread's opening, then each response followed by its own responses). Columns of numbers,
 * not a node object per claim: a debate of 100k claims is a few arrays the collector need not
 * copy, and a renderer walks it front to back.
 */
export class TreeRows {
  readonly claimIds: string[] = [];
  /** 0 for the opening of a thread. */
  readonly depths: number[] = [];
  /** How the row's claim relates to its parent (the nearest row above it, one level up); undefined on a root. */
  readonly relations: (Response | undefined)[] = [];
  /** ROW_LAST, ROW_SHOWN_ABOVE, ROW_CYCLE. */
  readonly flags: number[] = [];
  /** Responses not shown because of the depth limit. */
  readonly hidden: number[] = [];

  get length(): number {
    return this.claimIds.length;
  }

  /** Adds a row; returns its index. */
  push(claimId: string, depth: number, relation: Response | undefined, flags: number): number {
    this.claimIds.push(claimId);
    this.depths.push(depth);
    this.relations.push(relation);
    this.flags.push(flags);
    this.hidden.push(0);
    return this.claimIds.length - 1;
  }

  /** Whether responses are shown below the row: the next row is one of them. */
  hasChildRows(row: number): boolean {
    return row + 1 < this.depths.length && this.depths[row + 1]! > this.depths[row]!;
  }

  /** The rows of the thread opened at `root`: up to the next row at its depth or above. */
  end(root: number): number {
    const depth = this.depths[root]!;
    let row = root + 1;
    while (row < this.depths.length && this.depths[row]! > depth) row++;
    return row;
  }
}

export interface TreeLayout {
  rows: TreeRows;
  /** Sources in debate order, each with the row of every thread it opens. */
  sections: { source: Source; roots: number[] }[];
}

/**
 * The debate as a forest: roots are claims that respond to nothing (the openings of
 * threads), grouped by source in date order; each claim's responses are nested below it.
 * A claim reached a second time is a reference, not a copy, so cycles terminate.
 */
export function debateTree(graph: DebateGraph, options: TreeOptions = {}): TreeSection[] {
  return nestRows(debateTreeRows(graph, options));
}

/** The same tree as debateTree, laid flat (what the text renderer walks). */
export function debateTreeRows(graph: DebateGraph, options: TreeOptions = {}): TreeLayout {
  const rows = new TreeRows();
  const { responsesOf, responding } = responsesByClaim(graph);
  /**
   * What the walk knows of each claim, as bits in one map (one lookup per claim on a large
   * map, where three sets took three): REACHED, printed or hidden below the depth limit (the
   * second pass must not make it a root); PRINTED, expanded once already; ANCESTOR, on the
   * path from the root (reaching it again is a cycle).
   */
  const REACHED = 1;
  const PRINTED = 2;
  const ANCESTOR = 4;
  const state = new Map<string, number>();
  const maxDepth = options.depth ?? Infinity;
  const markReached = (start: string): void => {
    const queue = [start];
    while (queue.length > 0) {
      const id = queue.pop()!;
      const known = state.get(id) ?? 0;
      if (known & REACHED) continue;
      state.set(id, known | REACHED);
      for (const response of responsesOf.get(id) ?? NONE) queue.push(response.from);
    }
  };

  interface Frame {
    claimId: string;
    responses: readonly Response[];
    next: number;
    depth: number;
  }
  /** A row for `claimId`, and the frame to expand its responses from when it has them to show. */
  const open = (claimId: string, relation: Response | undefined, depth: number, last: boolean): Frame | undefined => {
    const known = state.get(claimId) ?? 0;
    const reference = known & ANCESTOR ? ROW_CYCLE : known & PRINTED ? ROW_SHOWN_ABOVE : 0;
    const row = rows.push(claimId, depth, relation, (last ? ROW_LAST : 0) | reference);
    if (reference) return undefined;
    const responses = responsesOf.get(claimId) ?? NONE;
    const expanding = responses.length > 0 && depth < maxDepth;
    state.set(claimId, known | REACHED | PRINTED | (expanding ? ANCESTOR : 0));
    if (responses.length === 0) return undefined;
    if (!expanding) {
      for (const response of responses) markReached(response.from);
      rows.hidden[row] = responses.length;
      return undefined;
    }
    return { claimId, responses, next: 0, depth };
  };
  /**
   * Depth first, in response order, with an explicit stack: a chain of responses thousands
   * deep neither overflows the call stack nor slows down (linear in claims and relations).
   */
  const expand = (claimId: string): number => {
    const root = rows.length;
    const first = open(claimId, undefined, 0, true);
    const stack = first ? [first] : [];
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      if (top.next >= top.responses.length) {
        state.set(top.claimId, state.get(top.claimId)! & ~ANCESTOR);
        stack.pop();
        continue;
      }
      const response = top.responses[top.next++]!;
      const child = open(response.from, response, top.depth + 1, top.next === top.responses.length);
      if (child) stack.push(child);
    }
    return root;
  };

  if (options.from !== undefined) {
    const claim = claimOf(graph, options.from);
    if (claim) {
      const source = sourceOf(graph, claim.sourceId);
      return { rows, sections: source ? [{ source, roots: [expand(claim.id)] }] : [] };
    }
    const source = sourceOf(graph, options.from);
    if (!source) throw new UnknownNodeError(options.from);
    const own = claims(graph).filter((c) => c.sourceId === source.id);
    return { rows, sections: [{ source, roots: own.map((c) => expand(c.id)) }] };
  }

  const ordered = debateOrder(graph);
  const claimsBySource = new Map<string, string[]>();
  for (const claim of claims(graph)) {
    const list = claimsBySource.get(claim.sourceId) ?? [];
    list.push(claim.id);
    claimsBySource.set(claim.sourceId, list);
  }
  const sections = ordered.map((source) => ({ source, roots: [] as number[] }));
  // Openings first, in debate order; then whatever only cycles reach, so no claim is lost.
  for (const section of sections) {
    for (const id of claimsBySource.get(section.source.id) ?? []) {
      if (!responding.has(id)) section.roots.push(expand(id));
    }
  }
  for (const section of sections) {
    for (const id of claimsBySource.get(section.source.id) ?? []) {
      if (!((state.get(id) ?? 0) & REACHED)) section.roots.push(expand(id));
    }
  }
  return { rows, sections };
}

/** The rows as nested nodes, for callers that walk a tree of objects. */
function nestRows({ rows, sections }: TreeLayout): TreeSection[] {
  const nodeAt = (row: number): TreeNode => {
    const node: TreeNode = { claimId: rows.claimIds[row]!, children: [], hidden: rows.hidden[row]! };
    const relation = rows.relations[row];
    if (relation) node.relation = relation.note ? { kind: relation.kind, note: relation.note } : { kind: relation.kind };
    const flags = rows.flags[row]!;
    if (flags & ROW_CYCLE) node.reference = 'cycle';
    else if (flags & ROW_SHOWN_ABOVE) node.reference = 'shown-above';
    return node;
  };
  return sections.map(({ source, roots }) => ({
    source,
    roots: roots.map((root) => {
      const top = nodeAt(root);
      const parents = [top];
      for (let row = root + 1, end = rows.end(root); row < end; row++) {
        const node = nodeAt(row);
        const depth = rows.depths[row]! - rows.depths[root]!;
        parents[depth - 1]!.children.push(node);
        parents[depth] = node;
      }
      return top;
    }),
  }));
}

/** Nested nodes laid flat again: a tree built by hand renders as one from the map would. */
export function treeRows(sections: readonly TreeSection[]): TreeLayout {
  const rows = new TreeRows();
  const laid = sections.map(({ source, roots }) => ({
    source,
    roots: roots.map((root) => {
      const first = rows.length;
      const stack: [TreeNode, number, boolean][] = [[root, 0, true]];
      while (stack.length > 0) {
        const [node, depth, last] = stack.pop()!;
        const flags = (last ? ROW_LAST : 0) | (node.reference === 'cycle' ? ROW_CYCLE : node.reference === 'shown-above' ? ROW_SHOWN_ABOVE : 0);
        const relation = node.relation ? { from: node.claimId, ...node.relation } : undefined;
        const row = rows.push(node.claimId, depth, relation, flags);
        rows.hidden[row] = node.hidden;
        for (let i = node.children.length - 1; i >= 0; i--) stack.push([node.children[i]!, depth + 1, i === node.children.length - 1 && node.hidden === 0]);
      }
      return first;
    }),
  }));
  return { rows, sections: laid };
}

const NONE: readonly Response[] = [];

/**
 * Each claim's responses in the order a tree shows them, and the claims that respond to another
 * (they open no thread), in one pass over the edges: asking the graph claim by claim cost
 * several times more. Responses come in the order of their sources' dates, then by id (edge
 * order among a claim's relations to the same claim).
 */
function responsesByClaim(graph: DebateGraph): { responsesOf: Map<string, Response[]>; responding: Set<string> } {
  const rank = new Map(sources(graph).sort(compareSources).map((source, i) => [source.id, i]));
  const ranks = new Map<Response, number | undefined>();
  const responsesOf = new Map<string, Response[]>();
  const responding = new Set<string>();
  graph.forEachEdge((_edge, attributes, from, to, fromAttributes) => {
    if (attributes.type !== 'relation') return;
    responding.add(from);
    const response: Response = attributes.note ? { from, kind: attributes.kind, note: attributes.note } : { from, kind: attributes.kind };
    const list = responsesOf.get(to);
    if (list) {
      // Only a claim with two responses or more needs them ordered, so only theirs are ranked.
      if (list.length === 1) ranks.set(list[0]!, rankOf(graph, list[0]!.from, rank));
      ranks.set(response, fromAttributes.type === 'claim' ? rank.get(fromAttributes.claim.sourceId) : undefined);
      list.push(response);
    } else responsesOf.set(to, [response]);
  });
  for (const list of responsesOf.values()) {
    if (list.length < 2) continue;
    list.sort((a, b) => {
      const left = ranks.get(a);
      const right = ranks.get(b);
      return (left !== undefined && right !== undefined ? left - right : 0) || (a.from < b.from ? -1 : a.from > b.from ? 1 : 0);
    });
  }
  return { responsesOf, responding };
}

function rankOf(graph: DebateGraph, claimId: string, rank: ReadonlyMap<string, number>): number | undefined {
  const claim = claimOf(graph, claimId);
  return claim ? rank.get(claim.sourceId) : undefined;
}

/** Every claim id in the forest, with how many times it appears (a test helper and a sanity check). */
export function treeClaimIds(sections: readonly TreeSection[]): string[] {
  const ids: string[] = [];
  for (const section of sections) {
    const stack = [...section.roots].reverse();
    while (stack.length > 0) {
      const node = stack.pop()!;
      ids.push(node.claimId);
      for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
    }
  }
  return ids;
}
