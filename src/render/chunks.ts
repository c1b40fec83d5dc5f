/**
 * How many characters of output a renderer gathers before handing them on to be written.
 * Under 64k characters a chunk stays below V8's large-object size (128 KiB for text outside
 * Latin-1): a larger one is allocated on its own pages when it is flattened or encoded, which
 * made writing a 40 MB report ten times slower. Small enough for output to stream, large
 * enough that writes stay few.
 */
export const OUTPUT_CHUNK_CHARS = 1 << 14;
