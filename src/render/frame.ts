import { safeText } from './sanitize.js';

/**
 * A code frame: the offending line with one line of context either side and a caret under
 * the column, in the manner of the yaml package's prettifyError.
 */
export function codeFrame(text: string | readonly string[], line: number, column: number, endOffset?: number, offset?: number): string {
  if (line < 1) return '';
  // Many findings in one file: the caller splits it once and passes the lines.
  const lines = typeof text === 'string' ? splitLines(text) : text;
  const first = Math.max(1, line - 1);
  const last = Math.min(lines.length, line + 1);
  const gutter = String(last).length;
  const out: string[] = [];
  for (let n = first; n <= last; n++) {
    const content = safeText(lines[n - 1] ?? '').replace(/\t/g, ' ');
    const marker = n === line ? '>' : ' ';
    out.push(`${marker} ${String(n).padStart(gutter)} | ${content}`);
    if (n === line) {
      const lineText = lines[n - 1] ?? '';
      const span = endOffset !== undefined && offset !== undefined ? Math.max(1, Math.min(endOffset - offset, lineText.length - column + 1)) : 1;
      out.push(`  ${' '.repeat(gutter)} | ${' '.repeat(Math.max(0, column - 1))}${'^'.repeat(span)}`);
    }
  }
  return out.join('\n');
}

export function splitLines(text: string): string[] {
  return text.split(/\r?\n/);
}
