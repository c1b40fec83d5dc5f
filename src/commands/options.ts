import type { CheckOptions } from '../api.js';
import type { Limits } from '../load/config.js';
import type { CommandContext } from './context.js';

// The flags every command that reads a map shares, and what they make of a check.

export interface LimitOptions {
  maxFileSize?: number;
  maxDepth?: number;
  maxKeys?: number;
  maxAliases?: number;
  maxFiles?: number;
  maxTextSize?: number;
}

/** Limits given as flags, in the units the loader takes. */
export function limitsOf(options: LimitOptions): Partial<Limits> {
  const limits: Partial<Limits> = {};
  if (options.maxFileSize !== undefined) limits.maxFileBytes = Math.round(options.maxFileSize * 1024 * 1024);
  if (options.maxDepth !== undefined) limits.maxDepth = options.maxDepth;
  if (options.maxKeys !== undefined) limits.maxKeys = options.maxKeys;
  if (options.maxAliases !== undefined) limits.maxAliasCount = options.maxAliases;
  if (options.maxFiles !== undefined) limits.maxFiles = options.maxFiles;
  if (options.maxTextSize !== undefined) limits.maxTextBytes = Math.round(options.maxTextSize * 1024 * 1024);
  return limits;
}

export interface CommonOptions extends LimitOptions {
  color?: boolean;
  /** A texts directory, or false for --no-texts (no quote checks). */
  texts?: string | false;
  config?: string;
  /** --ignore-pattern: map files to leave out, relative to the working directory. */
  ignorePattern?: string[];
}

export function checkOptions(ctx: CommandContext, options: CommonOptions & { strict?: boolean }): CheckOptions {
  return {
    cwd: ctx.cwd,
    ...(options.texts !== undefined ? { texts: options.texts } : {}),
    ...(options.config !== undefined ? { config: options.config } : {}),
    strict: options.strict ?? false,
    limits: limitsOf(options),
    ...(options.ignorePattern ? { ignore: options.ignorePattern } : {}),
  };
}
