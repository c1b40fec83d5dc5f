/**
 * Text made in many small chunks, joined into pieces of about `size` characters: fewer writes,
 * bounded memory. A chunk longer than `size` is cut to that size, never between the two halves
 * of a surrogate pair (each piece is encoded on its own).
 */
export function* inBatches(chunks: Iterable<string>, size = 1 << 20): Generator<string> {
  let batch: string[] = [];
  let length = 0;
  for (const chunk of chunks) {
    if (chunk.length > size) {
      if (batch.length > 0) yield batch.join('');
      batch = [];
      length = 0;
      yield* pieces(chunk, size);
      continue;
    }
    batch.push(chunk);
    length += chunk.length;
    if (length >= size) {
      yield batch.join('');
      batch = [];
      length = 0;
    }
  }
  if (batch.length > 0) yield batch.join('');
}

function* pieces(text: string, size: number): Generator<string> {
  let start = 0;
  while (start < text.length) {
    let end = Math.min(start + size, text.length);
    // A high surrogate at the end of a piece would be encoded alone, as U+FFFD.
    const last = text.charCodeAt(end - 1);
    if (end < text.length && end - 1 > start && last >= 0xd800 && last <= 0xdbff) end--;
    yield text.slice(start, end);
    start = end;
  }
}
