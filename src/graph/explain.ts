import type { RelationKind, Source } from '../model.js';
import { ATTACK_KINDS, type Label, type Labelling } from './acceptability.js';
import { claimOf, sourceOf, type DebateGraph } from './build.js';
import { claimStatus, type ResponseStatus } from './status.js';

/**
 * Why a claim has its label: `unattacked` (in, nothing attacks it), `attackers-out` (in,
 * every attacker is out), `defeated` (out, an attacker is in), `undecided` (no attacker is
 * in, and some are undecided: a cycle of attacks runs through them).
 */
export type Reason = 'unattacked' | 'attackers-out' | 'defeated' | 'undecided';

export interface ExplanationNode {
  claimId: string;
  label: Label;
  reason: Reason;
  /** How this claim attacks its parent in the explanation; absent at the top. */
  attack?: RelationKind;
  /** Attackers that settle the label, explained in turn (empty when cut or already shown). */
  attackers: ExplanationNode[];
  /** Attackers of this claim in all, and how many the explanation leaves out (they do not change it). */
  attackerCount: number;
  /** Set when the node is not expanded: explained higher up, part of a cycle, or past the depth. */
  reference?: 'shown-above' | 'cycle' | 'depth';
}

export interface Answer {
  from: string;
  kind: RelationKind;
  source: Source | undefined;
}

export interface Explanation {
  tree: ExplanationNode;
  status: ResponseStatus;
  /** Who answered the claim (another source's rebut, undermine, undercut or concession), or questioned it. */
  answers: Answer[];
  questions: Answer[];
}

function attackersOf(graph: DebateGraph, claimId: string): { from: string; kind: RelationKind }[] {
  const list: { from: string; kind: RelationKind }[] = [];
  graph.forEachInEdge(claimId, (_edge, attributes, from) => {
    if (attributes.type === 'relation' && ATTACK_KINDS.has(attributes.kind)) list.push({ from, kind: attributes.kind });
  });
  return list;
}

/**
 * The explanation of a claim's label, down to the claims that settle it: for an out claim
 * the in attacker that defeated it first (so the chain always ends at unattacked claims),
 * for an in claim all its attackers (each out), for an undecided claim its undecided
 * attackers. Built with an explicit stack; each claim is expanded once.
 */
export function explainClaim(graph: DebateGraph, labelling: Labelling, claimId: string, maxDepth = 8): Explanation {
  const expanded = new Set<string>();
  const make = (id: string, attack: RelationKind | undefined, depth: number, path: ReadonlySet<string>): { node: ExplanationNode; next: { from: string; kind: RelationKind }[] } => {
    const label = labelling.labels.get(id) ?? 'undecided';
    const attackers = attackersOf(graph, id);
    const reason: Reason = label === 'out' ? 'defeated' : label === 'undecided' ? 'undecided' : attackers.length === 0 ? 'unattacked' : 'attackers-out';
    const node: ExplanationNode = { claimId: id, label, reason, ...(attack ? { attack } : {}), attackers: [], attackerCount: attackers.length };
    if (path.has(id)) return { node: { ...node, reference: 'cycle' }, next: [] };
    if (expanded.has(id)) return { node: { ...node, reference: 'shown-above' }, next: [] };
    if (attackers.length > 0 && depth >= maxDepth) return { node: { ...node, reference: 'depth' }, next: [] };
    expanded.add(id);
    let next = attackers;
    if (label === 'out') {
      const by = labelling.defeatedBy.get(id);
      next = attackers.filter((a) => a.from === by).slice(0, 1);
    } else if (label === 'undecided') {
      next = attackers.filter((a) => labelling.labels.get(a.from) === 'undecided');
    }
    return { node, next };
  };
  interface Frame {
    node: ExplanationNode;
    next: { from: string; kind: RelationKind }[];
    i: number;
    depth: number;
    path: Set<string>;
  }
  const root = make(claimId, undefined, 0, new Set());
  const stack: Frame[] = [{ ...root, i: 0, depth: 0, path: new Set([claimId]) }];
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!;
    if (top.i >= top.next.length) {
      stack.pop();
      continue;
    }
    const { from, kind } = top.next[top.i++]!;
    const child = make(from, kind, top.depth + 1, top.path);
    top.node.attackers.push(child.node);
    if (child.next.length > 0) stack.push({ ...child, i: 0, depth: top.depth + 1, path: new Set([...top.path, from]) });
  }
  const { status, answers, questions } = claimStatus(graph, claimId);
  const withSource = (r: { from: string; kind: RelationKind }): Answer => ({ from: r.from, kind: r.kind, source: sourceOf(graph, claimOf(graph, r.from)?.sourceId ?? '') });
  return { tree: root.node, status, answers: answers.map(withSource), questions: questions.map(withSource) };
}
