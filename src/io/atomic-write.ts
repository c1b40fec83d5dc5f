import { randomBytes } from 'node:crypto';
import { unlinkSync } from 'node:fs';
import { open, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';

/** Temporary files being written, so an interrupted run can remove them (see bin/riposte.js). */
const pending = new Set<string>();
let interrupted = false;

/** A write given up because the user interrupted the run (Ctrl-C). */
export class InterruptedError extends Error {
  constructor() {
    super('interrupted');
    this.name = 'InterruptedError';
  }
}

/**
 * Ask writes to stop: a write under way removes its temporary file and throws
 * InterruptedError at its next step, and no new write starts. Returns whether any write
 * was under way (if none, the caller may exit at once).
 */
export function requestInterrupt(): boolean {
  interrupted = true;
  return pending.size > 0;
}

export function isInterrupted(error: unknown): boolean {
  return error instanceof InterruptedError;
}

const checkInterrupt = (): void => {
  if (interrupted) throw new InterruptedError();
};

/**
 * Write `content` to `file` atomically: into a temporary file in the same directory, flushed
 * to disk, then renamed over the target. Readers see the old file or the new one, never half
 * of either; an existing file keeps its permissions.
 */
export async function writeFileAtomic(file: string, content: string): Promise<void> {
  const dir = path.dirname(file);
  const temp = path.join(dir, `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  let mode: number | undefined;
  try {
    mode = (await stat(file)).mode & 0o7777;
  } catch {
    // a new file: default permissions
  }
  checkInterrupt();
  pending.add(temp);
  try {
    const handle = await open(temp, 'wx', mode ?? 0o644);
    try {
      checkInterrupt();
      await handle.writeFile(content, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
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
