import { lstat, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import { describeFileProblem } from '../wording.js';
import { fsProblem, realOrSelf, scopeAllows, type ReadScope } from './scope.js';

/** A problem with the paths themselves: the CLI turns these into exit code 2. */
export class InputError extends Error {
  constructor(
    message: string,
    readonly path: string,
  ) {
    super(message);
    this.name = 'InputError';
  }
}

const MAP_FILE = /\.ya?ml$/i;
/** Files that live beside a map but are not part of it. */
const NOT_MAP_FILES = new Set(['riposte.config.yaml', 'riposte.config.yml', '.pre-commit-hooks.yaml']);

export function isMapFileName(name: string): boolean {
  return MAP_FILE.test(name) && !NOT_MAP_FILES.has(path.basename(name));
}

/**
 * Expand the paths given on the command line (files, directories searched recursively,
 * glob patterns) into a sorted, de-duplicated list of map files. Every argument must
 * yield at least one file: a typo in CI must never turn into a silent pass, and neither may
 * an empty list of paths. Files are only listed here; links and file types are checked when
 * each is read (see scope.ts), so one bad link is a finding and the rest is still checked.
 * A directory, or a link to one, must lie in `scope`: no walk ever leaves the project.
 */
export async function discoverMapFiles(inputs: readonly string[], cwd: string, maxFiles = Infinity, scope?: ReadScope): Promise<string[]> {
  if (inputs.length === 0) throw new InputError('no map paths to read: name map files or directories, or list them under maps in riposte.config.yaml', '.');
  const found = new Set<string>();
  const tooMany = (): InputError =>
    new InputError(`more than ${maxFiles} map files; a map that large is unusual (raise the limit with --max-files)`, inputs[0] ?? '.');
  for (const input of inputs) {
    const before = found.size;
    if (isDynamicPattern(input)) {
      const matches = await glob(input, { cwd, onlyFiles: false, dot: false, followSymbolicLinks: false });
      for (const match of matches) if (isMapFileName(match) && !match.endsWith('/')) found.add(path.normalize(match));
      if (found.size > maxFiles) throw tooMany();
      if (found.size === before) throw new InputError(`no map files (*.yaml, *.yml) match '${input}'`, input);
      continue;
    }
    const absolute = path.resolve(cwd, input);
    let link;
    try {
      link = await lstat(absolute);
    } catch (error) {
      throw new InputError(describeFsError(error, input), input);
    }
    let info = link;
    if (link.isSymbolicLink()) {
      try {
        info = await stat(absolute);
      } catch {
        // A link to nothing, or a loop: reading it says which, as a finding.
        found.add(path.normalize(input));
        continue;
      }
    }
    if (info.isDirectory()) {
      if (scope) {
        const real = realOrSelf(absolute);
        const allowed = scopeAllows(scope, real);
        if (!allowed.ok) {
          const why = allowed.hidden ? `is hidden ('${allowed.hidden}')` : `lies outside ${scope.label}`;
          throw new InputError(`directory '${input}'${real !== absolute ? ` (a link to '${real}')` : ''} ${why}; riposte reads nothing outside the project and no hidden directory of it: name it on the command line if you trust it`, input);
        }
      }
      await walk(absolute, input, found, maxFiles, tooMany);
      if (found.size === before) throw new InputError(`no map files (*.yaml, *.yml) in directory '${input}'`, input);
    } else {
      // Files of every kind are listed: a FIFO or a device named here is refused, by name, when read.
      found.add(path.normalize(input));
      if (found.size > maxFiles) throw tooMany();
    }
  }
  return [...found].sort();
}

/**
 * Walk a map directory. By rule, names starting with '.' and node_modules are skipped, and
 * links to directories are not followed (so no loop can hang the walk); every other entry
 * named *.yaml or *.yml is listed, whatever it is, to be read or refused by name.
 */
async function walk(absolute: string, shown: string, found: Set<string>, maxFiles: number, tooMany: () => InputError): Promise<void> {
  let entries;
  try {
    entries = await readdir(absolute, { withFileTypes: true });
  } catch (error) {
    throw new InputError(describeFsError(error, shown), shown);
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const child = path.join(shown, entry.name);
    if (entry.isDirectory()) {
      await walk(path.join(absolute, entry.name), child, found, maxFiles, tooMany);
    } else if (isMapFileName(entry.name)) {
      if (entry.isSymbolicLink()) {
        // A link to a directory named like a map file is a directory link: not followed.
        try {
          if ((await stat(path.join(absolute, entry.name))).isDirectory()) continue;
        } catch {
          // a link to nothing or a loop: listed, and reported when read
        }
      }
      found.add(path.normalize(child));
      if (found.size > maxFiles) throw tooMany();
    }
  }
}

/** What an error of the file system says about `shown`, in one line: for run errors (exit 2). */
export function describeFsError(error: unknown, shown: string): string {
  return describeFileProblem(fsProblem(error, shown));
}

/**
 * The files of `named` that belong to the map (the config's `maps`), the others dropped: a
 * pre-commit hook passes every changed *.yml, workflows included, and they are not maps.
 */
export async function onlyMapFiles(named: readonly string[], maps: readonly string[], cwd: string, maxFiles = Infinity, scope?: ReadScope): Promise<string[]> {
  let map: string[];
  try {
    map = await discoverMapFiles(maps, cwd, maxFiles, scope);
  } catch (error) {
    if (error instanceof InputError) return [];
    throw error;
  }
  const inMap = new Set(map.map((file) => path.resolve(cwd, file)));
  return named.filter((file) => inMap.has(path.resolve(cwd, file)));
}
