/**
 * Compare ISO 8601 dates that may be partial ('2024', '2024-05', '2024-05-13').
 * Returns a negative number only when `a` is certainly before `b`, a positive one only when
 * certainly after, and 0 when they overlap ('2024-05' and '2024-05-13' may be the same day).
 */
export function compareDates(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const d = a.charCodeAt(i) - b.charCodeAt(i);
    if (d !== 0) return d;
  }
  return 0;
}

/** Sort key: undated sources go last; partial dates sort before full dates they contain. */
export function dateSortKey(date: string | undefined): string {
  return date ?? '9999';
}

const ISO_DATE = /^(\d{4})(?:-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?)?$/;

/** Whether a date is ISO 8601 (full or partial) and exists on the calendar: no 30 February. */
export function isRealDate(date: string): boolean {
  const match = ISO_DATE.exec(date);
  if (!match) return false;
  if (!match[3]) return true;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** A month named in full or by its first three letters ('Sept' too), as 1-12. */
function monthNumber(name: string): number | undefined {
  const lower = name.toLowerCase().replace(/\.$/, '');
  const index = MONTHS.findIndex((month) => month === lower || (lower.length >= 3 && month.startsWith(lower)));
  return index < 0 ? undefined : index + 1;
}

/**
 * The ISO 8601 form of a date written another way, when only one reading is possible:
 * 2024/05/01, 2024.5.1, 1 May 2024, May 1, 2024, May 2024, 2024-05-01T10:00Z. A day-month
 * order that could be read both ways (01/05/2024) has no certain form: undefined.
 */
export function isoDateOf(written: string): string | undefined {
  const text = written.trim().replace(/\s+/g, ' ');
  const pad = (n: number) => String(n).padStart(2, '0');
  const checked = (year: number, month: number, day?: number): string | undefined => {
    const iso = day === undefined ? `${year}-${pad(month)}` : `${year}-${pad(month)}-${pad(day)}`;
    return month >= 1 && month <= 12 && isRealDate(iso) ? iso : undefined;
  };
  let m = /^(\d{4})[/.-](\d{1,2})(?:[/.-](\d{1,2}))?$/.exec(text);
  if (m) return checked(+m[1]!, +m[2]!, m[3] === undefined ? undefined : +m[3]);
  m = /^(\d{4}-\d{2}-\d{2})T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})?$/.exec(text);
  if (m) return isRealDate(m[1]!) ? m[1] : undefined;
  m = /^(\d{1,2})(?:st|nd|rd|th)? ([A-Za-z]+\.?),? (\d{4})$/.exec(text);
  if (m) {
    const month = monthNumber(m[2]!);
    return month ? checked(+m[3]!, month, +m[1]!) : undefined;
  }
  m = /^([A-Za-z]+\.?) (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})$/.exec(text);
  if (m) {
    const month = monthNumber(m[1]!);
    return month ? checked(+m[3]!, month, +m[2]!) : undefined;
  }
  m = /^([A-Za-z]+\.?),? (\d{4})$/.exec(text);
  if (m) {
    const month = monthNumber(m[1]!);
    return month ? checked(+m[2]!, month) : undefined;
  }
  return undefined;
}
