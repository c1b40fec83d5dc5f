import type { UnansweredGroup } from '../graph/unanswered.js';
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
  const c = styler(options.color);
  const out: string[] = [];
  const wrapped = (prefix: string, text: string, paint: (s: string) => string): void => {
    for (const line of wrap(text, options.width - stringWidth(prefix))) out.push(prefix + paint(line));
  };
  let total = 0;
  for (const { source, claims } of groups) {
    wrapped('', `${safeInline(source.title)}`, c.bold);
    wrapped('  ', `${safeInline(source.id)} · ${shortAuthor(source, 60)} · ${shownDate(source)}`, c.dim);
    for (const { claim, status, label } of claims) {
      total++;
      out.push('', `  ${c.bold(safeInline(claim.id))}  ${statusAndLabel(c, status, label, ' · ').painted}`);
      wrapped('    ', safeInline(claim.summary), (s) => s);
      // Fragments of one claim's quote read as one passage with an ellipsis between them.
      const quote = claim.quotes.map((q) => safeInline(q.replace(/\s+/g, ' ').trim())).join(' … ');
      if (quote) wrapped('    ', `“${quote}”`, c.dim);
    }
    out.push('');
  }
  out.push(
    total === 0
      ? 'No unanswered claims.'
      : `${plural(total, 'claim')} without an answer in ${plural(groups.length, 'source')}.`,
  );
  return out.join('\n') + '\n';
}
