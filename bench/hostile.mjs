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
  // Reads outside the project: refused by name, nothing of the target read.
  ['map file linking to a secret outside', (dir) => {
    writeFileSync(path.join(dir, 'secret'), 'TOKEN=abc\n');
    mkdirSync(path.join(dir, 'project'));
    mkdirSync(path.join(dir, 'project/arguments'));
    symlinkSync(path.join(dir, 'secret'), path.join(dir, 'project/arguments/npmrc.yaml'));
  }, ['validate', 'project/arguments', '--no-texts', '--config', 'project/riposte.config.yaml'], (dir) => writeFileSync(path.join(dir, 'project/riposte.config.yaml'), 'maps: [arguments]\n')],
  ['map file linking into .git', (dir) => {
    mkdirSync(path.join(dir, '.git'));
    mkdirSync(path.join(dir, 'arguments'));
    writeFileSync(path.join(dir, '.git/config'), '[http]\n\textraheader = AUTHORIZATION: basic c2VjcmV0\n');
    symlinkSync('../.git/config', path.join(dir, 'arguments/git.yaml'));
  }, ['validate', 'arguments', '--no-texts']],
  ['config maps outside the project', { 'riposte.config.yaml': 'maps: [/etc]\n' }, ['validate', '--no-texts']],
  ['config texts: /proc/self', { 'riposte.config.yaml': 'texts: /proc/self\n', 'arguments/a.yaml': `${HEAD}  text: environ\n` }, ['validate']],
  ['text linking to /dev/zero', (dir) => {
    mkdirSync(path.join(dir, 'texts'));
    symlinkSync('/dev/zero', path.join(dir, 'texts/t.txt'));
    mkdirSync(path.join(dir, 'arguments'));
    writeFileSync(path.join(dir, 'arguments/a.yaml'), `${HEAD}  text: t.txt\nclaims:\n  - {id: s.a, summary: x, quote: y}\n`);
  }, ['validate', 'arguments', '--texts', 'texts']],
  ['a FIFO as map file and as text', (dir) => {
    mkdirSync(path.join(dir, 'texts'));
    mkdirSync(path.join(dir, 'arguments'));
    spawnSync('mkfifo', [path.join(dir, 'texts/t.txt'), path.join(dir, 'arguments/pipe.yaml')]);
    writeFileSync(path.join(dir, 'arguments/a.yaml'), `${HEAD}  text: t.txt\nclaims:\n  - {id: s.a, summary: x, quote: y}\n`);
  }, ['validate', 'arguments', '--texts', 'texts']],
  ['20 MB text (limit 16 MB)', { 'texts/t.txt': 'word '.repeat(4 * 1024 * 1024), 'arguments/a.yaml': `${HEAD}  text: t.txt\nclaims:\n  - {id: s.a, summary: x, quote: y}\n` }, ['validate', 'arguments', '--texts', 'texts']],
  ['20 wrong 400-character quotes, 1 MB text', (dir) => {
    const words = readFileSync(path.join(root, 'README.md'), 'utf8').split(/\s+/);
    let text = '';
    for (let i = 0; text.length < 1024 * 1024; i++) text += words[(i * 7919) % words.length] + (i % 13 === 12 ? '.\n' : ' ');
    mkdirSync(path.join(dir, 'texts'));
    writeFileSync(path.join(dir, 'texts/t.txt'), text);
    const claims = Array.from({ length: 20 }, (_, i) => `  - id: s.q${i}\n    summary: x\n    quote: "${text.slice(1000 + i * 40_000, 1000 + i * 40_000 + 400).replace(/[\s"\\]+/g, ' ')}zz"\n`).join('');
    mkdirSync(path.join(dir, 'arguments'));
    writeFileSync(path.join(dir, 'arguments/a.yaml'), `${HEAD}  text: t.txt\nclaims:\n${claims}`);
  }, ['validate', 'arguments', '--texts', 'texts']],
  // Inputs that were slow or crashed: linear now.
  ['40,000-character word in a summary (tree)', { 'arguments/a.yaml': `${HEAD}claims:\n  - {id: s.a, summary: ${'x'.repeat(40_000)}, quote: y}\n` }, ['tree']],
  ['chain of 5,000 supports (tree)', { 'arguments/a.yaml': `${HEAD}claims:\n${Array.from({ length: 5000 }, (_, i) => `  - {id: s.c${i}, summary: Claim ${i}., quote: q${i > 0 ? `, supports: s.c${i - 1}` : ''}}\n`).join('')}` }, ['tree']],
  ['chain of 5,000 supports (tree --format json)', { 'arguments/a.yaml': `${HEAD}claims:\n${Array.from({ length: 5000 }, (_, i) => `  - {id: s.c${i}, summary: Claim ${i}., quote: q${i > 0 ? `, supports: s.c${i - 1}` : ''}}\n`).join('')}` }, ['tree', '-f', 'json']],
  ['dense: 2 x 150 claims rebutting all of the other (tree)', (dir) => {
    mkdirSync(path.join(dir, 'arguments'));
    for (const [me, other] of [['a', 'b'], ['b', 'a']]) {
      let text = `source:\n  id: ${me}\n  kind: letter\n  title: t\n  authors: [${me}]\n  date: 2024\nclaims:\n`;
      for (let i = 0; i < 150; i++) text += `  - id: ${me}.c${i}\n    summary: Claim ${i}.\n    quote: q\n    rebuts: [${Array.from({ length: 150 }, (_, j) => `${other}.c${j}`).join(', ')}]\n`;
      writeFileSync(path.join(dir, `arguments/${me}.yaml`), text);
    }
  }, ['tree']],
  ['50,000 one-claim files in a ring (unanswered)', (dir) => {
    mkdirSync(path.join(dir, 'arguments'));
    const n = 50_000;
    for (let i = 0; i < n; i++) {
      writeFileSync(path.join(dir, `arguments/f${i}.yaml`), `source:\n  id: s${i}\n  kind: letter\n  title: t\n  authors: [a]\n  date: 2024\nclaims:\n  - {id: s${i}.c, summary: x, quote: q, rebuts: s${(i + 1) % n}.c}\n`);
    }
  }, ['unanswered', 'arguments']],
  ['100,000 findings in one 3 MB file (stylish)', { 'm.yaml': `${HEAD}claims:\n${Array.from({ length: 100_000 }, (_, i) => `  - {id: s.c${i}, summary: x}\n`).join('')}` }, ['validate', 'm.yaml', '--no-texts']],
  ['100,000 findings in one 3 MB file (junit)', { 'm.yaml': `${HEAD}claims:\n${Array.from({ length: 100_000 }, (_, i) => `  - {id: s.c${i}, summary: x}\n`).join('')}` }, ['validate', 'm.yaml', '--no-texts', '-f', 'junit']],
  ['25,000 findings in one file (--verbose)', { 'm.yaml': `${HEAD}claims:\n${Array.from({ length: 25_000 }, (_, i) => `  - {id: s.c${i}, summary: x}\n`).join('')}` }, ['validate', 'm.yaml', '--no-texts', '--verbose']],
  ['fmt --write on an alias before its anchor', { 'arguments/a.yaml': 'x: &who Someone\nsource:\n  title: t\n  id: s\n  authors: [*who]\n' }, ['fmt', '--write', 'arguments']],
  ['100,000 map files (limit 50,000)', (dir) => {
    mkdirSync(path.join(dir, 'arguments'));
    for (let i = 0; i < 100_000; i++) writeFileSync(path.join(dir, 'arguments', `f${i}.yaml`), 'evidence: []\n');
  }, ['validate', 'arguments', '--max-files', '50000']],
];

