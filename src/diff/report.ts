import type { MapDiff } from './compare.js';
import { formatDiffJson } from './format-json.js';
import { formatDiffMarkdown } from './format-markdown.js';
import { formatDiffText } from './format-text.js';

/** A side as the reader named it, and the commit it resolved to (absent for a directory or the working tree). */
export interface SideName {
  name: string;
  commit: string | null;
}

export interface DiffReport {
  base: SideName;
  head: SideName;
  diff: MapDiff;
  /** Gates that failed, with how many findings each. */
  gates: { gate: string; count: number }[];
}

export interface DiffFormatOptions {
  color: boolean;
  width: number;
  /** For tests: the Markdown size limit. */
  markdownLimit?: number;
}

/** One formatter per output format. */
export const DIFF_FORMATTERS = {
  text: formatDiffText,
  markdown: formatDiffMarkdown,
  json: formatDiffJson,
} satisfies Record<string, (report: DiffReport, options: DiffFormatOptions) => string>;

export type DiffFormat = keyof typeof DIFF_FORMATTERS;
