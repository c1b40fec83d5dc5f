import { EXIT, type CommandContext } from './context.js';
import { type CommonOptions } from './options.js';
import { openValidMap } from './open.js';

export interface CoverageOptions extends CommonOptions {
  width?: number;
  format: 'text' | 'json';
}

/** Who answered whom: per source addressed to someone or answered by someone. */
export async function coverageCommand(ctx: CommandContext, paths: string[], options: CoverageOptions): Promise<number> {
  const opened = await openValidMap(ctx, paths, options);
  if (typeof opened === 'number') return opened;
  const { coverage } = await import('../graph/coverage.js');
  const rows = coverage(opened.graph);
  if (options.format === 'json') {
    const { coverageJson } = await import('../render/data.js');
    ctx.io.stdout.write(coverageJson(rows));
  } else {
    const { renderCoverage } = await import('../render/coverage.js');
    ctx.io.stdout.write(renderCoverage(rows, { color: ctx.color(options), width: ctx.width(options.width) }));
  }
  return EXIT.ok;
}
