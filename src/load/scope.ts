import { lstatSync, readlinkSync, realpathSync, statSync, type Stats } from 'node:fs';
import path from 'node:path';
import { isDynamicPattern } from 'tinyglobby';
import type { FileKindName, FileProblem, ScopeLabel } from '../wording.js';

/**
 * Where one run may read. A map, its config and its texts may come from a hostile pull
 * request, so a path they name, and every symbolic link on the way, must resolve inside the
 * project (or the texts directory) before a byte is read. Only the command line, which the
 * person or CI job running riposte wrote, can name places outside it.
 */
export interface ReadScope {
  /** Real paths of the directories whose files may be read; the first is shown in messages. */
  readonly roots: readonly string[];
  /** Real paths of files named exactly on the command line: readable wherever they are. */
  readonly files: ReadonlySet<string>;
  /** What the first root is, in messages. */
  readonly label: ScopeLabel;
}

/** Why a file is not read. `unreadable-file` is the machine's doing (exit 2); the others the repository's. */
export type RefusalCode = 'path-outside-project' | 'not-regular-file' | 'broken-link' | 'unreadable-file' | 'invalid-file-name';

export interface Refusal {
  code: RefusalCode;
  problem: FileProblem;
}

export type Resolved = { ok: true; real: string } | { ok: false; refusal: Refusal };

/** The real path of `file`, or the path itself when it cannot be resolved (it does not exist yet). */
export function realOrSelf(file: string): string {
  try {
    return realpathSync.native(file);
  } catch {
    return path.resolve(file);
  }
}

/** Whether `file` is `dir` or lies below it. Both absolute and normalised. */
export function isInside(file: string, dir: string): boolean {
  const relative = path.relative(dir, file);
  return relative === '' || (relative.split(path.sep)[0] !== '..' && !path.isAbsolute(relative));
}

/** A path segment that hides a file: .git, .env, .npmrc and the like hold credentials. */
function hiddenSegment(relative: string): string | undefined {
  return relative.split(path.sep).find((segment) => segment.startsWith('.') && segment !== '.' && segment !== '..');
}

export function makeScope(label: ScopeLabel, roots: readonly string[], files: Iterable<string> = []): ReadScope {
  return { label, roots: [...new Set(roots.map(realOrSelf))], files: new Set([...files].map(realOrSelf)) };
}

/** Whether the resolved path `real` may be read: inside a root and not hidden below it, or named exactly. */
export function scopeAllows(scope: ReadScope, real: string): { ok: true } | { ok: false; hidden?: string } {
  if (scope.files.has(real)) return { ok: true };
  let hidden: string | undefined;
  for (const root of scope.roots) {
    if (!isInside(real, root)) continue;
    hidden = hiddenSegment(path.relative(root, real));
    if (hidden === undefined) return { ok: true };
  }
  return hidden === undefined ? { ok: false } : { ok: false, hidden };
}

/** What describeKind needs of fs.Stats (declared here so the public types need no Node types). */
export interface FileKind {
  isDirectory(): boolean;
  isFIFO(): boolean;
  isSocket(): boolean;
  isCharacterDevice(): boolean;
  isBlockDevice(): boolean;
}

const KINDS: [(s: FileKind) => boolean, FileKindName][] = [
  [(s) => s.isDirectory(), 'directory'],
  [(s) => s.isFIFO(), 'fifo'],
  [(s) => s.isSocket(), 'socket'],
  [(s) => s.isCharacterDevice(), 'character-device'],
  [(s) => s.isBlockDevice(), 'block-device'],
];

export function kindOf(stats: FileKind): FileKindName {
  return KINDS.find(([is]) => is(stats))?.[1] ?? 'other';
}

/**
 * Resolve `absolute` (shown to the user as `shown`) for reading: follow its links, then
 * check that it lands inside the scope and is a regular file. Nothing is opened here, and a
 * refusal never quotes the file's content, only where it points.
 */
