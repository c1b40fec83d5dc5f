import path from 'node:path';
import picomatch from 'picomatch';

/** An ignore pattern and the directory it is relative to (the config's, or the working directory for --ignore-pattern). */
export interface IgnorePattern {
  pattern: string;
  base: string;
}

/**
 * A test for map files to leave out: a file is ignored when a pattern matches it or one of
 * the directories it lies in (so `drafts` and `drafts/**` both ignore everything under drafts/).
 * Files are given relative to `cwd`, as discovery names them.
 */
export function ignoreTest(patterns: readonly IgnorePattern[], cwd: string): ((file: string) => boolean) | undefined {
  if (patterns.length === 0) return undefined;
  const toPosix = (p: string) => p.split(path.sep).join('/');
  const matchers = patterns.map(({ pattern, base }) => picomatch(toPosix(path.resolve(base, pattern)), { dot: true }));
  return (file) => {
    for (let at = path.resolve(cwd, file); ; at = path.dirname(at)) {
      const candidate = toPosix(at);
      if (matchers.some((matches) => matches(candidate))) return true;
      if (path.dirname(at) === at) return false;
    }
  };
}

/** The test for a run: the config's patterns (relative to its directory), then those of the command line (relative to `cwd`). */
export function runIgnoreTest(configured: readonly IgnorePattern[], given: readonly string[] | undefined, cwd: string): ((file: string) => boolean) | undefined {
  return ignoreTest([...configured, ...(given ?? []).map((pattern) => ({ pattern, base: path.resolve(cwd) }))], cwd);
}
