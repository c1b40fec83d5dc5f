import type { Source } from '../model.js';
import { dateSortKey } from '../dates.js';
import { sources, type DebateGraph } from './build.js';

function byDate(a: Source, b: Source): number {
  const left = dateSortKey(a.date);
  const right = dateSortKey(b.date);
  return left < right ? -1 : left > right ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Sources by date, undated last, then by id. */
export const compareSources = byDate;

/**
 * Sources in the order the debate unfolded. Dates alone are not enough: an undated reply
 * known to be from '2022' must still come after the letter of 2022-04-28 it answers. So
 * a source comes after every source it answers, reports or responds to (a topological
 * order), and among those free to come next the earliest dated goes first. Cycles, which
 * a well-formed map does not have, are broken by date.
 */
export function debateOrder(graph: DebateGraph): Source[] {
  const all = sources(graph).sort(byDate);
  const before = new Map<string, Set<string>>(all.map((s) => [s.id, new Set<string>()]));
  // The callback hands over both ends' attributes: no lookup per edge on a large map.
  graph.forEachEdge((_edge, attributes, from, to, fromAttributes, toAttributes) => {
    let earlier: string | undefined;
    let later: string | undefined;
    if (attributes.type === 'answers') [earlier, later] = [to, from];
    else if (attributes.type === 'reported-by') [earlier, later] = [from, to];
    else if (attributes.type === 'relation' && attributes.kind !== 'supports' && fromAttributes.type === 'claim' && toAttributes.type === 'claim') {
      earlier = toAttributes.claim.sourceId;
      later = fromAttributes.claim.sourceId;
    }
    if (earlier && later && earlier !== later) before.get(later)?.add(earlier);
  });
  // Kahn's algorithm with the ready sources in a heap by date rank: O((sources + edges) log
  // sources). When none is ready (a cycle), the earliest source not yet placed goes next.
  const rank = new Map(all.map((s, i) => [s.id, i]));
  const waitingOn = new Map<string, number>();
  const after = new Map<string, string[]>();
  for (const [later, earlier] of before) {
    waitingOn.set(later, earlier.size);
    for (const id of earlier) {
      const list = after.get(id) ?? [];
      list.push(later);
      after.set(id, list);
    }
  }
  const ready = new MinHeap();
  for (const s of all) if (waitingOn.get(s.id) === 0) ready.push(rank.get(s.id)!);
  const placed = new Uint8Array(all.length);
  const order: Source[] = [];
  let earliestUnplaced = 0;
  while (order.length < all.length) {
    let next = ready.pop();
    while (next !== undefined && placed[next]) next = ready.pop();
    if (next === undefined) {
      while (placed[earliestUnplaced]) earliestUnplaced++;
      next = earliestUnplaced;
    }
    placed[next] = 1;
    const source = all[next]!;
    order.push(source);
    for (const later of after.get(source.id) ?? []) {
      const left = waitingOn.get(later)! - 1;
      waitingOn.set(later, left);
      if (left === 0 && !placed[rank.get(later)!]) ready.push(rank.get(later)!);
    }
  }
  return order;
}

/** A binary min-heap of numbers: the ready sources by date rank. */
class MinHeap {
  #items: number[] = [];
  push(value: number): void {
    const items = this.#items;
    items.push(value);
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (items[parent]! <= value) break;
      items[i] = items[parent]!;
      i = parent;
    }
    items[i] = value;
  }
  pop(): number | undefined {
    const items = this.#items;
    if (items.length === 0) return undefined;
    const top = items[0]!;
    const last = items.pop()!;
    if (items.length > 0) {
      let i = 0;
      for (;;) {
        const left = 2 * i + 1;
        if (left >= items.length) break;
        const child = left + 1 < items.length && items[left + 1]! < items[left]! ? left + 1 : left;
        if (items[child]! >= last) break;
        items[i] = items[child]!;
        i = child;
      }
      items[i] = last;
    }
    return top;
  }
}
