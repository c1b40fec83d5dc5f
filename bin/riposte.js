#!/usr/bin/env node
// Entry point. `--version` is answered here, before any module loads, so it costs no more than Node's start.
import { readFileSync } from 'node:fs';

const argv = process.argv.slice(2);

// Output that cannot be written: a reader that stops early (`riposte tree | head`, EPIPE) ends
// the run quietly, as Unix tools do; anything else (a full disk, ENOSPC; an I/O error) is one
// line on stderr and exit 2, never a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    if (stream === process.stdout) {
      try {
        process.stderr.write(`riposte: cannot write the output: ${error.code === 'ENOSPC' ? 'no space left on the device' : error.message}\n`);
      } catch {
        // stderr is gone too
      }
    }
    process.exit(2);
  });
}
if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
  const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  process.stdout.write(`${version}\n`);
} else {
  // Ctrl-C (and SIGTERM, SIGHUP: a CI job cancelled, a terminal closed): with no write under
  // way, stop at once. During a write, let it give up cleanly: it removes its temporary file,
  // so no target is ever half-written and nothing is left behind, and the run ends with
  // 128 + the signal's number. A second signal stops at once, removing what it can.
  const { requestInterrupt, removePendingTempFiles } = await import('../dist/io/atomic-write.js');
  for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]]) {
    process.on(signal, () => {
      if (!requestInterrupt(code)) process.exit(code);
      process.once(signal, () => {
        removePendingTempFiles();
        process.exit(code);
      });
    });
  }
  const { run } = await import('../dist/cli.js');
  const code = await run(argv, {
    stdout: process.stdout,
    stderr: process.stderr,
    cwd: process.cwd(),
    env: process.env,
    stdin: async () => {
      const chunks = [];
      for await (const chunk of process.stdin) chunks.push(chunk);
      return Buffer.concat(chunks).toString('utf8');
    },
    isTTY: process.stdout.isTTY === true,
    columns: process.stdout.columns,
  });
  // Let pending output drain before leaving.
  process.exitCode = code;
}
