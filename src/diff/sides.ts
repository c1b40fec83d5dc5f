import { mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { checkMap, type CheckOptions } from '../api.js';
import { messageOf } from '../diagnostics.js';
import { buildGraph } from '../graph/build.js';
import { loadConfig } from '../load/config.js';
import type { DiffSide } from './compare.js';
import { filesAt, GitError, gitRoot, resolveCommit, writeFilesAt } from './git.js';
import type { SideName } from './report.js';

/** One side of the diff could not be loaded: which, and why (exit 2). */
export class DiffSideError extends Error {
  constructor(
    readonly side: 'BASE' | 'HEAD',
    readonly revision: string,
    reason: string,
  ) {
    super(`${side} (${revision}): ${reason}`);
    this.name = 'DiffSideError';
  }
}

/** Codes about quotes: a diff shows them as consequences. Any other error means the side did not load. */
const QUOTE_CODES = new Set(['quote-not-found', 'text-not-found', 'text-encoding', 'quotes-unchecked', 'missing-quote']);
const MAX_BLOB_BYTES = 256 * 1024 * 1024;

export interface SideOptions extends Omit<CheckOptions, 'cwd' | 'quotes'> {
  cwd: string;
}

async function isDirectory(p: string): Promise<boolean> {
  return stat(p).then(
    (s) => s.isDirectory(),
    () => false,
  );
}

async function load(side: 'BASE' | 'HEAD', name: string, options: CheckOptions): Promise<DiffSide> {
  let checked;
  try {
    checked = await checkMap([], options);
  } catch (error) {
    throw new DiffSideError(side, name, error instanceof Error ? error.message : String(error));
  }
  const errors = checked.diagnostics.filter((d) => d.severity === 'error' && !QUOTE_CODES.has(d.code));
  if (errors.length > 0) {
    const shown = errors.slice(0, 3).map((d) => `${d.file}:${d.line}:${d.column}: ${messageOf(d)} (${d.code})`);
    const more = errors.length > 3 ? `; and ${errors.length - 3} more` : '';
    throw new DiffSideError(side, name, `the map has errors: ${shown.join('; ')}${more}`);
  }
  return { map: checked.map, graph: buildGraph(checked.map), diagnostics: checked.diagnostics };
}

const isMapFile = (file: string): boolean => /\.ya?ml$/i.test(file) && !file.split('/').some((part) => part.startsWith('.') || part === 'node_modules');

/**
 * Load one side of a diff: the working tree (no spec), a directory, or a git revision. A
 * revision's map files (and, when its config names them inside the project, its texts) are
 * read from git's objects into a temporary directory that is removed afterwards, and checked
 * there exactly as `riposte validate` would; paths in findings are as in the working tree.
 */
export async function openSide(side: 'BASE' | 'HEAD', spec: string | undefined, options: SideOptions): Promise<{ side: DiffSide; name: SideName }> {
  // Only errors matter to a diff (quotes that do not check are errors): warnings are not placed.
  const base: CheckOptions = { ...options, strict: false, errorsOnly: true };
  if (spec === undefined) return { side: await load(side, 'working tree', base), name: { name: 'working tree', commit: null } };
  const dir = path.resolve(options.cwd, spec);
  if (await isDirectory(dir)) return { side: await load(side, spec, { ...base, cwd: dir }), name: { name: spec, commit: null } };

  let root: string;
  let commit: string;
  try {
    root = gitRoot(options.cwd);
    commit = resolveCommit(root, spec);
  } catch (error) {
    if (error instanceof GitError) throw new DiffSideError(side, spec, error.message);
    throw error;
  }
  const temp = await mkdtemp(path.join(os.tmpdir(), 'riposte-diff-'));
  try {
    const all = filesAt(root, commit, '').filter((f) => f.size <= MAX_BLOB_BYTES);
    await writeFilesAt(root, all.filter((f) => isMapFile(f.path)), temp);
    const cwd = path.join(temp, path.relative(root, path.resolve(options.cwd)));
    // Texts in the repository are read as they were at the revision; texts outside it are shared.
    let texts = options.texts;
    if (typeof texts === 'string') {
      const absolute = path.resolve(options.cwd, texts);
      const inside = path.relative(root, absolute);
      texts = inside.startsWith('..') || path.isAbsolute(inside) ? absolute : path.join(temp, inside);
    }
    let textsDir = typeof texts === 'string' ? texts : undefined;
    if (texts === undefined) {
      const config = await loadConfig(cwd, options.config).catch(() => undefined);
      textsDir = config?.texts;
    }
    if (textsDir && !path.relative(temp, textsDir).startsWith('..')) {
      const prefix = path.relative(temp, textsDir).split(path.sep).join('/');
      await writeFilesAt(root, all.filter((f) => f.path.startsWith(`${prefix}/`)), temp);
    }
    const loaded = await load(side, spec, { ...base, cwd, ...(texts !== undefined ? { texts } : {}) });
    return { side: loaded, name: { name: spec, commit } };
  } finally {
    await rm(temp, { recursive: true, force: true });
  }
}
