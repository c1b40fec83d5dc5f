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
