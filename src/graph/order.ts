import type { Source } from '../model.js';
import { dateSortKey } from '../validate/dates.js';
import { claimOf, sources, type DebateGraph } from './build.js';

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
  graph.forEachEdge((_edge, attributes, from, to) => {
    let earlier: string | undefined;
    let later: string | undefined;
    if (attributes.type === 'answers') [earlier, later] = [to, from];
    else if (attributes.type === 'reported-by') [earlier, later] = [from, to];
    else if (attributes.type === 'relation' && attributes.kind !== 'supports') {
      earlier = claimOf(graph, to)?.sourceId;
      later = claimOf(graph, from)?.sourceId;
    }
    if (earlier && later && earlier !== later) before.get(later)?.add(earlier);
  });
  const placed = new Set<string>();
  const order: Source[] = [];
  while (order.length < all.length) {
    const remaining = all.filter((s) => !placed.has(s.id));
    const next = remaining.find((s) => [...before.get(s.id)!].every((id) => placed.has(id))) ?? remaining[0]!;
    placed.add(next.id);
    order.push(next);
  }
  return order;
}
