import type { ChalkInstance } from 'chalk';
import type { RelationKind, Source } from '../model.js';
import { claimOf, sourceLookup, type DebateGraph } from '../graph/build.js';
import { claimStatus, type ResponseStatus } from '../graph/status.js';
import type { Label } from '../graph/acceptability.js';
import { ROW_CYCLE, ROW_LAST, ROW_SHOWN_ABOVE, treeRows, type TreeLayout, type TreeSection } from '../graph/tree.js';
import { LineChunks } from './chunks.js';
import { authorColumns, plural, shortAuthor, shownDate } from './labels.js';
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
  return [...renderTreeChunks(graph, treeRows(sections), options)].join('');
}

/** The same text as renderTree, from the rows of the tree, in chunks of whole lines (output streams, memory stays flat): the command writes each as it comes. */
export function* renderTreeChunks(graph: DebateGraph, layout: TreeLayout, options: TreeRenderOptions): Generator<string> {
  const { rows, sections } = layout;
  const c = styler(options.color);
  const g = options.ascii ? GLYPHS.ascii : GLYPHS.unicode;
  const chunks = new LineChunks();
  const emit = (line: string): void => chunks.line(line);
  // A source's short author for the room a line leaves. Most lines have room for the whole of
  // it, known once per source; the same few shortened forms come back on the others.
  const whole = new Map<Source, { text: string; columns: number }>();
  const authors = new Map<string, string>();
  const authorOf = (source: Source, room: number): string => {
    let known = whole.get(source);
    if (!known) whole.set(source, (known = { text: shortAuthor(source, Infinity, g.more), columns: authorColumns(source) }));
    if (known.columns <= room) return known.text;
    const key = `${room}\0${source.id}`;
    let shown = authors.get(key);
    if (shown === undefined) authors.set(key, (shown = shortAuthor(source, room, g.more)));
    return shown;
  };
  // A few sources speak in every thread.
  const sourceById = sourceLookup(graph);
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

  /**
   * One thread, row by row: the rows are in printing order already, so each line is made as
   * its row comes, with the indentation and speaker of every open level kept by depth.
   */
  function* renderThread(root: number): Generator<string> {
    const base = rows.depths[root]!;
    /** The prefix of the responses below the open row at each depth, and that row's source. */
    const childPrefixes: string[] = [];
    const sourceIds: (string | undefined)[] = [];
    for (let row = root, end = rows.end(root); row < end; row++) {
      if (chunks.full) yield chunks.take();
      const depth = rows.depths[row]! - base;
      const isRoot = depth === 0;
      const flags = rows.flags[row]!;
      const claimId = rows.claimIds[row]!;
      const relation = rows.relations[row];
      const prefix = isRoot ? '' : childPrefixes[depth - 1]!;
      const connector = isRoot ? '' : flags & ROW_LAST ? g.last : g.tee;
      const lead = prefix + connector;
      let childPrefix = isRoot ? '' : prefix + (flags & ROW_LAST ? g.space : g.pipe);
      const id = safeInline(claimId);
      const kind = relation?.kind;
      if (flags & (ROW_CYCLE | ROW_SHOWN_ABOVE)) {
        const mark = flags & ROW_CYCLE ? `${g.cycle} cycle` : `${g.above} shown above`;
        headLine(lead, childPrefix + g.space, kind, id, ` (${mark})`, c.dim);
        continue;
      }
      const claim = rows.claims[row] ?? claimOf(graph, claimId);
      const source = claim ? sourceById(claim.sourceId) : undefined;
      const hidden = rows.hidden[row]!;
      const responses = rows.hasChildRows(row) || hidden > 0;
      const state = statusAndLabel(c, options.statuses?.get(claimId) ?? claimStatus(graph, claimId).status, options.labels?.get(claimId), g.dot);
      const textPrefix = childPrefix + (responses ? g.pipe : g.space);
      // Who said it matters when the speaker changes; under the same source it would only repeat.
      // It is the first thing to give way when the line is short.
      const date = source ? shownDate(source) : '';
      const room = options.width - stringWidth(lead) - (kind ? kind.length + 1 : 0) - stringWidth(id) - g.dot.length - 2 - date.length - 2 - state.plain.length;
      const who = source && !isRoot && source.id !== sourceIds[depth - 1] && room >= 8 ? `${g.dot}${authorOf(source, room)}, ${date}` : '';
      headLine(lead, textPrefix, kind, id, `${who}  ${state.plain}`, (tail) => c.dim(tail.slice(0, tail.length - state.plain.length)) + state.painted);
      if (claim?.summary) wrapped(textPrefix, safeInline(claim.summary));
      if (relation?.note) wrapped(textPrefix, `(${safeInline(relation.note)})`, c.italic);
      if (!responses) continue;
      // Deep chains: once the indentation would leave too little room for text, the responses
      // start again at the margin, under a line that says whose they are and how deep. The
      // output stays linear in the number of claims, whatever the depth.
      if (childPrefix.length + g.tee.length > options.width - Math.min(MIN_TEXT_COLUMNS, Math.floor(options.width / 2))) {
        childPrefix = '';
        for (const line of wrap(`${g.more} responses to ${id} (depth ${depth + 1}) continue at the margin:`, options.width)) emit(c.dim(line));
      }
      childPrefixes[depth] = childPrefix;
      sourceIds[depth] = claim?.sourceId;
      // A row whose responses are all below the depth limit has no child rows: the count stands in for them.
      if (hidden > 0) emit(c.dim(childPrefix + g.last + `${g.more} ${plural(hidden, 'more response')} (raise --depth)`));
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
      yield* renderThread(root);
    }
  }
  if (sections.length === 0) emit('');
  if (!chunks.empty) yield chunks.take();
}
