import type { UnansweredGroup } from '../graph/unanswered.js';
import { LineChunks } from './chunks.js';
import { plural, shortAuthor, shownDate } from './labels.js';
import { safeInline } from './sanitize.js';
import { styler } from './style.js';
import { statusAndLabel } from './tree.js';
import { stringWidth, wrap } from './wrap.js';

export interface UnansweredRenderOptions {
  color: boolean;
  width: number;
}

/** Unanswered claims grouped by source, each with its quote, and a count at the end. */
export function renderUnanswered(groups: readonly UnansweredGroup[], options: UnansweredRenderOptions): string {
  return [...renderUnansweredChunks(groups, options)].join('');
}

/** The same text as renderUnanswered, in chunks of whole lines: the command writes each as it comes. */
export function* renderUnansweredChunks(groups: readonly UnansweredGroup[], options: UnansweredRenderOptions): Generator<string> {
  const c = styler(options.color);
  const chunks = new LineChunks();
  const emit = (...lines: string[]): void => chunks.line(...lines);
  const wrapped = (prefix: string, text: string, paint: (s: string) => string): void => {
    for (const line of wrap(text, options.width - stringWidth(prefix))) emit(prefix + paint(line));
  };
  let total = 0;
  for (const { source, claims } of groups) {
    wrapped('', `${safeInline(source.title)}`, c.bold);
    wrapped('  ', `${safeInline(source.id)} · ${shortAuthor(source, 60)} · ${shownDate(source)}`, c.dim);
    for (const { claim, status, label } of claims) {
      total++;
      emit('', `  ${c.bold(safeInline(claim.id))}  ${statusAndLabel(c, status, label, ' · ').painted}`);
      wrapped('    ', safeInline(claim.summary), (s) => s);
      // Fragments of one claim's quote read as one passage with an ellipsis between them.
      const quote = claim.quotes.map((q) => safeInline(q.replace(/\s+/g, ' ').trim())).join(' … ');
      if (quote) wrapped('    ', `“${quote}”`, c.dim);
      if (chunks.full) yield chunks.take();
    }
    emit('');
  }
  emit(total === 0 ? 'No unanswered claims.' : `${plural(total, 'claim')} without an answer in ${plural(groups.length, 'source')}.`);
  yield chunks.take();
}
