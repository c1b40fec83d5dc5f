import type { CheckOptions, OpenedMap } from '../api.js';
import { safeInline } from '../render/sanitize.js';
import { didYouMean } from '../suggest.js';
import { EXIT, findingsExit, type CommandContext } from './context.js';
import { checkOptions, type CommonOptions } from './options.js';
import { parseOutputFile } from './reports.js';

// Opening the map a read-only command answers about: refused with its errors, ids checked.

/**
 * Open a map for a read-only command. A map with errors is refused (exit 1, its errors on
 * stderr): answers computed from it would be wrong. Returns the exit code instead of the map then.
 */
export async function openValidMap(ctx: CommandContext, paths: string[], options: CommonOptions, model: Pick<CheckOptions, 'summaries'> = {}): Promise<OpenedMap | number> {
  const { openMap } = await import('../api.js');
  const opened = await openMap(paths, { ...checkOptions(ctx, options), ...model });
  const errors = opened.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length === 0) return opened;
  const { diagnosticFormatters } = await import('../render/formatters/index.js');
  ctx.io.stderr.write(
    diagnosticFormatters.stylish(errors, {
      color: ctx.color(options),
      verbose: false,
      summary: { files: opened.files.length, quotes: opened.quotes },
      texts: opened.fileTexts,
    }),
  );
  ctx.io.stderr.write('riposte: the map has errors; fix them first (riposte validate shows them all)\n');
  return findingsExit(errors);
}

/** "; did you mean 'x'?" for an id typed on the command line, from the map's ids of those kinds; else ''. */
export function idSuggestion(graph: OpenedMap['graph'], id: string, types: readonly ('claim' | 'source')[]): string {
  const ids: string[] = [];
  graph.forEachNode((node, attributes) => {
    if ((types as readonly string[]).includes(attributes.type)) ids.push(node);
  });
  const best = didYouMean(id, ids);
  return best ? `; did you mean '${safeInline(best)}'?` : '';
}

/** Whether every id given with --source names a source of the map; if not, says which on stderr. */
export function knownSources(ctx: CommandContext, graph: OpenedMap['graph'], ids: readonly string[] = []): boolean {
  const unknown = ids.find((id) => !graph.hasNode(id) || graph.getNodeAttribute(id, 'type') !== 'source');
  if (unknown === undefined) return true;
  ctx.io.stderr.write(`riposte: no source '${safeInline(unknown)}'${idSuggestion(graph, unknown, ['source'])} (--source takes a source id; riposte stats lists the map)\n`);
  return false;
}

/**
 * Open the map for a command that lists claims (unanswered, status): its --output-file values
 * checked before any output, the map opened, and its --source ids known. The exit code otherwise.
 */
export async function openForListing(ctx: CommandContext, paths: string[], options: CommonOptions & { outputFile?: string[]; source?: string[] }): Promise<OpenedMap | number> {
  (options.outputFile ?? []).forEach(parseOutputFile); // a malformed --output-file fails before any output
  const opened = await openValidMap(ctx, paths, options);
  if (typeof opened === 'number') return opened;
  return knownSources(ctx, opened.graph, options.source) ? opened : EXIT.usage;
}
