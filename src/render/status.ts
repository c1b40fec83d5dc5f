import type { ClaimRow } from '../graph/claim-rows.js';
import { rowCounts } from '../graph/claim-rows.js';
import { plural, shownDate } from './labels.js';
import { safeInline } from './sanitize.js';
import { styler } from './style.js';
import { groundedLabel, statusLabel } from './tree.js';
import { stringWidth, truncate, widest, wrap } from './wrap.js';

export interface StatusRenderOptions {
  color: boolean;
  width: number;
  ascii: boolean;
}

/**
 * One row per claim: id, source, date, response status, label; the columns fit the width
 * (the id and source give way first, cut with an ellipsis), then a summary line.
 */
export function renderStatus(rows: readonly ClaimRow[], options: StatusRenderOptions): string {
  const c = styler(options.color);
  const more = options.ascii ? '...' : '…';
  const cells = rows.map((r) => ({ id: safeInline(r.claim.id), source: safeInline(r.source.id), date: shownDate(r.source), status: r.status, label: r.label }));
  const head = { id: 'claim', source: 'source', date: 'date', status: 'response', label: 'label' };
  const widthOf = (key: keyof typeof head): number => widest(cells.map((cell) => cell[key]), stringWidth(head[key]));
  // Each column measured once: measuring per row made a table of n claims cost n² (minutes at 20k).
  const dateWidth = widthOf('date');
  const statusWidth = widthOf('status');
  const fixed = dateWidth + statusWidth + widthOf('label') + 4 * 2;
  let idWidth = widthOf('id');
  let sourceWidth = widthOf('source');
  // Too wide: the source column shrinks to 12, then the id column takes what is left.
  const over = idWidth + sourceWidth + fixed - options.width;
  if (over > 0) sourceWidth = Math.max(12, sourceWidth - over);
  if (idWidth + sourceWidth + fixed > options.width) idWidth = Math.max(16, options.width - sourceWidth - fixed);
  const pad = (text: string, width: number): string => text + ' '.repeat(Math.max(0, width - stringWidth(text)));
  const fit = (text: string, width: number): string => pad(truncate(text, width, more), width);
  const out = [c.dim([fit(head.id, idWidth), fit(head.source, sourceWidth), pad(head.date, dateWidth), pad(head.status, statusWidth), head.label].join('  '))];
  for (const cell of cells) {
    out.push(
      [
        c.bold(fit(cell.id, idWidth)),
        fit(cell.source, sourceWidth),
        c.dim(pad(cell.date, dateWidth)),
        statusLabel(c, cell.status) + ' '.repeat(statusWidth - cell.status.length),
        groundedLabel(c, cell.label),
      ].join('  '),
    );
  }
  const { labels, status } = rowCounts(rows);
  out.push('');
  const summary =
    rows.length === 0
      ? 'No claims match.'
      : `${plural(rows.length, 'claim')}: ${labels.in} in, ${labels.out} out, ${labels.undecided} undecided; ${status.answered} answered, ${status.challenged} challenged, ${status.unanswered} unanswered.`;
  for (const line of wrap(summary, options.width)) out.push(line);
  return out.join('\n') + '\n';
}
