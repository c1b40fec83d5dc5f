// npm run bench:hostile: time and peak memory of riposte on each kind of hostile input, so the
// claim "ends in a clear diagnostic within a second or two, in bounded memory" is measured.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const riposte = path.join(root, 'bin', 'riposte.js');
const gnuTime = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
const HEAD = 'source:\n  id: s\n  kind: letter\n  title: t\n  authors: [a]\n  date: 2024\n';

const bomb = (() => {
  let text = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n';
  for (let i = 0; i < 9; i++) {
    const [p, n] = [String.fromCharCode(97 + i), String.fromCharCode(98 + i)];
    text += `${n}: &${n} [${Array(9).fill(`*${p}`).join(',')}]\n`;
  }
  return text;
})();

/** Each case: files to write (or a function that builds the directory), and the command. */
const cases = [
  ['unclosed quote', { 'm.yaml': `${HEAD}claims:\n  - id: s.a\n    summary: "never closed\n` }],
  ['unclosed bracket', { 'm.yaml': `${HEAD}claims:\n  - id: s.a\n    tags: [a, b\n` }],
  ['bad indentation', { 'm.yaml': 'source:\n  id: s\n    kind: letter\n' }],
  ['tab indentation', { 'm.yaml': 'source:\n\tid: s\n' }],
  ['stray colon', { 'm.yaml': 'source:\n  id: s: t\n' }],
  ['duplicate keys (500)', { 'm.yaml': HEAD + '  kind: letter\n'.repeat(500) }],
  ['several documents', { 'm.yaml': `${HEAD}---\n${HEAD}` }],
  ['alias bomb', { 'm.yaml': bomb }],
  ['100,000-deep nesting', { 'm.yaml': `x: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n` }],
  ['20 MB scalar', { 'm.yaml': `${HEAD}claims:\n  - id: s.a\n    summary: "${'x'.repeat(20 * 1024 * 1024)}"\n` }],
  ['a million keys', { 'm.yaml': Array.from({ length: 1_000_000 }, (_, i) => `k${i}: 1`).join('\n') + '\n' }],
  ['5,000 keys in one mapping', { 'm.yaml': HEAD + Array.from({ length: 5000 }, (_, i) => `  k${i}: 1`).join('\n') + '\n' }],
  ['binary file', { 'm.yaml': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3, 255]) }],
  ['invalid UTF-8', { 'm.yaml': Buffer.from('source:\n  title: caf\xe9\n', 'latin1') }],
  ['UTF-16 with BOM', { 'm.yaml': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(HEAD, 'utf16le')]) }],
  ['UTF-16 without BOM', { 'm.yaml': Buffer.from(HEAD, 'utf16le') }],
  ['NUL byte', { 'm.yaml': `${HEAD}\0` }],
  ['scalar at the top', { 'm.yaml': 'just text\n' }],
  ['list at the top', { 'm.yaml': '- 1\n- 2\n' }],
  ['__proto__ / constructor keys', { 'm.yaml': `__proto__:\n  polluted: yes\nconstructor: 1\n${HEAD}` }],
  ['non-string key', { 'm.yaml': '? [a, b]\n: c\n' }],
  ['!!js/function tag', { 'm.yaml': `${HEAD}claims:\n  - id: s.a\n    summary: !!js/function "function () {}"\n` }],
  ['number where text is expected', { 'm.yaml': HEAD.replace('title: t', 'title: 12') }],
  ['missing path', {}, ['validate', 'nowhere']],
  ['directory without map files', { 'empty/readme.txt': 'x' }, ['validate', 'empty']],
  ['symbolic link loop', (dir) => {
    mkdirSync(path.join(dir, 'arguments'));
    symlinkSync('b.yaml', path.join(dir, 'arguments/a.yaml'));
    symlinkSync('a.yaml', path.join(dir, 'arguments/b.yaml'));
  }, ['validate', 'arguments']],
  ['dangling symbolic link', (dir) => {
    mkdirSync(path.join(dir, 'arguments'));
    symlinkSync('nowhere.yaml', path.join(dir, 'arguments/a.yaml'));
  }, ['validate', 'arguments']],
  ['control characters in a file name', { 'arguments/esc\u001b[31m.yaml': 'source:\n  id: x\n' }, ['validate', 'arguments']],
  ['100,000 map files (limit 50,000)', (dir) => {
    mkdirSync(path.join(dir, 'arguments'));
    for (let i = 0; i < 100_000; i++) writeFileSync(path.join(dir, 'arguments', `f${i}.yaml`), 'evidence: []\n');
  }, ['validate', 'arguments', '--max-files', '50000']],
];

const rows = [];
for (const [name, setup, args = ['validate', 'm.yaml', '--no-texts']] of cases) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'riposte-hostile-'));
  if (typeof setup === 'function') setup(dir);
  else for (const [file, content] of Object.entries(setup)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), content);
  }
  const report = path.join(dir, '.time');
  const start = process.hrtime.bigint();
  const r = gnuTime
    ? spawnSync(gnuTime, ['-f', '%M', '-o', report, process.execPath, riposte, ...args], { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 28 })
    : spawnSync(process.execPath, [riposte, ...args], { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 28 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const mb = gnuTime ? Number(readFileSync(report, 'utf8').trim().split('\n').pop()) / 1024 : NaN;
  const firstLine = r.stderr.split('\n').find((line) => /error|riposte:/.test(line)) ?? '';
  const finding = (/ (\S+)$/.exec(firstLine.trim()) ?? [])[1] ?? '';
  rows.push({ name, exit: r.status, ms, mb, finding: firstLine.startsWith('riposte:') ? 'exit 2 message' : finding, trace: /\n\s+at /.test(r.stderr) });
  chmodSync(dir, 0o700);
  rmSync(dir, { recursive: true, force: true });
}

console.log('| input | exit | finding | time | peak memory | stack trace |');
console.log('|---|---:|---|---:|---:|---|');
for (const r of rows) {
  console.log(`| ${r.name} | ${r.exit} | ${r.finding} | ${r.ms.toFixed(0)} ms | ${Number.isNaN(r.mb) ? 'n/a' : `${r.mb.toFixed(0)} MB`} | ${r.trace ? 'YES' : 'no'} |`);
}
