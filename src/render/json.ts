import { OUTPUT_CHUNK_CHARS } from './chunks.js';

/**
 * JSON.stringify(value, null, 2), written without recursion and in chunks, for data of any
 * depth (a chain of responses thousands deep). Up to `maxIndentLevel` levels the text is
 * exactly what JSON.stringify makes; deeper levels keep that indentation instead of adding
 * to it, so the output stays linear in the data's size (JSON ignores the whitespace).
 */
export function* prettyJsonChunks(value: unknown, maxIndentLevel = 64, chunkSize = OUTPUT_CHUNK_CHARS): Generator<string> {
  interface Frame {
    close: string;
    entries: [string | undefined, unknown][];
    next: number;
    level: number;
  }
  let buffer = '';
  const indent = (level: number): string => '\n' + '  '.repeat(Math.min(level, maxIndentLevel));
  const stack: Frame[] = [];
  /** Write a value: a scalar at once, a container's opening (its entries follow from the stack). */
  const open = (item: unknown, level: number): void => {
    if (item !== null && typeof item === 'object' && typeof (item as { toJSON?: unknown }).toJSON !== 'function') {
      const isArray = Array.isArray(item);
      const entries: [string | undefined, unknown][] = isArray
        ? (item as unknown[]).map((v) => [undefined, v === undefined || typeof v === 'function' ? null : v])
        : Object.entries(item as Record<string, unknown>).filter(([, v]) => v !== undefined && typeof v !== 'function');
      if (entries.length === 0) {
        buffer += isArray ? '[]' : '{}';
        return;
      }
      buffer += isArray ? '[' : '{';
      stack.push({ close: isArray ? ']' : '}', entries, next: 0, level: level + 1 });
      return;
    }
    buffer += JSON.stringify(item) ?? 'null';
  };
  open(value, 0);
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!;
    if (frame.next >= frame.entries.length) {
      buffer += indent(frame.level - 1) + frame.close;
      stack.pop();
    } else {
      const [key, item] = frame.entries[frame.next]!;
      buffer += (frame.next > 0 ? ',' : '') + indent(frame.level) + (key === undefined ? '' : `${JSON.stringify(key)}: `);
      frame.next++;
      open(item, frame.level);
    }
    if (buffer.length >= chunkSize) {
      yield buffer;
      buffer = '';
    }
  }
  yield buffer;
}
