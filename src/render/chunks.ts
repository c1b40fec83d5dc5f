/**
 * How many characters of output a renderer gathers before handing them on to be written.
 * Under 64k characters a chunk stays below V8's large-object size (128 KiB for text outside
 * Latin-1): a larger one is allocated on its own pages when it is flattened or encoded, which
 * made writing a 40 MB report ten times slower. Small enough for output to stream, large
 * enough that writes stay few.
 */
export const OUTPUT_CHUNK_CHARS = 1 << 14;

/**
 * Lines gathered into one string until it is full: a renderer writes with `line`, and its
 * generator yields `take()` whenever `full` (and once at the end). Appending makes a rope that
 * writing flattens once, where joining an array of lines copied every line a second time.
 */
export class LineChunks {
  private text = '';

  line(...lines: string[]): void {
    for (const line of lines) this.text += line + '\n';
  }

  get full(): boolean {
    return this.text.length >= OUTPUT_CHUNK_CHARS;
  }

  get empty(): boolean {
    return this.text.length === 0;
  }

  /** The text gathered so far; the chunk starts again empty. */
  take(): string {
    const text = this.text;
    this.text = '';
    return text;
  }
}
