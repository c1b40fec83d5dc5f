import path from 'node:path';
import type { Diagnostic, SettledFinding } from '../diagnostics.js';
import { compareDiagnostics } from '../diagnostics.js';
import type { ListLengths } from './chunk-locate.js';
import { locateFindings, placed } from './locate.js';
import { DEFAULT_LIMITS, parseMapText, type ParseLimits, type ParsedFile } from './parse.js';
import { readMapFile } from './read.js';
import type { ReadScope } from './scope.js';

import { discoverMapFiles, InputError } from './discover.js';

export { discoverMapFiles, InputError };

/**
 * Read and parse one map file. Reads are synchronous: for many small files they are
 * several times cheaper than promise-based reads. A file that cannot be read, or that `scope`
 * refuses, comes back as a finding, unread.
 */
export function loadMapFile(file: string, cwd: string, limits: ParseLimits = DEFAULT_LIMITS, scope?: ReadScope): ParsedFile {
  const read = readMapFile(file, path.resolve(cwd, file), limits.maxFileBytes, scope);
  // Every file that cannot be read is a finding of its own, so the rest is still checked.
  if (!read.ok) return { file, data: undefined, recoveredIds: [], findings: [read.finding] };
  const parsed = parseMapText(file, read.text, limits);
  parsed.stamp = read.stamp;
  return parsed;
}

export interface LocateOptions {
  cwd: string;
  /** Where the files may be read: a file changed into a link since the first read is refused. */
  scope?: ReadScope;
  maxBytes?: number;
  /** Texts of files not read from disk again (a buffer given on stdin, texts read already), by file. */
  overrides?: ReadonlyMap<string, string>;
  /** The lengths of each file's lists from its first parse, by file: items are placed without a second parse. */
  lengths?: ReadonlyMap<string, ListLengths>;
  /** Return the texts of the files read, for code frames. Off, a large map's texts are not all held at once. */
  keepTexts?: boolean;
  /**
   * What each file was when first read (its stamp), by file. A file read again to place its
   * findings must be unchanged: else the places would be those of another text.
   */
  stamps?: ReadonlyMap<string, string>;
}

/**
 * Turn findings into located diagnostics, re-reading only the files that have findings, one at
 * a time. Returns those files' texts too, for code frames, when `keepTexts` is on.
 */
export async function locate(findings: readonly SettledFinding[], options: LocateOptions): Promise<{ diagnostics: Diagnostic[]; texts: Map<string, string> }> {
  const { cwd, scope, maxBytes = Infinity, overrides, lengths, keepTexts = true, stamps } = options;
  const byFile = new Map<string, SettledFinding[]>();
  for (const finding of findings) {
    const list = byFile.get(finding.file) ?? [];
    list.push(finding);
    byFile.set(finding.file, list);
  }
  const located: Diagnostic[] = [];
  const texts = new Map<string, string>();
  for (const [file, list] of byFile) {
    if (list.every((f) => f.unread)) {
      // Refused or unreadable: no position, and nothing of the file is read now either.
      for (const finding of list) located.push(placed(finding, 0, 0));
      continue;
    }
    const given = overrides?.get(file);
    if (given !== undefined) {
      if (keepTexts) texts.set(file, given);
      for (const diagnostic of locateFindings(given, list, lengths?.get(file))) located.push(diagnostic);
      continue;
    }
    // Read again through the same checks and limits as the first time: a file changed into a
    // link since then is refused, not shown.
    const read = readMapFile(file, path.resolve(cwd, file), maxBytes, scope);
    if (!read.ok) {
      // Bytes that are not UTF-8 text: their findings sit at the start of the file.
      for (const finding of list) {
        const at = finding.offset === 0 ? 1 : 0;
        located.push(placed(finding, at, at, finding.offset === undefined ? undefined : { start: finding.offset, end: finding.offset }));
      }
      continue;
    }
    const stamp = stamps?.get(file);
    if (stamp !== undefined && read.stamp !== stamp) {
      throw new InputError(`${file} changed while riposte was checking it (it is read again to place its findings): run riposte again`, file);
    }
    const text = read.text;
    if (keepTexts) texts.set(file, text);
    for (const diagnostic of locateFindings(text, list, lengths?.get(file))) located.push(diagnostic);
  }
  return { diagnostics: located.sort(compareDiagnostics), texts };
}
