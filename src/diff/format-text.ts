import { safeInline } from '../render/sanitize.js';
import { styler } from '../render/style.js';
import { wrap } from '../render/wrap.js';
import type { DiffReport, DiffFormatOptions } from './report.js';
import { diffSections, diffSummary, type Line } from './sections.js';

const plainLine = (line: Line): string => line.parts.map((p) => safeInline('code' in p ? p.code : p.text)).join('');

/** The diff for a terminal: a summary sentence, then each section, lines wrapped to the width. */
export function formatDiffText(report: DiffReport, options: DiffFormatOptions): string {
  const c = styler(options.color);
  const paint = { '+': c.green, '-': c.red, '~': c.yellow, '✓': c.green, '✗': c.red, '!': c.red } as const;
  const out = [c.bold(`riposte diff: ${safeInline(report.base.name)} → ${safeInline(report.head.name)}`), diffSummary(report.diff)];
  for (const section of diffSections(report.diff)) {
    out.push('', c.bold(`${section.title} (${section.count})`));
    for (const line of section.lines) {
      const [first, ...rest] = wrap(plainLine(line), Math.max(20, options.width - 4));
      out.push(`  ${paint[line.sign](line.sign)} ${first ?? ''}`, ...rest.map((r) => `    ${r}`));
    }
  }
  return out.join('\n') + '\n';
}
