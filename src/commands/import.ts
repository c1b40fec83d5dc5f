import { lstat, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { safeInline } from '../render/sanitize.js';
import { describeFileProblem, describeKindName } from '../wording.js';
import { EXIT, type CommandContext } from './context.js';

export interface ImportOptions {
  output: string;
  force?: boolean;
  format: 'text' | 'json';
  maxFileSize?: number;
}

const MB = 1024 * 1024;

/**
 * Read a debate in another format and write it as riposte map files into the output
 * directory: one file per source, in canonical form. Nothing is written when the input has a
 * mistake, or when a file would be overwritten without --force.
 */
export async function importCommand(ctx: CommandContext, format: string, input: string, options: ImportOptions): Promise<number> {
  const [{ READERS }, { readBoundedFile }, { decodeText }, { describeFsError }, { ImportError }, { mapToFiles }, { writeFileAtomic }] = await Promise.all([
    import('../interop/readers.js'),
    import('../load/read.js'),
    import('../load/texts.js'),
    import('../load/discover.js'),
    import('../interop/import-error.js'),
    import('../interop/yaml-writer.js'),
    import('../io/atomic-write.js'),
  ]);
  const reader = Object.hasOwn(READERS, format) ? READERS[format] : undefined;
  if (!reader) {
    ctx.io.stderr.write(`riposte: unknown import format '${safeInline(format)}'; known formats: ${Object.keys(READERS).join(', ')}\n`);
    return EXIT.usage;
  }
  const absolute = path.resolve(ctx.cwd, input);
  const maxBytes = (options.maxFileSize ?? 256) * MB;
  const read = readBoundedFile(absolute, maxBytes);
  if (!read.ok) {
    const why = read.tooLarge !== undefined ? `is over ${maxBytes / MB} MB (raise the limit with --max-file-size)` : read.kind !== undefined ? `is ${describeKindName(read.kind)}, not a file` : describeFsError(read.error, input);
    ctx.io.stderr.write(`riposte: ${read.tooLarge !== undefined || read.kind !== undefined ? `'${safeInline(input)}' ${why}` : safeInline(why)}\n`);
    return EXIT.usage;
  }
  // The same checks as a source text: UTF-16, binary and Latin-1 input are named as such.
  const decoded = decodeText(read.bytes, input);
  if (!decoded.ok) {
    ctx.io.stderr.write(`${safeInline(input)}: ${safeInline(describeFileProblem(decoded.problem))}; nothing was written\n`);
    return EXIT.findings;
  }
  const text = decoded.content;
  let map;
  try {
    map = await reader(text, path.basename(input).replace(/\.[^.]+$/, ''));
  } catch (error) {
    if (error instanceof ImportError) {
      ctx.io.stderr.write(`${safeInline(input)}:${error.line}:${error.column}: ${safeInline(error.message)}\nnothing was written\n`);
      return EXIT.findings;
    }
    throw error;
  }
  const outDir = path.resolve(ctx.cwd, options.output);
  const schemaFile = fileURLToPath(new URL('../../schemas/riposte.schema.json', import.meta.url));
  const files = mapToFiles(map, path.relative(outDir, schemaFile).split(path.sep).join('/'));
  if (!options.force) {
    const existing: string[] = [];
    for (const file of files) if (await lstat(path.join(outDir, file.name)).then(() => true, () => false)) existing.push(file.name);
    if (existing.length > 0) {
      ctx.io.stderr.write(`riposte: these files exist in ${safeInline(options.output)} and would be overwritten: ${existing.slice(0, 5).map(safeInline).join(', ')}${existing.length > 5 ? `, and ${existing.length - 5} more` : ''}; nothing was written (--force overwrites)\n`);
      return EXIT.usage;
    }
  }
  try {
    await mkdir(outDir, { recursive: true });
    for (const file of files) await writeFileAtomic(path.join(outDir, file.name), file.text);
  } catch (error) {
    const { isInterrupted } = await import('../io/atomic-write.js');
    if (isInterrupted(error)) throw error;
    ctx.io.stderr.write(`riposte: cannot write into ${safeInline(options.output)}: ${safeInline(describeFsError(error, options.output))}\n`);
    return EXIT.usage;
  }
  const relations = map.claims.reduce((n, c) => n + c.relations.length, 0);
  const written = files.map((f) => path.join(options.output, f.name));
  if (options.format === 'json') {
    ctx.io.stdout.write(JSON.stringify({ version: 1, format, input, files: written, sources: map.sources.length, claims: map.claims.length, relations }, null, 2) + '\n');
  } else {
    ctx.io.stderr.write(`imported ${map.sources.length} sources, ${map.claims.length} claims and ${relations} relations from ${safeInline(input)} into ${files.length} files in ${safeInline(options.output)}\nNext: riposte validate ${safeInline(options.output)}\n`);
  }
  return EXIT.ok;
}
