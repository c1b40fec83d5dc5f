import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { DebateMap } from '../model.js';
import type { LoadedText } from '../validate/quotes.js';
import { InputError, describeFsError } from './discover.js';

/** Read every text file the map's sources name, from `dir`. A missing file is reported per source, not thrown. */
export function loadTexts(map: DebateMap, dir: string, shownDir: string): Map<string, LoadedText> {
  try {
    const info = statSync(dir);
    if (!info.isDirectory()) throw new InputError(`texts directory '${shownDir}' is not a directory`, dir);
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(`texts directory: ${describeFsError(error, shownDir)}; pass --texts DIR, set 'texts' in riposte.config.yaml, or skip quote checks with --no-texts`, dir);
  }
  const names = new Set(map.sources.flatMap((s) => (s.text !== undefined ? [s.text] : [])));
  const texts = new Map<string, LoadedText>();
  const root = path.resolve(dir);
  // Synchronous reads: for many small files they cost a fraction of promise-based ones.
  for (const name of names) {
    const file = path.resolve(root, name);
    if (file !== root && !file.startsWith(root + path.sep)) {
      texts.set(name, { ok: false, reason: 'the path leaves the texts directory' });
      continue;
    }
    try {
      texts.set(name, { ok: true, content: readFileSync(file, 'utf8') });
    } catch (error) {
      texts.set(name, { ok: false, reason: describeFsError(error, path.join(shownDir, name)) });
    }
  }
  return texts;
}
