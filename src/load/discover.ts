import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';

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
 * yield at least one file: a typo in CI must never turn into a silent pass.
 */
export async function discoverMapFiles(inputs: readonly string[], cwd: string, maxFiles = Infinity): Promise<string[]> {
  const found = new Set<string>();
  const tooMany = (): InputError =>
    new InputError(`more than ${maxFiles} map files; a map that large is unusual (raise the limit with --max-files)`, inputs[0] ?? '.');
  for (const input of inputs) {
    const before = found.size;
    if (isDynamicPattern(input)) {
      const matches = await glob(input, { cwd, onlyFiles: true, dot: false, followSymbolicLinks: false });
      for (const match of matches) if (isMapFileName(match)) found.add(path.normalize(match));
      if (found.size > maxFiles) throw tooMany();
      if (found.size === before) throw new InputError(`no map files (*.yaml, *.yml) match '${input}'`, input);
      continue;
    }
    const absolute = path.resolve(cwd, input);
    let info;
    try {
      info = await stat(absolute);
    } catch (error) {
      throw new InputError(describeFsError(error, input), input);
    }
    if (info.isDirectory()) {
      await walk(absolute, input, found, maxFiles, tooMany);
      if (found.size === before) throw new InputError(`no map files (*.yaml, *.yml) in directory '${input}'`, input);
    } else if (info.isFile()) {
      found.add(path.normalize(input));
      if (found.size > maxFiles) throw tooMany();
    } else {
      throw new InputError(`'${input}' is not a file or directory`, input);
    }
  }
  return [...found].sort();
}

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
    } else if (isMapFileName(entry.name) && (entry.isFile() || entry.isSymbolicLink())) {
      // A link to a map file counts; a link loop or a link to nothing is an error, not a
      // silent gap. Links to directories are not followed, so no loop can hang the walk.
      if (entry.isSymbolicLink()) {
        let target;
        try {
          target = await stat(path.join(absolute, entry.name));
        } catch (error) {
          const code = (error as NodeJS.ErrnoException).code;
          const why = code === 'ELOOP' ? 'is a symbolic link loop' : code === 'ENOENT' ? 'is a symbolic link to nothing' : describeFsError(error, child);
          throw new InputError(`'${child}' ${why}; remove it or point it at a map file`, child);
        }
        if (!target.isFile()) continue;
      }
      found.add(path.normalize(child));
      if (found.size > maxFiles) throw tooMany();
    }
  }
}

export function describeFsError(error: unknown, shown: string): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return `no such file or directory: '${shown}'`;
    case 'EACCES':
    case 'EPERM':
      return `permission denied: '${shown}' (check its permissions)`;
    case 'ENOTDIR':
      return `not a directory: '${shown}'`;
    case 'ELOOP':
      return `too many levels of symbolic links: '${shown}'`;
    case 'EISDIR':
      return `is a directory, expected a file: '${shown}'`;
    default:
      return `cannot read '${shown}': ${(error as Error | undefined)?.message ?? String(error)}`;
  }
}
