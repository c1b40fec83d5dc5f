/**
 * Characters a reader cannot see or that reorder what is shown: C0 and C1 controls but tab and
 * line feed, DEL, bidirectional controls ("Trojan Source"), zero-width characters, the byte order
 * mark, line and paragraph separators. A formatter must never write them raw.
 */
// eslint-disable-next-line no-control-regex
export const INVISIBLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\u2028\u2029\ufeff]/;

/** A YAML double-quoted string on one line, every invisible character as an escape. */
export function escapedDoubleQuoted(value: string): string {
  let out = '"';
  for (const ch of value) {
    const code = ch.codePointAt(0)!;
    if (ch === '"' || ch === '\\') out += `\\${ch}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\r') out += '\\r';
    else if (INVISIBLE.test(ch)) out += code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
    else out += ch;
  }
  return `${out}"`;
}
