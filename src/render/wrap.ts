import stringWidth from 'string-width';

/** Word-wrap `text` to `width` display columns (wide characters count double); long words are cut. */
export function wrap(text: string, width: number): string[] {
  const limit = Math.max(8, width);
  const lines: string[] = [];
  let line = '';
  let lineWidth = 0;
  for (const word of text.split(/\s+/).filter(Boolean)) {
    let rest = word;
    let wordWidth = stringWidth(rest);
    if (lineWidth > 0 && lineWidth + 1 + wordWidth <= limit) {
      line += ' ' + rest;
      lineWidth += 1 + wordWidth;
      continue;
    }
    if (lineWidth > 0) lines.push(line);
    line = '';
    lineWidth = 0;
    while (wordWidth > limit) {
      const [head, tail] = cutAt(rest, limit);
      lines.push(head);
      rest = tail;
      wordWidth = stringWidth(rest);
    }
    line = rest;
    lineWidth = wordWidth;
  }
  if (line !== '' || lines.length === 0) lines.push(line);
  return lines;
}

function cutAt(text: string, width: number): [string, string] {
  let used = 0;
  let index = 0;
  for (const ch of text) {
    const w = stringWidth(ch);
    if (used + w > width) break;
    used += w;
    index += ch.length;
  }
  return [text.slice(0, index), text.slice(index)];
}

/** Shorten to `width` columns with an ellipsis. */
export function truncate(text: string, width: number, ellipsis = '…'): string {
  if (stringWidth(text) <= width) return text;
  const [head] = cutAt(text, Math.max(1, width - ellipsis.length));
  return head + ellipsis;
}

export { stringWidth };
