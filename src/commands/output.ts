import type { CommandContext } from './context.js';

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
