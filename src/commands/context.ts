import type { Diagnostic } from '../diagnostics.js';

// What every command is given (its streams and the run's policies) and how a run ends.

/**
 * Where a command writes. A Node stream also says when its buffer is full (`write` returns
 * false) and when it has drained: streamed output then waits for the reader.
 */
export interface OutputStream {
  write(text: string): unknown;
  once?(event: 'drain', listener: () => void): unknown;
}

export interface CliIo {
  stdout: OutputStream;
  stderr: { write(text: string): unknown };
  cwd?: string;
  env?: Record<string, string | undefined>;
  /** All of standard input, for commands that read a file from it (`validate --stdin`). */
  stdin?: () => Promise<string>;
  /** Whether stdout is a terminal, and its width. */
  isTTY?: boolean;
  columns?: number;
}

/** Exit codes: 130 is the shell's code for a run ended by Ctrl-C (128 + SIGINT). */
export const EXIT = { ok: 0, findings: 1, usage: 2, interrupted: 130 } as const;

/** What every command gets: where to write, and the decisions that depend on the terminal. */
export interface CommandContext {
  io: CliIo;
  cwd: string;
  version: string;
  /** Colour for this command's options: --color/--no-color, then NO_COLOR, FORCE_COLOR, a TTY. */
  color(options: { color?: boolean }): boolean;
  /** Columns to wrap to: --width, else the terminal's, else 80. */
  width(given: number | undefined): number;
}

export function makeContext(io: CliIo, version: string): CommandContext {
  const env = io.env ?? {};
  return {
    io,
    cwd: io.cwd ?? '.',
    version,
    color(options) {
      if (options.color !== undefined) return options.color;
      if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
      if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0') return true;
      return io.isTTY === true;
    },
    width: (given) => given ?? (io.isTTY && io.columns ? io.columns : 80),
  };
}

/**
 * The exit code of a run's findings: 2 when a file could not be read (the machine's problem,
 * as for a missing path), 1 for any other error (or warning, with --fail-on warning), else 0.
 */
export function findingsExit(diagnostics: readonly Diagnostic[], failOn: 'error' | 'warning' = 'error'): number {
  let exit: number = EXIT.ok;
  for (const d of diagnostics) {
    if (d.code === 'unreadable-file') return EXIT.usage;
    if (d.severity === 'error' || failOn === 'warning') exit = EXIT.findings;
  }
  return exit;
}
