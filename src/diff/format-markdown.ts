import { safeInline } from '../render/sanitize.js';
import type { DiffReport, DiffFormatOptions } from './report.js';
import { diffSections, diffSummary, type Line, type Part } from './sections.js';

/** GitHub refuses comments over 65,536 characters; stay under it with room for the note. */
export const MARKDOWN_LIMIT = 60_000;

/**
 * Map text in Markdown is untrusted: markup characters are escaped, HTML cannot open, and an
 * @name cannot notify anyone (a word joiner follows the @).
 */
export function markdownText(value: string): string {
  return safeInline(value)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_{}[\]()#+\-.!|~]/g, '\\$&')
    .replace(/@/g, '@\u2060');
}

/** An inline code span that no backtick in the value can close. */
export function markdownCode(value: string): string {
  const text = safeInline(value);
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

const part = (p: Part): string => ('code' in p ? markdownCode(p.code) : markdownText(p.text));
const line = (l: Line): string => `- ${l.sign} ${l.parts.map(part).join('')}`;

/**
 * The diff as a pull-request comment: a summary, then one collapsible section per kind of
 * change, the consequences for the debate open. Cut to GitHub's size limit, with a note.
 */
export function formatDiffMarkdown(report: DiffReport, options: DiffFormatOptions): string {
  const limit = options.markdownLimit ?? MARKDOWN_LIMIT;
  const head = [`### riposte: the debate map, ${markdownCode(report.base.name)} → ${markdownCode(report.head.name)}`, '', `**${markdownText(diffSummary(report.diff))}**`];
  const out = [...head];
  let size = head.join('\n').length;
  let left = 0;
  for (const section of diffSections(report.diff)) {
    const open = section.kind === 'consequence' ? ' open' : '';
    const top = ['', `<details${open}><summary>${markdownText(section.title)} (${section.count})</summary>`, ''];
    const lines: string[] = [];
    for (const l of section.lines) {
      const text = line(l);
      if (left > 0 || size + text.length + 200 > limit) {
        left++;
        continue;
      }
      lines.push(text);
      size += text.length + 1;
    }
    if (lines.length === 0) continue;
    out.push(...top, ...lines, '', '</details>');
    size += top.join('\n').length + 12;
  }
  if (left > 0) out.push('', `_${left} more ${left === 1 ? 'line' : 'lines'} not shown: the comment would exceed GitHub's size limit. Run \`riposte diff\` locally, or see its \`--format json\` output._`);
  return out.join('\n') + '\n';
}