const rows = [];
for (const [name, setup, args = ['validate', 'm.yaml', '--no-texts'], after] of cases) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'riposte-hostile-'));
  if (typeof setup === 'function') setup(dir);
  else for (const [file, content] of Object.entries(setup)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), content);
  }
  after?.(dir);
  const report = path.join(dir, '.time');
  const start = process.hrtime.bigint();
  const r = gnuTime
    ? spawnSync(gnuTime, ['-f', '%M', '-o', report, process.execPath, riposte, ...args], { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 30, timeout: 120_000 })
    : spawnSync(process.execPath, [riposte, ...args], { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 30, timeout: 120_000 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const mb = gnuTime ? Number(readFileSync(report, 'utf8').trim().split('\n').pop()) / 1024 : NaN;
  const firstLine = (r.stderr ?? '').split('\n').find((line) => /error|riposte:|not formatted/.test(line)) ?? '';
  const finding = (/ (\S+)$/.exec(firstLine.trim()) ?? [])[1] ?? '';
  const stdoutCode = (/"code": "([a-z-]+)"/.exec(r.stdout ?? '') ?? [])[1];
  const shown = firstLine.startsWith('riposte:') ? 'exit 2 message' : firstLine.includes('not formatted') ? 'not formatted' : finding || stdoutCode || '';
  rows.push({ name, exit: r.status, ms, mb, finding: shown, trace: /\n\s+at /.test(r.stderr ?? '') });
  chmodSync(dir, 0o700);
  rmSync(dir, { recursive: true, force: true });
}

// Output to a full disk: one line and exit 2, for a command and for --version.
for (const args of [['stats'], ['--version']]) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'riposte-hostile-'));
  writeFileSync(path.join(dir, 'a.yaml'), `${HEAD}claims:\n  - {id: s.a, summary: x, quote: y}\n`);
  const start = process.hrtime.bigint();
  const r = spawnSync('sh', ['-c', `"${process.execPath}" "${riposte}" ${args.join(' ')} ${args[0] === 'stats' ? 'a.yaml' : ''} > /dev/full`], { cwd: dir, encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  rows.push({ name: `${args.join(' ')} > /dev/full`, exit: r.status, ms, mb: NaN, finding: r.stderr.startsWith('riposte:') ? 'exit 2 message' : r.stderr.slice(0, 40), trace: /\n\s+at /.test(r.stderr) });
  rmSync(dir, { recursive: true, force: true });
}

console.log('| input | exit | finding | time | peak memory | stack trace |');
console.log('|---|---:|---|---:|---:|---|');
for (const r of rows) {
  console.log(`| ${r.name} | ${r.exit} | ${r.finding} | ${r.ms.toFixed(0)} ms | ${Number.isNaN(r.mb) ? 'n/a' : `${r.mb.toFixed(0)} MB`} | ${r.trace ? 'YES' : 'no'} |`);
}
