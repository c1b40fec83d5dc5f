import { claimOf, type DebateGraph } from '../graph/build.js';
import type { Answer, Explanation, ExplanationNode } from '../graph/explain.js';
import type { RelationKind } from '../model.js';
import { plural, shortAuthor, shownDate } from './labels.js';
import { safeInline } from './sanitize.js';
import { styler } from './style.js';
import { groundedLabel, statusAndLabel } from './tree.js';
import { stringWidth, wrap } from './wrap.js';

export interface ExplainRenderOptions {
  color: boolean;
  ascii: boolean;
  width: number;
}

const PAST: Record<RelationKind, string> = {
  rebuts: 'rebutted',
  undermines: 'undermined',
  undercuts: 'undercut',
  supports: 'supported',
  concedes: 'conceded',
  questions: 'questioned',
};

/** One sentence: why the node has its label. */
export function reasonSentence(node: ExplanationNode): string {
  const others = node.attackerCount - 1;
  switch (node.reason) {
    case 'unattacked':
      return `${node.label}: nothing attacks it`;
    case 'attackers-out':
      return `${node.label}: ${node.attackerCount === 1 ? 'its one attacker is' : node.attackerCount === 2 ? 'both its attackers are' : `all ${node.attackerCount} of its attackers are`} out`;
    case 'defeated': {
      const by = node.attackers[0];
      const what = by ? `${PAST[by.attack!]} by ${safeInline(by.claimId)}, which is in` : 'an attacker is in';
      return `${node.label}: ${what}${others > 0 ? ` (${plural(others, 'other attacker')} ${others === 1 ? 'does' : 'do'} not change that)` : ''}`;
    }
    case 'undecided':
      return `${node.label}: no attacker is in, and ${plural(node.attackers.length || node.attackerCount, 'undecided attacker')} ${node.attackers.length === 1 ? 'keeps' : 'keep'} it open: a cycle of attacks runs through ${node.attackers.length === 1 ? 'it' : 'them'}`;
  }
}

const GLYPHS = {
  unicode: { tee: '├── ', last: '└── ', pipe: '│   ', space: '    ', dot: ' · ' },
  ascii: { tee: '|-- ', last: '`-- ', pipe: '|   ', space: '    ', dot: ' - ' },
};

/** The explanation as text: the claim, why it has its label (a short tree), and who answered it. */
export function renderExplanation(graph: DebateGraph, explanation: Explanation, options: ExplainRenderOptions): string {
  const c = styler(options.color);
  const g = options.ascii ? GLYPHS.ascii : GLYPHS.unicode;
  const out: string[] = [];
  const wrapped = (prefix: string, text: string, paint: (s: string) => string = (s) => s): void => {
    for (const line of wrap(text, options.width - stringWidth(prefix))) out.push(c.dim(prefix) + paint(line));
  };
  const { tree } = explanation;
  const claim = claimOf(graph, tree.claimId);
  out.push(`${c.bold(safeInline(tree.claimId))}  ${statusAndLabel(c, explanation.status, tree.label, g.dot).painted}`);
  if (claim) wrapped('  ', safeInline(claim.summary));
  out.push('');
  wrapped('', `Why ${tree.label}: ${reasonSentence(tree).slice(tree.label.length + 2)}.`, c.bold);
  // The attackers that settle it, depth first with an explicit stack.
  const stack: { node: ExplanationNode; prefix: string; last: boolean }[] = [];
  const pushChildren = (node: ExplanationNode, prefix: string): void => {
    for (let i = node.attackers.length - 1; i >= 0; i--) stack.push({ node: node.attackers[i]!, prefix, last: i === node.attackers.length - 1 });
  };
  pushChildren(tree, '');
  while (stack.length > 0) {
    const { node, prefix, last } = stack.pop()!;
    const lead = prefix + (last ? g.last : g.tee);
    const inner = prefix + (last ? g.space : g.pipe);
    out.push(`${c.dim(lead)}${node.attack} ${c.bold(safeInline(node.claimId))}  ${groundedLabel(c, node.label)}`);
    const text = node.reference === 'shown-above' ? '(explained above)' : node.reference === 'cycle' ? '(back to a claim above: the cycle closes here)' : node.reference === 'depth' ? `(deeper: riposte explain ${safeInline(node.claimId)})` : reasonSentence(node);
    wrapped(inner + (node.attackers.length > 0 ? g.pipe : g.space), text, node.reference ? c.dim : (s) => s);
    pushChildren(node, inner);
  }
  out.push('');
  const who = (a: Answer): string => `${a.kind} ${safeInline(a.from)}${a.source ? `${g.dot}${shortAuthor(a.source, 40)}, ${shownDate(a.source)}` : ''}`;
  if (explanation.answers.length === 0 && explanation.questions.length === 0) {
    wrapped('', explanation.status === 'unanswered' ? 'No other source has answered it.' : '');
  }
  if (explanation.answers.length > 0) {
    out.push(c.bold('Answered by:'));
    for (const a of explanation.answers) wrapped('  ', who(a));
  }
  if (explanation.questions.length > 0) {
    out.push(c.bold('Questioned by:'));
    for (const a of explanation.questions) wrapped('  ', who(a));
  }
  return out.join('\n') + '\n';
}
