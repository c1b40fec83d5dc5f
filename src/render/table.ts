import { stringWidth, widest, wrap } from './wrap.js';

export interface Column {
  header: string;
  /** Columns this column keeps however narrow the table gets (at least its longest word, up to 30). */
  min: number;
  /** Left out, rightmost first, when the table cannot otherwise fit. */
  optional?: boolean;
}

const GAP = 2;

/**
 * A text table that fits `width` columns: each column as wide as its widest cell when all
 * fit, otherwise the spare room shared out in proportion to what each column would need,
 * optional columns left out if even their minimum widths do not fit, and cells wrapped
 * within their column (a row takes as many lines as its tallest cell). `paint` colours a
 * cell line, by the column's index in `columns`, after its width is measured.
 */
export function renderTable(columns: readonly Column[], rows: readonly (readonly string[])[], width: number, paint: (column: number, line: string, row: number) => string = (_c, line) => line): string[] {
  const natural = columns.map((column, i) => widest(rows.flatMap((row) => row[i]!.split('\n')), stringWidth(column.header)));
  // Ids are never cut in two: a column keeps its longest word (up to 30 columns).
  const longestWord = columns.map((_, i) => Math.min(30, widest(rows.flatMap((row) => row[i]!.split(/\s+/)))));
  const mins = columns.map((column, i) => Math.min(Math.max(column.min, longestWord[i]!), natural[i]!));
  let shown = columns.map((_, i) => i);
  const need = (list: number[], of: readonly number[]): number => list.reduce((sum, i) => sum + of[i]!, 0) + GAP * (list.length - 1);
  for (let i = columns.length - 1; i >= 0 && need(shown, mins) > width; i--) if (columns[i]!.optional) shown = shown.filter((j) => j !== i);
  const widths = [...natural];
  if (need(shown, natural) > width) {
    const spare = Math.max(0, width - need(shown, mins));
    const totalWanted = shown.reduce((sum, i) => sum + natural[i]! - mins[i]!, 0) || 1;
    for (const i of shown) widths[i] = mins[i]! + Math.floor((spare * (natural[i]! - mins[i]!)) / totalWanted);
  }
  const pad = (text: string, w: number): string => text + ' '.repeat(Math.max(0, w - stringWidth(text)));
  const lines: string[] = [];
  const emit = (cells: readonly string[], row: number): void => {
    const wrapped = shown.map((i) => cells[i]!.split('\n').flatMap((part) => wrap(part, Math.max(1, widths[i]!))));
    const height = Math.max(...wrapped.map((w) => w.length));
    for (let l = 0; l < height; l++) {
      const parts = wrapped.map((w, k) => {
        const text = w[l] ?? '';
        return paint(shown[k]!, k === wrapped.length - 1 ? text : pad(text, widths[shown[k]!]!), row);
      });
      lines.push(parts.join(' '.repeat(GAP)).trimEnd());
    }
  };
  emit(columns.map((c) => c.header), -1);
  rows.forEach((row, r) => emit(row, r));
  return lines;
}
