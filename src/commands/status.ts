import type { Label } from '../graph/acceptability.js';
import type { ResponseStatus } from '../graph/status.js';
import { EXIT, knownSources, openValidMap, type CommandContext, type CommonOptions } from './context.js';

export interface StatusOptions extends CommonOptions {
  source?: string[];
  author?: string[];
  tag?: string[];
  label?: Label[];
  response?: ResponseStatus[];
  width?: number;
  ascii?: boolean;
  format: 'text' | 'json';
}

/** One row per claim: its response status and grounded label, filtered; a summary line. */
export async function statusCommand(ctx: CommandContext, paths: string[], options: StatusOptions): Promise<number> {
  const opened = await openValidMap(ctx, paths, options);
  if (typeof opened === 'number') return opened;
  const { graph } = opened;
  if (!knownSources(ctx, graph, options.source)) return EXIT.usage;
  const [{ groundedLabelling }, { claimRows }] = await Promise.all([import('../graph/acceptability.js'), import('../graph/claim-rows.js')]);
  const rows = claimRows(graph, groundedLabelling(graph), {
    ...(options.source ? { sources: options.source } : {}),
    ...(options.author ? { authors: options.author } : {}),
    ...(options.tag ? { tags: options.tag } : {}),
    ...(options.label ? { labels: options.label } : {}),
    ...(options.response ? { responses: options.response } : {}),
  });
  if (options.format === 'json') {
    const { statusJson } = await import('../render/data.js');
    ctx.io.stdout.write(statusJson(rows));
  } else {
    const { renderStatus } = await import('../render/status.js');
    ctx.io.stdout.write(renderStatus(rows, { color: ctx.color(options), width: ctx.width(options.width), ascii: options.ascii ?? false }));
  }
  return EXIT.ok;
}
