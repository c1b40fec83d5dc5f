import type { Source } from '../model.js';
import { safeInline } from './sanitize.js';
import { stringWidth, truncate } from './wrap.js';

export { LABEL_NAMES, plural } from '../wording.js';

/** The source's short name, or its first author shortened for one line ('et al.' when there are more). */
export function shortAuthor(source: Source, width = 40, ellipsis = '…'): string {
  const { first, more } = authorParts(source);
  const room = width - more.length;
  if (stringWidth(first) > room) {
    // 'European Commission, DG Migration and Home Affairs' -> 'European Commission'
    const parts = first.split(', ');
    for (let n = parts.length - 1; n >= 1; n--) {
      const head = parts.slice(0, n).join(', ');
      if (stringWidth(head) <= room) return safeInline(head + more);
    }
  }
  return safeInline(truncate(first, room, ellipsis) + more);
}

/** The columns shortAuthor needs to give the author unshortened: at that width or more, it gives shortAuthor(source, Infinity). */
export function authorColumns(source: Source): number {
  const { first, more } = authorParts(source);
  return stringWidth(first) + more.length;
}

function authorParts(source: Source): { first: string; more: string } {
  return { first: source.shortName ?? source.authors[0] ?? source.id, more: source.authors.length > 1 && !source.shortName ? ' et al.' : '' };
}

/** '2022-04-28', '~2023' for an inferred date, 'undated'. */
export function shownDate(source: Source): string {
  if (!source.date) return 'undated';
  return safeInline((source.dateInferred ? '~' : '') + source.date);
}
