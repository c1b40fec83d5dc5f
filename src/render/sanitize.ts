/**
 * Text from a map is untrusted. Before it reaches a terminal, every character that could
 * move the cursor, change colours, set the window title or reorder what is shown is
 * replaced by a visible escape: C0 and C1 controls, DEL, and the Unicode bidirectional
 * controls used in "Trojan Source" attacks.
 */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g;
// eslint-disable-next-line no-control-regex
const UNSAFE_WITH_BREAKS = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g;

function escape(ch: string): string {
  const code = ch.charCodeAt(0);
  if (ch === '\t') return '\\t';
  if (ch === '\n') return '\\n';
  if (ch === '\r') return '\\r';
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** For one-line fields (ids, names, file names): line breaks are escaped too. */
export function safeInline(text: string): string {
  return text.replace(UNSAFE_WITH_BREAKS, escape);
}

/** For multi-line text: line feeds are kept, every other control is escaped. */
export function safeText(text: string): string {
  return text.replace(UNSAFE, escape);
}
