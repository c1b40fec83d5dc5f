import { safeInline } from '../render/sanitize.js';
import { EXIT, type CommandContext } from './context.js';
import { type CommonOptions } from './options.js';
import { writeChunks } from './output.js';
import { idSuggestion, openValidMap } from './open.js';

export interface TreeOptions extends CommonOptions {
  from?: string;
  depth?: number;
  width?: number;
  ascii?: boolean;
  format: 'text' | 'json';
}

export async function treeCommand(ctx: CommandContext, paths: string[], options: TreeOptions): Promise<number> {
  const opened = await openValidMap(ctx, paths, options);
  if (typeof opened === 'number') return opened;
  const { graph } = opened;
  const { debateTreeRows, UnknownNodeError } = await import('../graph/tree.js');
  let layout;
  try {
    layout = debateTreeRows(graph, { ...(options.from !== undefined ? { from: options.from } : {}), ...(options.depth !== undefined ? { depth: options.depth } : {}) });
  } catch (error) {
    if (!(error instanceof UnknownNodeError)) throw error;
    ctx.io.stderr.write(`riposte: ${safeInline(error.message)}${idSuggestion(opened.graph, error.id, ['claim', 'source'])} (--from takes a claim or source id)\n`);
    return EXIT.usage;
  }
  // The analysis, once: each claim's response status and grounded label; the renderers only show them.
  const [{ groundedLabelling }, { responseStatusMap }] = await Promise.all([import('../graph/acceptability.js'), import('../graph/status.js')]);
  const { labels } = groundedLabelling(graph);
  const statuses = responseStatusMap(graph);
  if (options.format === 'json') {
    const { treeJsonChunks } = await import('../render/data.js');
    await writeChunks(ctx.io.stdout, treeJsonChunks(graph, layout, labels, statuses));
  } else {
    const { renderTreeChunks } = await import('../render/tree.js');
    // The renderer's chunks are thousands of lines each already: written as the reader takes them.
    await writeChunks(ctx.io.stdout, renderTreeChunks(graph, layout, { color: ctx.color(options), ascii: options.ascii ?? false, width: ctx.width(options.width), labels, statuses }));
  }
  return EXIT.ok;
}
