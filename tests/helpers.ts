import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll } from 'vitest';
import { run } from '../src/cli.js';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const fixtures = path.join(repoRoot, 'tests', 'fixtures');
export const fixtureTexts = path.join(fixtures, 'texts');
export const seeds = path.resolve(repoRoot, '..', 'shared', 'seeds');
export const bin = path.join(repoRoot, 'bin', 'riposte.js');

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Run the CLI in this process, capturing its output. */
export async function runCli(
  args: string[],
  options: { cwd?: string; env?: Record<string, string | undefined>; isTTY?: boolean; columns?: number } = {},
): Promise<RunResult> {
  let stdout = '';
  let stderr = '';
  const code = await run(args, {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    cwd: options.cwd ?? repoRoot,
    env: options.env ?? {},
    ...(options.isTTY !== undefined ? { isTTY: options.isTTY } : {}),
    ...(options.columns !== undefined ? { columns: options.columns } : {}),
  });
  return { code, stdout, stderr };
}

/** Run the real executable as a child process (needs `npm run build`). */
export function runBin(args: string[], options: { cwd?: string; env?: Record<string, string>; input?: string } = {}): RunResult {
  const result = spawnSync(process.execPath, [bin, ...args], {
    input: options.input ?? '',
    cwd: options.cwd ?? repoRoot,
    env: { PATH: process.env.PATH ?? '', ...options.env },
    encoding: 'utf8',
    timeout: 30_000,
    maxBuffer: 256 * 1024 * 1024,
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** A temporary directory holding `files` (path -> content); removed after the test file. */
export function tempDir(files: Record<string, string | Uint8Array> = {}): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'riposte-test-'));
  made.push(dir);
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(dir, name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
  return dir;
}

/**
 * Codes about links, file types and permissions: git cannot carry such fixtures portably,
 * so tests/confinement.test.ts makes each on disk and checks it covers all of them.
 */
export const FILE_SYSTEM_CODES = ['path-outside-project', 'not-regular-file', 'broken-link', 'unreadable-file', 'invalid-file-name'] as const;

export interface Expected {
  file: string;
  line: number;
  code: string;
}

/**
 * Expected diagnostics of a fixture directory, read from `# expect: code[, code]` comments:
 * each names the codes reported on its own line.
 */
export function expectationsOf(dir: string): Expected[] {
  const expected: Expected[] = [];
  for (const name of readdirSync(dir).sort()) {
    if (!/\.ya?ml$/.test(name)) continue;
    const lines = readFileSync(path.join(dir, name), 'utf8').split('\n');
    lines.forEach((text, index) => {
      const match = /#\s*expect:\s*([a-z-]+(?:\s*,\s*[a-z-]+)*)/.exec(text);
      if (!match) return;
      // A comment alone on its line describes the line above it (an empty file has none).
      const alone = /^\s*#/.test(text);
      const line = alone ? Math.max(1, index) : index + 1;
      for (const code of match[1]!.split(',')) expected.push({ file: name, line, code: code.trim() });
    });
  }
  return expected.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.code.localeCompare(b.code));
}
