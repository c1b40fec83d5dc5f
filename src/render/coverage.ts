import type { CoverageRow, Delay } from '../graph/coverage.js';
import { plural, shortAuthor, shownDate } from './labels.js';
import { safeInline } from './sanitize.js';
import { styler } from './style.js';
import { renderTable } from './table.js';
import { widest, wrap } from './wrap.js';

export interface CoverageRenderOptions {
  color: boolean;
  width: number;
}

/** '42 days'; '~3 months' or '~same year' where a date lacks its day or month (never a day invented). */
export function delayText(delay: Delay | undefined): string {
  if (!delay) return 'no date';
  const { unit, amount, partial } = delay;
  const mark = partial ? '~' : '';
  if (amount === 0) return unit === 'days' ? 'same day' : `${mark}same ${unit === 'months' ? 'month' : 'year'}`;
  const size = `${mark}${plural(Math.abs(amount), unit.slice(0, -1))}`;
  return amount < 0 ? `${size} before` : size;
}

/**
 * Who answered whom, as a table that fits the width: a source per block, a line per source
 * that answered it (addressees first), then the totals and what '~' means.
 */
export function renderCoverage(rows: readonly CoverageRow[], options: CoverageRenderOptions): string {
  const c = styler(options.color);
  const cells: string[][] = [];
  const kinds: ('first' | 'more')[] = [];
  for (const row of rows) {
    const head = [
      safeInline(row.source.id),
      `${shortAuthor(row.source, 30)}, ${shownDate(row.source)}`,
      row.addressedTo.length > 0 ? row.addressedTo.map(safeInline).join(', ') : '—',
      row.addressedTo.length > 0 ? `${row.answeredByAddressees}/${row.claims}` : `${row.answeredByAnyone}/${row.claims} (others)`,
    ];
    const responders = row.responders.length > 0 ? row.responders : undefined;
    if (!responders) {
      cells.push([...head, row.addressedTo.length > 0 ? 'no answer' : '—', '']);
      kinds.push('first');
      continue;
    }
    responders.forEach((r, i) => {
      const what = r.claims > 0 ? plural(r.claims, 'claim') : 'the document';
      cells.push([...(i === 0 ? head : ['', '', '', '']), `${safeInline(r.source.id)} (${what}${r.addressee ? ', addressee' : ''})`, delayText(r.delay)]);
      kinds.push(i === 0 ? 'first' : 'more');
    });
  }
  // Ids are never cut: their columns keep the longest one.
  const idWidth = (column: number): number => Math.min(40, widest(cells.map((cell) => cell[column]!.replace(/ \(.*$/, ''))));
  const lines = renderTable(
    [
      { header: 'source', min: idWidth(0) },
      { header: 'from', min: 14, optional: true },
      { header: 'addressed to', min: 10 },
      { header: 'answered', min: 8 },
      { header: 'by', min: idWidth(4) },
      { header: 'after', min: 11 },
    ],
    cells,
    options.width,
    (column, line, row) => (row < 0 ? c.dim(line) : column === 0 ? c.bold(line) : column === 4 && line.startsWith('no answer') ? c.red(line) : line),
  );
  const addressed = rows.filter((row) => row.addressedTo.length > 0);
  const silent = addressed.filter((row) => !row.responders.some((r) => r.addressee));
  lines.push('');
  const notes = [
    `${plural(addressed.length, 'source')} addressed to someone; ${silent.length} got no answer from ${silent.length === 1 ? 'its' : 'their'} addressees${silent.length > 0 ? ` (${silent.map((row) => safeInline(row.source.id)).join(', ')})` : ''}.`,
    'answered: claims the addressees answered (rebutted, undermined, undercut or conceded), or, for a source addressed to no one, that others answered.',
    ...(rows.some((row) => row.responders.some((r) => r.delay?.partial)) ? ['~: a date gives only its month or year, so the delay is approximate too.'] : []),
  ];
  for (const note of notes) lines.push(...wrap(note, options.width).map((line) => c.dim(line)));
  return lines.join('\n') + '\n';
}
