import { spawn, spawnSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** A problem with git or a revision: the diff cannot be made (exit 2). */
export class GitError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'GitError';
  }
}

function git(cwd: string, args: readonly string[]): { ok: boolean; stdout: string; stderr: string } {
  const result = spawnSync('git', args, { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (result.error) throw new GitError(`cannot run git (${(result.error as NodeJS.ErrnoException).code ?? result.error.message}); is it installed?`);
  return { ok: result.status === 0, stdout: result.stdout, stderr: result.stderr };
}

/** The top directory of the git work tree holding `cwd`. */
export function gitRoot(cwd: string): string {
  const result = git(cwd, ['rev-parse', '--show-toplevel']);
  if (!result.ok) throw new GitError('not inside a git repository: run riposte diff in one, or give BASE and HEAD as directories');
  return result.stdout.trim();
}

/** The commit a revision names (a branch, a tag, HEAD~2, a sha). */
export function resolveCommit(root: string, revision: string): string {
  if (revision.startsWith('-')) throw new GitError(`'${revision}' is not a revision`);
  const result = git(root, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${revision}^{commit}`]);
  if (!result.ok) throw new GitError(`'${revision}' is neither a directory nor a revision of this repository`);
  return result.stdout.trim();
}

export interface TreeFile {
  path: string;
  blob: string;
  size: number;
}

/**
 * The regular files under `prefix` at `commit`, as git stores them. Links and submodules are
 * left out: a file of the map at a revision is never a way to read something else.
 */
export function filesAt(root: string, commit: string, prefix: string): TreeFile[] {
  const result = git(root, ['ls-tree', '-r', '-z', '-l', '--full-tree', commit, '--', prefix === '' ? '.' : prefix]);
  if (!result.ok) throw new GitError(`cannot list the files of ${commit.slice(0, 12)}: ${result.stderr.trim()}`);
  const files: TreeFile[] = [];
  for (const entry of result.stdout.split('\0')) {
    const match = /^(\d{6}) blob ([0-9a-f]+) +(\d+)\t(.+)$/s.exec(entry);
    if (!match || (match[1] !== '100644' && match[1] !== '100755')) continue;
    files.push({ path: match[4]!, blob: match[2]!, size: Number(match[3]) });
  }
  return files;
}

/**
 * Write the given files of a commit under `dest`, read in one `git cat-file --batch` stream:
 * the map as it was, without a checkout, a worktree or a change to the index.
 */
export async function writeFilesAt(root: string, files: readonly TreeFile[], dest: string): Promise<void> {
  if (files.length === 0) return;
  const child = spawn('git', ['cat-file', '--batch'], { cwd: root, stdio: ['pipe', 'pipe', 'pipe'] });
  const chunks: Buffer[] = [];
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const done = new Promise<number>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  });
  child.stdin.end(files.map((f) => f.blob).join('\n') + '\n');
  const code = await done;
  if (code !== 0) throw new GitError(`cannot read the files of the revision: ${stderr.trim()}`);
  const output = Buffer.concat(chunks);
  let at = 0;
  for (const file of files) {
    const headerEnd = output.indexOf(0x0a, at);
    const header = output.subarray(at, headerEnd).toString();
    const size = Number(header.split(' ')[2]);
    if (!Number.isFinite(size)) throw new GitError(`cannot read ${file.path} from the revision: ${header}`);
    const content = output.subarray(headerEnd + 1, headerEnd + 1 + size);
    at = headerEnd + 1 + size + 1;
    const target = path.resolve(dest, file.path);
    if (!target.startsWith(dest + path.sep)) continue; // git does not store such paths; never write outside dest
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, content);
  }
}
