import type { ChalkInstance } from 'chalk';
import type { RelationKind, Source } from '../model.js';
import { claimOf, sourceOf, type DebateGraph } from '../graph/build.js';
import { claimStatus, type ResponseStatus } from '../graph/status.js';
import type { Label } from '../graph/acceptability.js';
import type { TreeNode, TreeSection } from '../graph/tree.js';
import { LineChunks } from './chunks.js';
import { plural, shortAuthor, shownDate } from './labels.js';
import { safeInline } from './sanitize.js';
import { styler } from './style.js';
import { stringWidth, wrap } from './wrap.js';

export interface TreeRenderOptions {
  color: boolean;
  ascii: boolean;
  /** Display columns to wrap to. */
  width: number;
  /** Grounded labels, shown after each claim's response status. */
  labels?: ReadonlyMap<string, Label>;
  /** Each claim's response status, as the analysis found it (computed here when absent). */
  statuses?: ReadonlyMap<string, ResponseStatus>;
}

/** Columns kept for a claim's text: below this, deeper responses restart at the margin. */
const MIN_TEXT_COLUMNS = 32;

const GLYPHS = {
  unicode: { tee: '├── ', last: '└── ', pipe: '│   ', space: '    ', above: '↑', cycle: '↻', bullet: '■', dot: ' · ', more: '…' },
  ascii: { tee: '|-- ', last: '`-- ', pipe: '|   ', space: '    ', above: '^', cycle: '@', bullet: '#', dot: ' - ', more: '...' },
};

/** @internal */
export function relationColor(c: ChalkInstance, kind: RelationKind): ChalkInstance {
  switch (kind) {
    case 'supports':
      return c.green;
    case 'concedes':
      return c.yellow;
    case 'questions':
      return c.cyan;
    default:
      return c.red;
  }
}

/** @internal */
export function statusLabel(c: ChalkInstance, status: ResponseStatus): string {
  return status === 'answered' ? c.green('answered') : status === 'challenged' ? c.yellow('challenged') : c.red.bold('unanswered');
}

/** The grounded label in its colour: the word itself always says it, colour only helps. @internal */
export function groundedLabel(c: ChalkInstance, label: Label): string {
  return label === 'in' ? c.green('in') : label === 'out' ? c.red('out') : c.yellow('undecided');
}

/** 'answered · out': a claim's response status, then its label when there is one. @internal */
export function statusAndLabel(c: ChalkInstance, status: ResponseStatus, label: Label | undefined, dot: string): { plain: string; painted: string } {
  return {
    plain: label ? `${status}${dot}${label}` : status,
    painted: label ? `${statusLabel(c, status)}${c.dim(dot)}${groundedLabel(c, label)}` : statusLabel(c, status),
  };
}

/** The debate tree as text: one block per source, responses nested with box drawing. */
export function renderTree(graph: DebateGraph, sections: readonly TreeSection[], options: TreeRenderOptions): string {
  return [...renderTreeChunks(graph, sections, options)].join('');
}

