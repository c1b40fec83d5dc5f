import { lstatSync } from 'node:fs';
import path from 'node:path';

/**
 * The directory CI tools name files from: the git work tree holding `start` (the nearest
 * directory above it with a `.git`, directory or file), else `fallback` (the config's
 * directory). GitHub annotations, SARIF and GitLab reports only land on a pull request's diff
 * with paths relative to it.
 */
export function repositoryRoot(start: string, fallback: string): string {
  for (let dir = path.resolve(start); ; dir = path.dirname(dir)) {
    try {
      lstatSync(path.join(dir, '.git'));
      return dir;
    } catch {
      // not here; look above
    }
    if (path.dirname(dir) === dir) return path.resolve(fallback);
  }
}
