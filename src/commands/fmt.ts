import path from 'node:path';
import { InputError, describeFsError, discoverMapFiles } from '../load/discover.js';
import { messageOf } from '../diagnostics.js';
import { readMapFile } from '../load/read.js';
import { safeInline, safeText } from '../render/sanitize.js';
import { EXIT, type CommandContext } from './context.js';
import { limitsOf, type LimitOptions } from './options.js';

export interface FmtOptions extends LimitOptions {
  check?: boolean;
  write?: boolean;
  config?: string;
  /** Of the files named, only those in the config's maps (for hooks that pass every changed *.yml). */
  onlyMaps?: boolean;
  ignorePattern?: string[];
}

/**
 * Put map files in canonical form. Prints the result of one file by default; --check lists
 * the files that would change (exit 1 if any); --write rewrites them atomically. A file that
 * does not parse is reported and left untouched.
 */
export async function fmtCommand(ctx: CommandContext, paths: string[], options: FmtOptions): Promise<number> {
  if (options.check && options.write) {
    ctx.io.stderr.write('riposte: --check and --write exclude each other\n');
    return EXIT.usage;
  }
  const { loadConfig, resolveLimits } = await import('../load/config.js');
  const config = await loadConfig(ctx.cwd, options.config);
  const limits = resolveLimits(config, limitsOf(options));
  const { projectScope } = await import('../load/scope.js');
  const scope = projectScope(config.root, paths, ctx.cwd);
  let files = await discoverMapFiles(paths.length > 0 ? paths : config.maps, ctx.cwd, limits.maxFiles, scope);
  const { runIgnoreTest } = await import('../load/ignore.js');
  const ignored = runIgnoreTest(config.ignore, options.ignorePattern, ctx.cwd);
  if (ignored) files = files.filter((file) => !ignored(file));
  if (options.onlyMaps && paths.length > 0) {
    const { onlyMapFiles } = await import('../load/discover.js');
    files = await onlyMapFiles(files, config.maps, ctx.cwd, limits.maxFiles, scope);
    if (files.length === 0) return EXIT.ok; // nothing of the map was named: nothing to do
  }
  if (!options.check && !options.write && files.length !== 1) {
    ctx.io.stderr.write(`riposte: ${files.length} files to format: give --check to list those that would change, or --write to rewrite them\n`);
    return EXIT.usage;
  }
  const { formatMapText } = await import('../fmt/canonical.js');
  const { writeFileAtomic, isInterrupted, UnsafeWriteError } = await import('../io/atomic-write.js');
  let unparsable = 0;
  let unreadable = 0;
  let changed = 0;
  for (const file of files) {
    // The same checks as every other command: a link out of the project is neither read nor written.
    const read = readMapFile(file, path.resolve(ctx.cwd, file), limits.maxFileBytes, scope);
    const result = read.ok ? formatMapText(read.text, limits) : { ok: false as const, reason: messageOf(read.finding) };
    if (!result.ok) {
      unparsable++;
      if (!read.ok && read.io) unreadable++;
      ctx.io.stderr.write(`${safeInline(file)}: not formatted: ${safeInline(result.reason)} (riposte validate shows the problem)\n`);
      continue;
    }
    if (!options.check && !options.write) {
      // To a terminal, like every other output, with no raw control or bidi character of the file's.
      ctx.io.stdout.write(ctx.io.isTTY ? safeText(result.text) : result.text);
      continue;
    }
    if (!result.changed) continue;
    changed++;
    if (options.check) {
      ctx.io.stderr.write(`${safeInline(file)}: not in canonical form\n`);
    } else {
      const { real, bytes } = read as { real: string; bytes: Uint8Array };
      try {
        // Through a link to its target (inside the project, as reading checked), not over the
        // link; and only if the file still holds what was formatted.
        await writeFileAtomic(real, result.text, { expected: bytes });
      } catch (error) {
        if (isInterrupted(error)) throw error;
        if (error instanceof UnsafeWriteError) {
          unparsable++;
          ctx.io.stderr.write(`${safeInline(file)}: not written: ${error.message}\n`);
          continue;
        }
        throw new InputError(`cannot write ${file}: ${describeFsError(error, file)}`, file);
      }
      ctx.io.stderr.write(`${safeInline(file)}: formatted\n`);
    }
  }
  if (options.check) {
    const plural = (n: number): string => `${n} file${n === 1 ? '' : 's'}`;
    const refused = unparsable > 0 ? `; ${plural(unparsable)} could not be formatted` : '';
    ctx.io.stderr.write(changed === 0 ? `${plural(files.length - unparsable)} in canonical form${refused}\n` : `${plural(changed)} would change: run riposte fmt --write${refused}\n`);
  }
  // One rule with validate: a file that cannot be read is exit 2, one that cannot be formatted exit 1.
  if (unreadable > 0) return EXIT.usage;
  return unparsable > 0 || (options.check && changed > 0) ? EXIT.findings : EXIT.ok;
}