/** The same text as renderTree, in chunks of whole lines (output streams, memory stays flat): the command writes each as it comes. */
export function* renderTreeChunks(graph: DebateGraph, sections: readonly TreeSection[], options: TreeRenderOptions): Generator<string> {
  const c = styler(options.color);
  const g = options.ascii ? GLYPHS.ascii : GLYPHS.unicode;
  const chunks = new LineChunks();
  const emit = (line: string): void => chunks.line(line);
  // A source's short author for the room a line leaves: the same few pairs come back on every line.
  const authors = new Map<string, string>();
  const authorOf = (source: Source, room: number): string => {
    const key = `${room}\0${source.id}`;
    let shown = authors.get(key);
    if (shown === undefined) authors.set(key, (shown = shortAuthor(source, room, g.more)));
    return shown;
  };
  const wrapped = (prefix: string, text: string, paint: (s: string) => string = (s) => s): void => {
    const room = options.width - stringWidth(prefix);
    for (const line of wrap(text, room)) emit(c.dim(prefix) + paint(line));
  };

  /**
   * A node's head line: connector, relation and id, then `tail` (plain text, painted by
   * `paintTail`). When it does not fit, the head wraps and the tail moves to a line of its own.
   */
  const headLine = (lead: string, contPrefix: string, relation: RelationKind | undefined, id: string, tail: string, paintTail: (s: string) => string): void => {
    const head = (relation ? relation + ' ' : '') + id;
    const paintHead = (text: string): string =>
      relation && text.startsWith(relation + ' ') ? relationColor(c, relation)(relation) + ' ' + c.bold(text.slice(relation.length + 1)) : c.bold(text);
    if (stringWidth(lead + head + tail) <= options.width) {
      emit(c.dim(lead) + paintHead(head) + paintTail(tail));
      return;
    }
    const lines = wrap(head, options.width - Math.max(stringWidth(lead), stringWidth(contPrefix)));
    lines.forEach((line, i) => emit(c.dim(i === 0 ? lead : contPrefix) + paintHead(line)));
    emit(c.dim(contPrefix) + paintTail(tail.trimStart()));
  };

  interface Task {
    node: TreeNode;
    prefix: string;
    isLast: boolean;
    isRoot: boolean;
    parentSource?: string;
    depth: number;
  }
  /** Depth first with an explicit stack: no recursion, so no depth overflows it. */
  function* renderFrom(root: TreeNode): Generator<string> {
    const stack: (Task | string)[] = [{ node: root, prefix: '', isLast: true, isRoot: true, depth: 0 }];
    while (stack.length > 0) {
      if (chunks.full) yield chunks.take();
      const task = stack.pop()!;
      if (typeof task === 'string') {
        emit(task);
        continue;
      }
      const { node, prefix, isLast, isRoot, parentSource, depth } = task;
      const claim = claimOf(graph, node.claimId);
      const connector = isRoot ? '' : isLast ? g.last : g.tee;
      const lead = prefix + connector;
      let childPrefix = isRoot ? '' : prefix + (isLast ? g.space : g.pipe);
      const id = safeInline(node.claimId);
      const kind = node.relation?.kind;
      if (node.reference) {
        const mark = node.reference === 'cycle' ? `${g.cycle} cycle` : `${g.above} shown above`;
        headLine(lead, childPrefix + g.space, kind, id, ` (${mark})`, c.dim);
        continue;
      }
      const source = claim ? sourceOf(graph, claim.sourceId) : undefined;
      const state = statusAndLabel(c, options.statuses?.get(node.claimId) ?? claimStatus(graph, node.claimId).status, options.labels?.get(node.claimId), g.dot);
      const textPrefix = childPrefix + (node.children.length > 0 || node.hidden > 0 ? g.pipe : g.space);
      // Who said it matters when the speaker changes; under the same source it would only repeat.
      // It is the first thing to give way when the line is short.
      const date = source ? shownDate(source) : '';
      const room = options.width - stringWidth(lead) - (kind ? kind.length + 1 : 0) - stringWidth(id) - g.dot.length - 2 - date.length - 2 - state.plain.length;
      const who = source && !isRoot && source.id !== parentSource && room >= 8 ? `${g.dot}${authorOf(source, room)}, ${date}` : '';
      headLine(lead, textPrefix, kind, id, `${who}  ${state.plain}`, (tail) => c.dim(tail.slice(0, tail.length - state.plain.length)) + state.painted);
      if (claim?.summary) wrapped(textPrefix, safeInline(claim.summary));
      if (node.relation?.note) wrapped(textPrefix, `(${safeInline(node.relation.note)})`, c.italic);
      if (node.children.length === 0 && node.hidden === 0) continue;
      // Deep chains: once the indentation would leave too little room for text, the responses
      // start again at the margin, under a line that says whose they are and how deep. The
      // output stays linear in the number of claims, whatever the depth.
      const restart = childPrefix.length + g.tee.length > options.width - Math.min(MIN_TEXT_COLUMNS, Math.floor(options.width / 2));
      if (restart) childPrefix = '';
      // Pushed in reverse: popped as the marker, the responses in order, then what is hidden.
      if (node.hidden > 0) stack.push(c.dim(childPrefix + g.last + `${g.more} ${plural(node.hidden, 'more response')} (raise --depth)`));
      for (let i = node.children.length - 1; i >= 0; i--) {
        const isLastChild = i === node.children.length - 1 && node.hidden === 0;
        stack.push({ node: node.children[i]!, prefix: childPrefix, isLast: isLastChild, isRoot: false, depth: depth + 1, ...(claim ? { parentSource: claim.sourceId } : {}) });
      }
      if (restart) {
        const marker = wrap(`${g.more} responses to ${id} (depth ${depth + 1}) continue at the margin:`, options.width);
        for (let i = marker.length - 1; i >= 0; i--) stack.push(c.dim(marker[i]!));
      }
    }
  }

  for (let index = 0; index < sections.length; index++) {
    const section = sections[index]!;
    if (index > 0) emit('');
    const s = section.source;
    wrapped('', `${g.bullet} ${safeInline(s.title)}`, c.bold);
    wrapped('  ', [safeInline(s.id), s.kind, shownDate(s), shortAuthor(s, 60, g.more), ...(s.reportedBy ? [`known through ${safeInline(s.reportedBy)}`] : [])].join(g.dot), c.dim);
    if (section.roots.length === 0) {
      wrapped('  ', '(every claim of this source responds to an earlier one and is shown there)', c.dim);
      continue;
    }
    for (const root of section.roots) {
      emit('');
      yield* renderFrom(root);
    }
  }
  if (sections.length === 0) emit('');
  if (!chunks.empty) yield chunks.take();
}