export function resolveForRead(absolute: string, shown: string, scope: ReadScope): Resolved {
  let real: string;
  try {
    // The native call: one system call, where the JavaScript one stats every path component.
    real = realpathSync.native(absolute);
  } catch (error) {
    return { ok: false, refusal: unresolvable(error, absolute, shown) };
  }
  const link = real === path.resolve(absolute) ? {} : { link: real };
  const allowed = scopeAllows(scope, real);
  if (!allowed.ok) {
    const problem: FileProblem = allowed.hidden
      ? { why: 'hidden', path: shown, ...link, scope: scope.label, segment: allowed.hidden }
      : { why: 'outside', path: shown, ...link, scope: scope.label, root: scope.roots[0] ?? '?' };
    return { ok: false, refusal: { code: 'path-outside-project', problem } };
  }
  let stats: Stats;
  try {
    stats = statSync(real);
  } catch (error) {
    return { ok: false, refusal: unresolvable(error, absolute, shown) };
  }
  if (!stats.isFile()) {
    return {
      ok: false,
      refusal: { code: 'not-regular-file', problem: { why: 'not-regular', path: shown, ...link, kind: kindOf(stats) } },
    };
  }
  return { ok: true, real };
}

function unresolvable(error: unknown, absolute: string, shown: string): Refusal {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  let link: string | undefined;
  try {
    if (lstatSync(absolute).isSymbolicLink()) link = readlinkSync(absolute);
  } catch {
    // not there at all, or an unreadable directory on the way
  }
  if (code === 'ELOOP') return { code: 'broken-link', problem: { why: 'link-loop', path: shown } };
  if (code === 'ENOENT' && link !== undefined) return { code: 'broken-link', problem: { why: 'dangling-link', path: shown, target: link } };
  // A name listed by the directory that is not there under its decoded name: bytes that are not UTF-8.
  if (code === 'ENOENT' && shown.includes('\ufffd')) return { code: 'invalid-file-name', problem: { why: 'bad-name', path: shown } };
  return { code: 'unreadable-file', problem: fsProblem(error, shown) };
}

/** What an error of the file system says about `shown`, as data. */
export function fsProblem(error: unknown, shown: string): FileProblem {
  switch ((error as NodeJS.ErrnoException | undefined)?.code) {
    case 'ENOENT':
      return { why: 'missing', path: shown };
    case 'EACCES':
    case 'EPERM':
      return { why: 'permission', path: shown };
    case 'ENOTDIR':
      return { why: 'not-a-directory', path: shown };
    case 'ELOOP':
      return { why: 'link-loop', path: shown };
    case 'EISDIR':
      return { why: 'is-a-directory', path: shown };
    default:
      return { why: 'io', path: shown, error: (error as Error | undefined)?.message ?? String(error) };
  }
}

/** The directory a glob pattern starts from: its segments before the first one with a wildcard. */
export function globBase(pattern: string): string {
  const segments = pattern.split(/[\\/]/);
  const fixed: string[] = [];
  for (const segment of segments) {
    if (isDynamicPattern(segment)) break;
    fixed.push(segment);
  }
  return fixed.join('/') || '.';
}

/**
 * The scope of a run over map files: the project root (the config file's directory, or the
 * working directory without one), widened only by what the command line names outside it:
 * a directory or pattern base becomes a root, a file is readable as named.
 */
export function projectScope(root: string, commandLine: readonly string[], cwd: string): ReadScope {
  const roots = [root];
  const files: string[] = [];
  const rootReal = realOrSelf(root);
  for (const input of commandLine) {
    const named = path.resolve(cwd, isDynamicPattern(input) ? globBase(input) : input);
    let stats: Stats;
    try {
      stats = lstatSync(named);
    } catch {
      continue; // discovery reports a missing path
    }
    const outside = !isInside(named, path.resolve(root)) && !isInside(realOrSelf(named), rootReal);
    const exact = !isDynamicPattern(input);
    // Named exactly and not a link: the person running riposte chose this very file or
    // directory. Anything reached through a link must still land inside the project.
    if (exact && stats.isFile()) files.push(named);
    else if (exact && stats.isDirectory()) roots.push(named);
    else if (outside) (stats.isDirectory() || stats.isSymbolicLink() ? roots : files).push(named);
  }
  return makeScope('the project', roots, files);
}
