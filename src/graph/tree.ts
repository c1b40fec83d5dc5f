import type { Claim, RelationKind, Source } from '../model.js';
import { sourceOf, sources, type DebateGraph, type Response } from './build.js';
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
  /** The row's claim, when the walk had it at hand (a renderer need not look it up); else undefined. */
  readonly claims: (Claim | undefined)[] = [];

  get length(): number {
    return this.claimIds.length;
  }

  /** Adds a row; returns its index. */
  push(claimId: string, depth: number, relation: Response | undefined, flags: number, claim?: Claim): number {
    this.claims.push(claim);
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
  const threads = responsesByClaim(graph);
  const { claims: all, starts, responses, from, responding } = threads;
  /**
   * What the walk knows of each claim, as bits by its position: REACHED, printed or hidden below
   * the depth limit (the second pass must not make it a root); PRINTED, expanded once already;
   * ANCESTOR, on the path from the root (reaching it again is a cycle).
   */
  const REACHED = 1;
  const PRINTED = 2;
  const ANCESTOR = 4;
  const state = new Uint8Array(all.length);
  const maxDepth = options.depth ?? Infinity;
  const markReached = (start: number): void => {
    const queue = [start];
    while (queue.length > 0) {
      const at = queue.pop()!;
      if (state[at]! & REACHED) continue;
      state[at]! |= REACHED;
      for (let k = starts[at]!; k < starts[at + 1]!; k++) queue.push(from[k]!);
    }
  };

  interface Frame {
    at: number;
    next: number;
    depth: number;
  }
  /** A row for the claim at `at`, and the frame to expand its responses from when it has them to show. */
  const open = (at: number, relation: Response | undefined, depth: number, last: boolean): Frame | undefined => {
    const known = state[at]!;
    const reference = known & ANCESTOR ? ROW_CYCLE : known & PRINTED ? ROW_SHOWN_ABOVE : 0;
    const row = rows.push(all[at]!.id, depth, relation, (last ? ROW_LAST : 0) | reference, all[at]);
    if (reference) return undefined;
    const count = starts[at + 1]! - starts[at]!;
    const expanding = count > 0 && depth < maxDepth;
    state[at] = known | REACHED | PRINTED | (expanding ? ANCESTOR : 0);
    if (count === 0) return undefined;
    if (!expanding) {
      for (let k = starts[at]!; k < starts[at + 1]!; k++) markReached(from[k]!);
      rows.hidden[row] = count;
      return undefined;
    }
    return { at, next: starts[at]!, depth };
  };
  /**
   * Depth first, in response order, with an explicit stack: a chain of responses thousands
   * deep neither overflows the call stack nor slows down (linear in claims and relations).
   */
  const expand = (at: number): number => {
    const root = rows.length;
    const first = open(at, undefined, 0, true);
    const stack = first ? [first] : [];
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const end = starts[top.at + 1]!;
      if (top.next >= end) {
        state[top.at]! &= ~ANCESTOR;
        stack.pop();
        continue;
      }
      const k = top.next++;
      const child = open(from[k]!, responses[k], top.depth + 1, top.next === end);
      if (child) stack.push(child);
    }
    return root;
  };

  if (options.from !== undefined) {
    const at = threads.positionOf(options.from);
    if (at !== undefined) {
      const source = sourceOf(graph, all[at]!.sourceId);
      return { rows, sections: source ? [{ source, roots: [expand(at)] }] : [] };
    }
    const source = sourceOf(graph, options.from);
    if (!source) throw new UnknownNodeError(options.from);
    const roots: number[] = [];
    for (let at = 0; at < all.length; at++) if (all[at]!.sourceId === source.id) roots.push(expand(at));
    return { rows, sections: [{ source, roots }] };
  }

  const bySource = new Map<string, number[]>();
  for (let at = 0; at < all.length; at++) {
    const list = bySource.get(all[at]!.sourceId);
    if (list) list.push(at);
    else bySource.set(all[at]!.sourceId, [at]);
  }
  const sections = debateOrder(graph).map((source) => ({ source, roots: [] as number[] }));
  // Openings first, in debate order; then whatever only cycles reach, so no claim is lost.
  for (const section of sections) {
    for (const at of bySource.get(section.source.id) ?? []) {
      if (!responding[at]) section.roots.push(expand(at));
    }
  }
  for (const section of sections) {
    for (const at of bySource.get(section.source.id) ?? []) {
      if (!(state[at]! & REACHED)) section.roots.push(expand(at));
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

/** The claims of a graph by position, and each one's responses, for the walk. */
interface Threads {
  /** The claims, in the graph's order. */
  claims: Claim[];
  /** The responses to the claim at position i are responses[starts[i]] to responses[starts[i + 1] - 1]. */
  starts: Int32Array;
  responses: Response[];
  /** The position of each response's claim. */
  from: Int32Array;
  /** 1 for a claim that responds to another (it opens no thread). */
  responding: Uint8Array;
  positionOf(id: string): number | undefined;
}

/**
 * Each claim's responses in the order a tree shows them, and the claims that respond to another,
 * in one pass over the nodes and one over the edges. Claims are numbered, so the walk works on
 * arrays: string-keyed maps cost several times more on a large map. Responses come in the order
 * of their sources' dates, then by id (edge order among a claim's relations to the same claim).
 */
function responsesByClaim(graph: DebateGraph): Threads {
  const claims: Claim[] = [];
  // Keyed by the nodes' attribute objects, which the edge callback hands over: identity lookups.
  const positions = new Map<object, number>();
  graph.forEachNode((_id, attributes) => {
    if (attributes.type !== 'claim') return;
    positions.set(attributes, claims.length);
    claims.push(attributes.claim);
  });
  const edgeFrom: number[] = [];
  const edgeTo: number[] = [];
  const edgeResponses: Response[] = [];
  const responding = new Uint8Array(claims.length);
  const starts = new Int32Array(claims.length + 1);
  graph.forEachEdge((_edge, attributes, from, _to, fromAttributes, toAttributes) => {
    if (attributes.type !== 'relation') return;
    const a = positions.get(fromAttributes);
    const b = positions.get(toAttributes);
    if (a === undefined || b === undefined) return;
    responding[a] = 1;
    edgeFrom.push(a);
    edgeTo.push(b);
    edgeResponses.push(attributes.note ? { from, kind: attributes.kind, note: attributes.note } : { from, kind: attributes.kind });
    starts[b + 1]!++;
  });
  for (let i = 0; i < claims.length; i++) starts[i + 1]! += starts[i]!;
  // Counting sort by target, stable: each claim's responses in edge order.
  const filled = starts.slice(0, claims.length);
  const responses: Response[] = new Array<Response>(edgeFrom.length);
  const from = new Int32Array(edgeFrom.length);
  for (let e = 0; e < edgeFrom.length; e++) {
    const k = filled[edgeTo[e]!]!++;
    responses[k] = edgeResponses[e]!;
    from[k] = edgeFrom[e]!;
  }
  // Only a claim with two responses or more needs them ordered, so only theirs are ranked.
  let rank: Map<string, number> | undefined;
  for (let i = 0; i < claims.length; i++) {
    const begin = starts[i]!;
    const end = starts[i + 1]!;
    if (end - begin < 2) continue;
    rank ??= new Map(sources(graph).sort(compareSources).map((source, r) => [source.id, r]));
    const order: number[] = [];
    for (let k = begin; k < end; k++) order.push(k);
    const rankOf = (k: number): number | undefined => rank!.get(claims[from[k]!]!.sourceId);
    order.sort((a, b) => {
      const left = rankOf(a);
      const right = rankOf(b);
      const x = responses[a]!.from;
      const y = responses[b]!.from;
      return (left !== undefined && right !== undefined ? left - right : 0) || (x < y ? -1 : x > y ? 1 : 0);
    });
    const sortedResponses = order.map((k) => responses[k]!);
    const sortedFrom = order.map((k) => from[k]!);
    for (let j = 0; j < order.length; j++) {
      responses[begin + j] = sortedResponses[j]!;
      from[begin + j] = sortedFrom[j]!;
    }
  }
  const positionOf = (id: string): number | undefined => (graph.hasNode(id) ? positions.get(graph.getNodeAttributes(id)) : undefined);
  return { claims, starts, responses, from, responding, positionOf };
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
