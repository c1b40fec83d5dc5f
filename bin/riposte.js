#!/usr/bin/env node
// Entry point. `--version` is answered here, before any module loads, so it costs no more than Node's start.
import { readFileSync } from 'node:fs';

const argv = process.argv.slice(2);
if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
  const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  process.stdout.write(`${version}\n`);
} else {
  // Ctrl-C during a write: remove the temporary file; the target file is never half-written.
  process.once('SIGINT', async () => {
    const { removePendingTempFiles } = await import('../dist/io/atomic-write.js');
    removePendingTempFiles();
    process.exit(130);
  });
  const { run } = await import('../dist/cli.js');
  const code = await run(argv, {
    stdout: process.stdout,
    stderr: process.stderr,
    cwd: process.cwd(),
    env: process.env,
    isTTY: process.stdout.isTTY === true,
    columns: process.stdout.columns,
  });
  // Let pending output drain before leaving.
  process.exitCode = code;
}
