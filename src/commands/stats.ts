import { EXIT, type CommandContext } from './context.js';
import { type CommonOptions } from './options.js';
import { openValidMap } from './open.js';

export async function statsCommand(ctx: CommandContext, paths: string[], options: CommonOptions & { format: 'text' | 'json' }): Promise<number> {
  // Counts need no summaries: without them the map's text is freed as it is read.
  const opened = await openValidMap(ctx, paths, options, { summaries: false });
  if (typeof opened === 'number') return opened;
  const { mapStats } = await import('../graph/stats.js');
  const stats = mapStats(opened.graph);
  if (options.format === 'json') {
    const { statsJson } = await import('../render/data.js');
    ctx.io.stdout.write(statsJson(stats));
  } else {
    const { renderStats } = await import('../render/stats.js');
    ctx.io.stdout.write(renderStats(stats, { color: ctx.color(options) }));
  }
  return EXIT.ok;
}
