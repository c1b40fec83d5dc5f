import { safeInline } from '../render/sanitize.js';
import { EXIT, type CommandContext } from './context.js';
import { type CommonOptions } from './options.js';
import { writeChunks } from './output.js';
import { openValidMap } from './open.js';

export interface ExplainOptions extends CommonOptions {
  depth?: number;
  width?: number;
  ascii?: boolean;
  format: 'text' | 'json';
}

/** Why a claim stands, falls or is undecided, and who answered it. */
export async function explainCommand(ctx: CommandContext, id: string, paths: string[], options: ExplainOptions): Promise<number> {
  const opened = await openValidMap(ctx, paths, options);
  if (typeof opened === 'number') return opened;
  const { graph } = opened;
  const [{ claimOf, claims, sourceOf }, { groundedLabelling }, { explainClaim }] = await Promise.all([
    import('../graph/build.js'),
    import('../graph/acceptability.js'),
    import('../graph/explain.js'),
  ]);
  if (!claimOf(graph, id)) {
    if (sourceOf(graph, id)) {
      ctx.io.stderr.write(`riposte: '${safeInline(id)}' is a source; explain takes a claim id (riposte status --source ${safeInline(id)} lists its claims)\n`);
      return EXIT.usage;
    }
    const { closestIds } = await import('../suggest.js');
    const close = closestIds(id, claims(graph).map((c) => c.id));
    ctx.io.stderr.write(`riposte: no claim '${safeInline(id)}'${close.length > 0 ? `; the closest: ${close.map(safeInline).join(', ')}` : ''}\n`);
    return EXIT.usage;
  }
  const explanation = explainClaim(graph, groundedLabelling(graph), id, options.depth ?? 8);
  if (options.format === 'json') {
    const { explanationJsonChunks } = await import('../render/data.js');
    await writeChunks(ctx.io.stdout, explanationJsonChunks(graph, explanation));
  } else {
    const { renderExplanation } = await import('../render/explain.js');
    ctx.io.stdout.write(renderExplanation(graph, explanation, { color: ctx.color(options), ascii: options.ascii ?? false, width: ctx.width(options.width) }));
  }
  return EXIT.ok;
}
