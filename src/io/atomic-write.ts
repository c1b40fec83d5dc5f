import { randomBytes } from 'node:crypto';
import { unlinkSync } from 'node:fs';
import { chown, open, readFile, rename, rm, stat, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { inBatches } from './batches.js';

/** Temporary files being written, so an interrupted run can remove them (see bin/riposte.js). */
const pending = new Set<string>();
/** The exit code of the signal that interrupted the run (130 for Ctrl-C), or 0. */
let interrupted = 0;

/** A write given up because the run was interrupted (Ctrl-C, SIGTERM, SIGHUP). */
export class InterruptedError extends Error {
  constructor(readonly exitCode: number) {
    super('interrupted');
    this.name = 'InterruptedError';
  }
}

/**
 * Ask writes to stop: a write under way removes its temporary file and throws
 * InterruptedError at its next step, and no new write starts. Returns whether any write
 * was under way (if none, the caller may exit at once).
 */
export function requestInterrupt(exitCode = 130): boolean {
  interrupted = exitCode;
  return pending.size > 0;
}

export function isInterrupted(error: unknown): boolean {
  return error instanceof InterruptedError;
}

const checkInterrupt = (): void => {
  if (interrupted) throw new InterruptedError(interrupted);
};

/** A write refused because replacing the file would lose something: a reason to show, not a crash. */
export class UnsafeWriteError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnsafeWriteError';
  }
}

export interface AtomicWriteOptions {
  /**
   * What the file held when it was read: if it holds anything else just before the rename
   * (someone edited it meanwhile), the write is given up and nothing is lost. Also refuses
   * read-only files and files with other hard links, which a rename would silently split.
   */
  expected?: Uint8Array | string;
}

/**
 * Write `content` to `file` atomically: into a temporary file in the same directory, flushed
 * to disk, then renamed over the target. Readers see the old file or the new one, never half
 * of either; an existing file keeps its permissions and, where the process may set it, its owner.
 */
export async function writeFileAtomic(file: string, content: string | Iterable<string>, options: AtomicWriteOptions = {}): Promise<void> {
  const dir = path.dirname(file);
  const temp = path.join(dir, `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  let mode: number | undefined;
  let owner: { uid: number; gid: number } | undefined;
  try {
    const info = await stat(file);
    mode = info.mode & 0o7777;
    owner = { uid: info.uid, gid: info.gid };
    if (options.expected !== undefined) {
      if ((mode & 0o222) === 0) throw new UnsafeWriteError('the file is read-only; make it writable to let riposte rewrite it');
      if (info.nlink > 1) throw new UnsafeWriteError(`the file has ${info.nlink} hard links, which replacing it would split; rewrite it by hand or remove the other links`);
    }
  } catch (error) {
    if (error instanceof UnsafeWriteError) throw error;
    // a new file: default permissions
  }
  checkInterrupt();
  pending.add(temp);
  try {
    const handle = await open(temp, 'wx', mode ?? 0o644);
    try {
      checkInterrupt();
      if (typeof content === 'string') await handle.writeFile(content, 'utf8');
      else await writeChunks(handle, content);
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (owner && (owner.uid !== process.getuid?.() || owner.gid !== process.getgid?.())) {
      await chown(temp, owner.uid, owner.gid).catch(() => undefined); // only root may give a file away
    }
    if (options.expected !== undefined) {
      // Edited since it was read? Then the edit wins and this write is given up.
      const now = await readFile(file).catch(() => undefined);
      const expected = typeof options.expected === 'string' ? Buffer.from(options.expected) : options.expected;
      if (!now || !Buffer.from(expected).equals(now)) throw new UnsafeWriteError('the file changed while riposte was formatting it; nothing was written, run again');
    }
    // The last moment to give up: after the rename the new file is complete and in place.
    checkInterrupt();
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  } finally {
    pending.delete(temp);
  }
}

/** Write text made in chunks (a page of a large map) without holding all of it at once. */
async function writeChunks(handle: FileHandle, chunks: Iterable<string>): Promise<void> {
  for (const batch of inBatches(chunks)) {
    checkInterrupt();
    await handle.write(batch, null, 'utf8');
  }
}

/** Remove temporary files of writes still under way: for a signal handler, so synchronous. */
export function removePendingTempFiles(): void {
  for (const temp of pending) {
    try {
      unlinkSync(temp);
    } catch {
      // already gone
    }
  }
  pending.clear();
}
