import { safeInline } from '../render/sanitize.js';
import { EXIT, type CommandContext } from './context.js';
import { checkOptions, type CommonOptions } from './options.js';

export interface DiffOptions extends CommonOptions {
  format: 'text' | 'markdown' | 'json';
  failOn?: string[];
  source?: string[];
  width?: number;
}

/** Compare the map at BASE with the map at HEAD (default: the working tree), as data. */
export async function diffCommand(ctx: CommandContext, base: string, head: string | undefined, options: DiffOptions): Promise<number> {
  const [{ openSide, DiffSideError }, { compareMaps }, { failedGates }, { DIFF_FORMATTERS }] = await Promise.all([
    import('../diff/sides.js'),
    import('../diff/compare.js'),
    import('../diff/gates.js'),
    import('../diff/report.js'),
  ]);
  const sideOptions = { ...checkOptions(ctx, options), cwd: ctx.cwd };
  let sides;
  try {
    sides = [await openSide('BASE', base, sideOptions), await openSide('HEAD', head, sideOptions)] as const;
  } catch (error) {
    if (!(error instanceof DiffSideError)) throw error;
    ctx.io.stderr.write(`riposte: cannot load ${safeInline(error.message)}\n`);
    return EXIT.usage;
  }
  const diff = compareMaps(sides[0].side, sides[1].side);
  const gates = failedGates(diff, (options.failOn ?? []) as Parameters<typeof failedGates>[1], options.source ?? []);
  const report = { base: sides[0].name, head: sides[1].name, diff, gates };
  ctx.io.stdout.write(DIFF_FORMATTERS[options.format](report, { color: options.format === 'text' && ctx.color(options), width: ctx.width(options.width) }));
  if (gates.length === 0) return EXIT.ok;
  ctx.io.stderr.write(`riposte: the change fails --fail-on ${gates.map((g) => `${g.gate} (${g.count})`).join(', ')}\n`);
  return EXIT.findings;
}
