import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic, Finding } from '../diagnostics.js';
import { compareDiagnostics } from '../diagnostics.js';
import { InputError, describeFsError } from './discover.js';
import { locateFindings } from './locate.js';
import { DEFAULT_LIMITS, parseMapText, type ParseLimits, type ParsedFile } from './parse.js';
import { readMapFile } from './read.js';

export { InputError, discoverMapFiles } from './discover.js';

/**
 * Read and parse one map file. Reads are synchronous: for many small files they are
 * several times cheaper than promise-based reads. Throws InputError when it cannot be read.
 */
export function loadMapFile(file: string, cwd: string, limits: ParseLimits = DEFAULT_LIMITS): ParsedFile {
  const read = readMapFile(file, path.resolve(cwd, file), limits.maxFileBytes);
  if (!read.ok) {
    if (read.io) throw new InputError(read.finding.message, file);
    return { file, data: undefined, recoveredIds: [], findings: [read.finding] };
  }
  return parseMapText(file, read.text, limits);
}

/**
 * Turn findings into located diagnostics, re-reading only the files that have findings.
 * Returns those files' texts too, for code frames.
 */
export async function locate(findings: readonly Finding[], cwd: string): Promise<{ diagnostics: Diagnostic[]; texts: Map<string, string> }> {
  const byFile = new Map<string, Finding[]>();
  for (const finding of findings) {
    const list = byFile.get(finding.file) ?? [];
    list.push(finding);
    byFile.set(finding.file, list);
  }
  const located: Diagnostic[] = [];
  const texts = new Map<string, string>();
  for (const [file, list] of byFile) {
    let text: string;
    try {
      text = await readFile(path.resolve(cwd, file), 'utf8');
    } catch (error) {
      throw new InputError(describeFsError(error, file), file);
    }
    texts.set(file, text);
    for (const diagnostic of locateFindings(text, list)) located.push(diagnostic);
  }
  return { diagnostics: located.sort(compareDiagnostics), texts };
}
