import { once, type EventEmitter } from 'node:events';
import type { CommandContext, OutputStream } from './context.js';

/**
 * Write streamed output as the reader takes it. A pipe's buffer (`riposte tree | less`, a CI
 * log) grows without bound while a slower reader lags: when a write finds it full, the next
 * chunk is made only once it has drained, so the whole report is never held in memory.
 */
export async function writeChunks(stream: OutputStream, chunks: Iterable<string>): Promise<void> {
  for (const chunk of chunks) {
    if (stream.write(chunk) === false && stream.once) await drained(stream);
  }
}

/** Until the stream drains or closes (the reader went away); an 'error' ends the wait as a rejection. Never waits forever. */
async function drained(stream: OutputStream): Promise<void> {
  const emitter = stream as unknown as EventEmitter;
  const ac = new AbortController();
  try {
    await Promise.race([once(emitter, 'drain', { signal: ac.signal }), once(emitter, 'close', { signal: ac.signal })]);
  } finally {
    ac.abort();
  }
}

/**
 * Write a command's output file atomically (its directory made if missing): a reader never
 * sees half a file, and an interrupted run leaves the old one. Errors say which file and why.
 */
export async function writeOutputFile(ctx: CommandContext, output: string, text: string | Iterable<string>, what: string): Promise<void> {
  const [path, { mkdir }, { writeFileAtomic, isInterrupted }, { describeFsError, InputError }] = await Promise.all([
    import('node:path'),
    import('node:fs/promises'),
    import('../io/atomic-write.js'),
    import('../load/discover.js'),
  ]);
  const target = path.resolve(ctx.cwd, output);
  try {
    await mkdir(path.dirname(target), { recursive: true });
    await writeFileAtomic(target, text);
  } catch (error) {
    if (isInterrupted(error)) throw error;
    throw new InputError(`cannot write the ${what}: ${describeFsError(error, output)}`, output);
  }
}
