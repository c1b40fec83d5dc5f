import { EXIT, type CommandContext } from './context.js';
import { type CommonOptions } from './options.js';
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
    const { inBatches } = await import('../io/batches.js');
    for (const batch of inBatches(chunks)) ctx.io.stdout.write(batch);
    return EXIT.ok;
  }
  const { writeOutputFile } = await import('./output.js');
  await writeOutputFile(ctx, options.output, chunks, 'page');
  ctx.io.stderr.write(`wrote ${options.output}: ${model.sources.length} sources, ${model.claims.length} claims\n`);
  return EXIT.ok;
}
