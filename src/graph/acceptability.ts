import { ATTACK_KINDS } from '../model.js';
import type { DebateGraph } from './build.js';

export { ATTACK_KINDS };

/** A claim's grounded label: it stands (in), is defeated (out), or neither can be said (undecided). */
export type Label = 'in' | 'out' | 'undecided';
export const LABELS: readonly Label[] = ['in', 'out', 'undecided'];

export interface Labelling {
  /** The label of every claim, by id. */
  labels: Map<string, Label>;
  /**
   * For each claim labelled out, the attacker that is in and settled it: the first to be
   * labelled, so following these links always ends at claims that nothing attacks.
   */
  defeatedBy: Map<string, string>;
  counts: Record<Label, number>;
}

/**
 * The grounded labelling of the map's attack graph (Dung 1995; Caminada's labelling): a
 * claim is in when every attacker is out (so a claim nothing attacks is in), out when an
 * attacker is in, and undecided otherwise, which is where cycles of attacks end. Computed by
 * a worklist in O(claims + attacks): the graph is read once into arrays, then each claim and
 * each attack is handled at most once. Attacks within one source count too.
 */
export function groundedLabelling(graph: DebateGraph): Labelling {
  const ids: string[] = [];
  // Keyed by the nodes' attribute objects, which the edge callback hands over: identity
  // lookups, several times cheaper than hashing millions of id strings.
  const index = new Map<object, number>();
  graph.forEachNode((id, attributes) => {
    if (attributes.type !== 'claim') return;
    index.set(attributes, ids.length);
    ids.push(id);
  });
  const from: number[] = [];
  const to: number[] = [];
  graph.forEachEdge((_edge, attributes, _source, _target, sourceAttributes, targetAttributes) => {
    if (attributes.type !== 'relation' || !ATTACK_KINDS.has(attributes.kind)) return;
    const a = index.get(sourceAttributes);
    const b = index.get(targetAttributes);
    if (a === undefined || b === undefined) return;
    from.push(a);
    to.push(b);
  });
  const result = labelAttackGraph(ids.length, Int32Array.from(from), Int32Array.from(to));
  const labels = new Map<string, Label>();
  const defeatedBy = new Map<string, string>();
  const counts: Record<Label, number> = { in: 0, out: 0, undecided: 0 };
  for (let i = 0; i < ids.length; i++) {
    const label = LABEL_OF[result.labels[i]!]!;
    labels.set(ids[i]!, label);
    counts[label]++;
    if (label === 'out') defeatedBy.set(ids[i]!, ids[result.defeatedBy[i]!]!);
  }
  return { labels, defeatedBy, counts };
}

const UNDECIDED = 0;
const IN = 1;
const OUT = 2;
const LABEL_OF: Record<number, Label> = { [UNDECIDED]: 'undecided', [IN]: 'in', [OUT]: 'out' };

/**
 * The grounded labelling of `n` arguments and the attacks `from[k]` -> `to[k]`, on typed
 * arrays: the core of groundedLabelling, kept apart so the same code labels frameworks read
 * from other formats. Labels are 0 undecided, 1 in, 2 out; `defeatedBy[i]` is the in attacker
 * that made i out (-1 otherwise).
 */
export function labelAttackGraph(n: number, from: Int32Array, to: Int32Array): { labels: Uint8Array; defeatedBy: Int32Array } {
  // Out-edges in compressed rows, and how many attackers of each argument are not yet out.
  const start = new Int32Array(n + 1);
  const alive = new Int32Array(n);
  for (let k = 0; k < from.length; k++) {
    start[from[k]! + 1]!++;
    alive[to[k]!]!++;
  }
  for (let i = 0; i < n; i++) start[i + 1]! += start[i]!;
  const targets = new Int32Array(from.length);
  const fill = start.slice(0, n);
  for (let k = 0; k < from.length; k++) targets[fill[from[k]!]!++] = to[k]!;

  const labels = new Uint8Array(n);
  const defeatedBy = new Int32Array(n).fill(-1);
  // One queue for both: an argument enters it when labelled, and leaves it when its targets are told.
  const queue = new Int32Array(n);
  let head = 0;
  let tail = 0;
  for (let i = 0; i < n; i++) {
    if (alive[i] === 0) {
      labels[i] = IN;
      queue[tail++] = i;
    }
  }
  while (head < tail) {
    const x = queue[head++]!;
    if (labels[x] === IN) {
      for (let e = start[x]!; e < start[x + 1]!; e++) {
        const y = targets[e]!;
        if (labels[y] !== UNDECIDED) continue;
        labels[y] = OUT;
        defeatedBy[y] = x;
        queue[tail++] = y;
      }
    } else {
      for (let e = start[x]!; e < start[x + 1]!; e++) {
        const z = targets[e]!;
        if (--alive[z]! === 0 && labels[z] === UNDECIDED) {
          labels[z] = IN;
          queue[tail++] = z;
        }
      }
    }
  }
  return { labels, defeatedBy };
}
