import { safeInline } from '../render/sanitize.js';
import { EXIT, type CommandContext } from './context.js';
import { type CommonOptions } from './options.js';
import { writeChunks, writeOutputFile } from './output.js';
import { idSuggestion, openValidMap } from './open.js';

export interface ExportOptions extends CommonOptions {
  output?: string;
  from?: string;
  depth?: number;
}

/** Write the map in another format: to stdout, or atomically to -o (a directory for csv). */
export async function exportCommand(ctx: CommandContext, format: string, paths: string[], options: ExportOptions): Promise<number> {
  const { WRITERS } = await import('../interop/writers.js');
  const writer = Object.hasOwn(WRITERS, format) ? WRITERS[format] : undefined;
  if (!writer) {
    ctx.io.stderr.write(`riposte: unknown export format '${safeInline(format)}'; known formats: ${Object.keys(WRITERS).join(', ')}\n`);
    return EXIT.usage;
  }
  if (writer.kind === 'files' && options.output === undefined) {
    ctx.io.stderr.write(`riposte: ${format} writes several files: give the directory with -o DIR\n`);
    return EXIT.usage;
  }
  const opened = await openValidMap(ctx, paths, options);
  if (typeof opened === 'number') return opened;
  let only: Set<string> | undefined;
  if (options.from !== undefined || options.depth !== undefined) {
    const { debateTree, treeClaimIds, UnknownNodeError } = await import('../graph/tree.js');
    try {
      only = new Set(treeClaimIds(debateTree(opened.graph, { ...(options.from !== undefined ? { from: options.from } : {}), ...(options.depth !== undefined ? { depth: options.depth } : {}) })));
    } catch (error) {
      if (!(error instanceof UnknownNodeError)) throw error;
      ctx.io.stderr.write(`riposte: ${safeInline(error.message)}${idSuggestion(opened.graph, error.id, ['claim', 'source'])} (--from takes a claim or source id)\n`);
      return EXIT.usage;
    }
  }
  const { exportModel } = await import('../interop/export-model.js');
  const model = exportModel(opened.map, opened.graph, only);
  const files: [string, string][] = writer.kind === 'text' ? [['', writer.write(model)]] : Object.entries(writer.write(model));
  if (options.output === undefined) {
    await writeChunks(ctx.io.stdout, files.map(([, text]) => text));
    return EXIT.ok;
  }
  const path = await import('node:path');
  const output = options.output;
  for (const [name, text] of files) await writeOutputFile(ctx, name ? path.join(output, name) : output, text, `${format} export`);
  ctx.io.stderr.write(`wrote ${files.map(([name]) => safeInline(name ? path.join(output, name) : output)).join(', ')}: ${model.claims.length} claims, ${model.relations.length} relations\n`);
  return EXIT.ok;
}
