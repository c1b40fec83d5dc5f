import type { Label } from '../graph/acceptability.js';
import type { ResponseStatus } from '../graph/status.js';
import { EXIT, type CommandContext } from './context.js';
import { type CommonOptions } from './options.js';
import { openForListing } from './open.js';
import { reportClaimFindings, type ReportFormat } from './reports.js';

export interface StatusOptions extends CommonOptions {
  source?: string[];
  author?: string[];
  tag?: string[];
  label?: Label[];
  response?: ResponseStatus[];
  width?: number;
  ascii?: boolean;
  failOnListed?: boolean;
  format: 'text' | ReportFormat;
  outputFile?: string[];
}

/**
 * One row per claim: its response status and grounded label, filtered; a summary line. In a
 * CI format each listed claim is a finding; --fail-on-listed makes them fail the run ("no claim
 * of the 2022 letter is defeated": --source cs-letter-2022 --label out --fail-on-listed).
 */
export async function statusCommand(ctx: CommandContext, paths: string[], options: StatusOptions): Promise<number> {
  const outputs = options.outputFile ?? [];
  const opened = await openForListing(ctx, paths, options);
  if (typeof opened === 'number') return opened;
  const { graph } = opened;
  const [{ groundedLabelling }, { claimRows, claimRowFindings }] = await Promise.all([import('../graph/acceptability.js'), import('../graph/claim-rows.js')]);
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
  } else if (options.format === 'text') {
    const { renderStatus } = await import('../render/status.js');
    ctx.io.stdout.write(renderStatus(rows, { color: ctx.color(options), width: ctx.width(options.width), ascii: options.ascii ?? false }));
  }
  await reportClaimFindings(ctx, opened, () => claimRowFindings(rows, options.failOnListed ? 'error' : 'warning'), options.format, outputs, 'status', options);
  return options.failOnListed && rows.length > 0 ? EXIT.findings : EXIT.ok;
}
