import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic, Finding } from '../diagnostics.js';
import { compareDiagnostics } from '../diagnostics.js';
import { InputError, describeFsError, discoverMapFiles } from './discover.js';
import { locateFindings } from './locate.js';
import { DEFAULT_LIMITS, parseMapText, type ParseLimits, type ParsedFile } from './parse.js';
import { readMapFile } from './read.js';

export { InputError } from './discover.js';

export interface LoadedMap {
  /** Map files in sorted order, as shown to the user (relative to cwd). */
  files: ParsedFile[];
  cwd: string;
}

const CONCURRENCY = 16;

/** Discover, read and parse every map file under `inputs`. Throws InputError for exit-2 problems. */
export async function loadMapFiles(inputs: readonly string[], cwd: string, limits: ParseLimits = DEFAULT_LIMITS): Promise<LoadedMap> {
  const names = await discoverMapFiles(inputs, cwd);
  const files: ParsedFile[] = new Array(names.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < names.length) {
      const index = next++;
      const file = names[index]!;
      const read = await readMapFile(file, path.resolve(cwd, file));
      if (!read.ok) {
        if (read.io) throw new InputError(read.finding.message, file);
        files[index] = { file, data: undefined, recoveredIds: [], findings: [read.finding] };
      } else {
        files[index] = parseMapText(file, read.text, limits);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, names.length) }, worker));
  return { files, cwd };
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
    located.push(...locateFindings(text, list));
  }
  return { diagnostics: located.sort(compareDiagnostics), texts };
}
