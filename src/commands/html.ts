import { EXIT, type CommandContext } from './context.js';
import { type CommonOptions } from './options.js';
import { writeChunks, writeOutputFile } from './output.js';
import { openValidMap } from './open.js';

export interface HtmlOptions extends CommonOptions {
  output?: string;
  title?: string;
}

/** The map as one self-contained web page: to stdout, or atomically to -o. */
export async function htmlCommand(ctx: CommandContext, paths: string[], options: HtmlOptions): Promise<number> {
  const opened = await openValidMap(ctx, paths, options);
  if (typeof opened === 'number') return opened;
  const [{ pageModel }, { pageChunks }, { loadPageAssets }] = await Promise.all([import('../web/page-model.js'), import('../web/page.js'), import('../web/assets.js')]);
  const model = pageModel(opened.map, opened.graph);
  const chunks = pageChunks(model, await loadPageAssets(), { title: options.title ?? 'Debate map', version: ctx.version });
  if (options.output === undefined) {
    const [{ inBatches }, { OUTPUT_CHUNK_CHARS }] = await Promise.all([import('../io/batches.js'), import('../render/chunks.js')]);
    await writeChunks(ctx.io.stdout, inBatches(chunks, OUTPUT_CHUNK_CHARS));
    return EXIT.ok;
  }
  await writeOutputFile(ctx, options.output, chunks, 'page');
  ctx.io.stderr.write(`wrote ${options.output}: ${model.sources.length} sources, ${model.claims.length} claims\n`);
  return EXIT.ok;
}
