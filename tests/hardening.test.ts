import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { bin, fixtureTexts, runBin, runCli, tempDir, type RunResult } from './helpers.js';

const HEAD = 'source:\n  id: s\n  kind: letter\n  title: t\n  authors: [a]\n  date: 2024\n';

/** A clean failure: the exit code asked for, no stack trace, no internal error. */
function expectCleanFailure(r: RunResult, code: number): void {
  expect(r.code, r.stderr).toBe(code);
  expect(r.stderr).not.toMatch(/\n\s+at .*:\d+:\d+/);
  expect(r.stderr).not.toContain('internal error');
}

/** The codes of `validate --format json` for one file's content. */
function codesOf(content: string | Uint8Array, ...args: string[]): { r: RunResult; diagnostics: { code: string; line: number; column: number; message: string; args: { problem: { size: number } } & Record<string, unknown> }[] } {
  const dir = tempDir({ 'm.yaml': content });
  const r = runBin(['validate', 'm.yaml', '--no-texts', '-f', 'json', ...args], { cwd: dir });
  return { r, diagnostics: r.stdout ? JSON.parse(r.stdout).diagnostics : [] };
}

describe('YAML syntax errors end in a diagnostic with file, line and column', () => {
  it.each([
    ['an unclosed quote', `${HEAD}claims:\n  - id: s.a\n    summary: "never closed\n`, 9, 14],
    ['an unclosed bracket', `${HEAD}claims:\n  - id: s.a\n    tags: [a, b\n    summary: x\n`, 10, 5],
    ['bad indentation', 'source:\n  id: s\n    kind: letter\n', 2, 7],
    ['a tab used for indentation', 'source:\n\tid: s\n', 2, 1],
    ['a stray colon', 'source:\n  id: s: t\n', 2, 7],
  ])('%s', (_name, content, line, column) => {
    const { r, diagnostics } = codesOf(content);
    expectCleanFailure(r, 1);
    // One mistake, one finding, with something to do about it.
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ code: 'yaml-syntax', line, column, message: expect.stringMatching(/; \S/) });
  });

  it('a duplicate key, reported at the second key, while the rest of the file is still checked', () => {
    const { r, diagnostics } = codesOf(`${HEAD}  kind: reply\nclaims:\n  - id: s.a\n    summray: x\n    quote: y\n`);
    expectCleanFailure(r, 1);
    // The misspelt 'summray' is one mistake: no second finding for the missing 'summary'.
    expect(diagnostics.map((d) => [d.code, d.line])).toEqual([
      ['duplicate-key', 7],
      ['unknown-key', 10],
    ]);
  });

  it('several documents in one file: refused, at the second document', () => {
    const { r, diagnostics } = codesOf(`${HEAD}---\n${HEAD}`);
    expectCleanFailure(r, 1);
    expect(diagnostics).toMatchObject([{ code: 'yaml-syntax', line: 7, args: { why: 'second-document' } }]);
  });
});

describe('resource attacks end fast, in a diagnostic, within the limits', () => {
  it('an alias bomb ("billion laughs")', () => {
    let bomb = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n';
    for (let i = 0; i < 9; i++) {
      const [p, n] = [String.fromCharCode(97 + i), String.fromCharCode(98 + i)];
      bomb += `${n}: &${n} [${Array(9).fill(`*${p}`).join(',')}]\n`;
    }
    const { r, diagnostics } = codesOf(bomb);
    expectCleanFailure(r, 1);
    expect(diagnostics.map((d) => d.code)).toEqual(['unsupported-yaml']);
  });

  it('100,000-deep flow nesting', () => {
    const { r, diagnostics } = codesOf(`x: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`);
    expectCleanFailure(r, 1);
    expect(diagnostics).toMatchObject([{ code: 'limit-exceeded', line: 1 }]);
  });

  it('deep block nesting, and the limit can be raised', () => {
    const deep = Array.from({ length: 100 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n') + ' 1\n';
    expect(codesOf(deep).diagnostics.map((d) => d.code)).toEqual(['limit-exceeded']);
    // Raised, the file parses and is merely not a map.
    expect(codesOf(deep, '--max-depth', '200').diagnostics.map((d) => d.code)).toEqual(['unknown-key']);
  });

  it('a 20 MB scalar: refused by size without being read, unless the limit is raised', () => {
    const big = `${HEAD}claims:\n  - id: s.a\n    summary: "${'x'.repeat(20 * 1024 * 1024)}"\n    quote: q\n`;
    const { r, diagnostics } = codesOf(big);
    expectCleanFailure(r, 1);
    // Not read, so no position: the finding is about the file as a whole.
    expect(diagnostics).toMatchObject([{ code: 'limit-exceeded', line: 0, column: 0, args: { why: 'file', problem: { why: 'too-large', limit: 4 * 1024 * 1024, option: '--max-file-size' } } }]);
    expect(diagnostics[0]!.args.problem.size).toBeGreaterThan(20 * 1024 * 1024);
    expect(diagnostics[0]!.message).toContain('over the limit of 4.0 MB');
    const raised = codesOf(big, '--max-file-size', '32');
    expect(raised.r.code).toBe(0);
  });

  it('a million keys in one file', () => {
    const keys = Array.from({ length: 1_000_000 }, (_, i) => `k${i}: 1`).join('\n');
    const { r, diagnostics } = codesOf(`${keys}\n`);
    expectCleanFailure(r, 1);
    expect(diagnostics.map((d) => d.code)).toEqual(['limit-exceeded']);
  });

  it('thousands of keys in one mapping: one finding, not one per key; the limit can be raised', () => {
    const keys = Array.from({ length: 5000 }, (_, i) => `  k${i}: 1`).join('\n');
    const { r, diagnostics } = codesOf(`${HEAD}${keys}\n`);
    expectCleanFailure(r, 1);
    expect(diagnostics).toMatchObject([{ code: 'limit-exceeded', args: { why: 'keys', count: 5005, max: 1000, at: '/source' } }]);
    expect(codesOf(`${HEAD}${keys}\n`, '--max-keys', '10000').diagnostics).toHaveLength(5000);
  });

  it('150,000 claims in one file: each finding reported and each claim listed (no list is spread into a call)', async () => {
    const claims = Array.from({ length: 150_000 }, (_, i) => `  - {id: s.c${i}, summary: x}`).join('\n');
    const dir = tempDir({ 'riposte.config.yaml': 'maps: [arguments]\n', 'arguments/s.yaml': `${HEAD}claims:\n${claims}\n` });
    for (const format of ['stylish', 'json']) {
      const r = await runCli(['validate', '--no-texts', '--max-file-size', '64', '--format', format], { cwd: dir });
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).not.toContain('internal error');
      const found = format === 'json' ? (JSON.parse(r.stdout) as { diagnostics: { code: string }[] }).diagnostics : r.stdout.split('\n').filter((line) => line.endsWith('missing-quote'));
      expect(found).toHaveLength(150_000);
    }
    // A table of every claim: its columns are as wide as the widest cell.
    const status = await runCli(['status', '--max-file-size', '64'], { cwd: dir });
    expect(status.code, status.stderr).toBe(0);
    expect(status.stdout.split('\n').filter((line) => /^s\.c\d+ /.test(line))).toHaveLength(150_000);
  }, 90_000);

  it('thousands of duplicate keys are found in linear time', () => {
    const keys = Array.from({ length: 500 }, () => '  kind: letter').join('\n');
    const { r, diagnostics } = codesOf(`${HEAD}${keys}\n`);
    expectCleanFailure(r, 1);
    expect(diagnostics.filter((d) => d.code === 'duplicate-key')).toHaveLength(500);
  });

  it('more map files than the limit: exit 2 before reading them', () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 300; i++) files[`arguments/f${i}.yaml`] = `evidence:\n  - {id: e${i}, kind: study, title: t}\n`;
    const dir = tempDir(files);
    const r = runBin(['validate', 'arguments', '--max-files', '200'], { cwd: dir });
    expectCleanFailure(r, 2);
    expect(r.stderr).toContain('more than 200 map files');
    expect(runBin(['validate', 'arguments', '--no-texts'], { cwd: dir }).code).toBe(0);
  });

  it('limits come from the config file too, and a bad limit is a usage error', () => {
    const deep = Array.from({ length: 100 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n') + ' 1\n';
    const dir = tempDir({ 'm.yaml': deep, 'riposte.config.yaml': 'limits:\n  max_depth: 200\n' });
    expect(JSON.parse(runBin(['validate', 'm.yaml', '-f', 'json'], { cwd: dir }).stdout).diagnostics.map((d: { code: string }) => d.code)).toEqual(['unknown-key']);
    const bad = tempDir({ 'm.yaml': deep, 'riposte.config.yaml': 'limits:\n  max_dpeth: 200\n' });
    const r = runBin(['validate', 'm.yaml'], { cwd: bad });
    expectCleanFailure(r, 2);
    expect(r.stderr).toContain("unknown limit 'max_dpeth'");
  });
});

describe('bytes that are not YAML', () => {
  it.each([
    ['a binary file', Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3, 255]), { why: 'nul', offset: 4 }],
    ['invalid UTF-8', Buffer.from('source:\n  title: caf\xe9\n', 'latin1'), { why: 'not-utf8' }],
    ['UTF-16 with a BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(HEAD, 'utf16le')]), { why: 'utf16' }],
    ['UTF-16 without a BOM', Buffer.from(HEAD, 'utf16le'), { why: 'utf16' }],
    ['a NUL byte in text', Buffer.from(`${HEAD}\0`), { why: 'nul', offset: Buffer.byteLength(HEAD) }],
  ])('%s', (_name, bytes, problem) => {
    const { r, diagnostics } = codesOf(bytes);
    expectCleanFailure(r, 1);
    expect(diagnostics).toMatchObject([{ code: 'yaml-syntax', line: 1, column: 1, args: { why: 'file', problem } }]);
  });

  it('a UTF-8 byte order mark is fine', () => {
    const { r } = codesOf(`\ufeff${HEAD}`);
    expect(r.code).toBe(0);
  });
});

describe('wrong shapes', () => {
  it.each([
    ['a scalar at the top', 'just text\n', 'wrong-type'],
    ['a list at the top', '- 1\n- 2\n', 'wrong-type'],
    ['a non-string key', '? [a, b]\n: c\n', 'unsupported-yaml'],
    ['a number where text is expected', `${HEAD.replace('title: t', 'title: 12')}`, 'wrong-type'],
    ['a YAML tag', `${HEAD}claims:\n  - id: s.a\n    summary: !!js/function "function () {}"\n`, 'unsupported-yaml'],
  ])('%s', (_name, content, code) => {
    const { r, diagnostics } = codesOf(content);
    expectCleanFailure(r, 1);
    expect(diagnostics.map((d) => d.code)).toContain(code);
  });

  it('__proto__, constructor and prototype keys are unknown keys and pollute nothing', async () => {
    const content = `__proto__:\n  polluted: yes\nconstructor:\n  prototype:\n    polluted: yes\nprototype: 2\n${HEAD}claims:\n  - id: s.a\n    summary: x\n    __proto__: {polluted: yes}\n`;
    const dir = tempDir({ 'm.yaml': content, 'n.yaml': `__proto__: {polluted: yes}\n` });
    const r = await runCli(['validate', '.', '--no-texts', '-f', 'json'], { cwd: dir });
    expect(r.code).toBe(1);
    const codes = JSON.parse(r.stdout).diagnostics.map((d: { code: string; args: { key?: string } }) => `${d.code} ${d.args.key}`);
    expect(codes).toEqual(
      expect.arrayContaining(['unknown-key __proto__', 'unknown-key constructor', 'unknown-key prototype']),
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    // The same through the tree and unanswered commands, which build the graph.
    const clean = tempDir({ 'm.yaml': `${HEAD}claims:\n  - id: s.a\n    summary: x\n` });
    await runCli(['tree', '.'], { cwd: clean });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('one YAML semantics', () => {
  it.each([
    ['a %YAML 1.1 directive with yes as a title', `%YAML 1.1\n---\n${HEAD.replace('title: t', 'title: yes')}`],
    ['the same with an anchor (which sends the file to the other parser)', `%YAML 1.1\n---\n${HEAD.replace('title: t', 'title: yes').replace('id: s', 'id: &i s')}`],
  ])('%s: refused at the directive, the rest read as YAML 1.2', (_name, content) => {
    const { r, diagnostics } = codesOf(content);
    expectCleanFailure(r, 1);
    expect(diagnostics).toMatchObject([{ code: 'unsupported-yaml', line: 1, column: 1, args: { why: 'yaml-directive', version: '1.1' } }]);
  });

  it('merge keys apply under no directive and no parser: with or without an alias, with or without %YAML 1.1', () => {
    const merged = (prefix: string) => codesOf(`${prefix}base: &b {kind: letter, title: t, authors: [a]}\nsource:\n  <<: *b\n  id: s\n  date: 2024\n`).diagnostics.map((d) => d.code).filter((c) => c !== 'unsupported-yaml');
    const inline = codesOf('source:\n  <<: {kind: letter, title: t, authors: [a]}\n  id: s\n  date: 2024\n').diagnostics.map((d) => d.code);
    expect(merged('%YAML 1.1\n---\n')).toEqual(merged(''));
    expect(inline).toContain('unknown-key');
    expect(merged('')).toContain('unknown-key');
  });
});

describe('look-alike quotes say what differs', () => {
  const textOf = (quote: string, text: string) => {
    const dir = tempDir({ 'texts/t.txt': text, 'm.yaml': `${HEAD}  text: t.txt\nclaims:\n  - id: s.a\n    summary: x\n    quote: "${quote}"\n` });
    const r = runBin(['validate', 'm.yaml', '--texts', 'texts', '-f', 'json'], { cwd: dir });
    return { r, diagnostics: JSON.parse(r.stdout).diagnostics as { code: string; hint?: string }[] };
  };

  it('a quote with decomposed accents (NFD) matches a text with composed ones (NFC), and the other way round', () => {
    const nfc = 'La Commission européenne a répondu.';
    expect(textOf(nfc.normalize('NFD'), `${nfc}\n`).r.code).toBe(0);
    expect(textOf(nfc, `${nfc.normalize('NFD')}\n`).r.code).toBe(0);
  });

  it('a zero-width space in a quote: not found, and the hint names the code point', () => {
    const { r, diagnostics } = textOf('The proposal is technology\u200b neutral.', 'The proposal is technology neutral.\n');
    expect(r.code).toBe(1);
    expect(diagnostics[0]!.hint).toContain('U+200B in the quote');
  });

  it('a different look-alike letter (Cyrillic a): the hint names both characters', () => {
    const { diagnostics } = textOf('The propos\u0430l is neutral.', 'The proposal is neutral.\n');
    expect(diagnostics[0]!.hint).toContain("first difference at character 11 of the quote: 'а' (U+0430) in the quote, 'a' in the text");
  });

  it('a text in Latin-1 or UTF-16 is named as such; CR-only line ends are line ends', () => {
    expect(textOf('caf', Buffer.from('caf\xe9 au lait\n', 'latin1') as unknown as string).diagnostics).toMatchObject([{ code: 'text-encoding' }]);
    expect(textOf('word-wrapped line', 'a word-\rwrapped line\r').r.code).toBe(0);
  });
});

describe('the file system', () => {
  it('a symbolic link loop and a dangling link inside a map directory: a finding each, and the rest is checked', () => {
    const dir = tempDir({ 'arguments/a.yaml': `${HEAD}  bogus: 1\n` });
    symlinkSync('loop-b.yaml', path.join(dir, 'arguments/loop-a.yaml'));
    symlinkSync('loop-a.yaml', path.join(dir, 'arguments/loop-b.yaml'));
    symlinkSync('nowhere.yaml', path.join(dir, 'arguments/gone.yaml'));
    const r = runBin(['validate', 'arguments', '--no-texts', '-f', 'json'], { cwd: dir });
    expectCleanFailure(r, 1);
    const found = JSON.parse(r.stdout).diagnostics.map((d: { file: string; code: string }) => [d.file, d.code]);
    expect(found).toEqual([
      ['arguments/a.yaml', 'unknown-key'],
      ['arguments/gone.yaml', 'broken-link'],
      ['arguments/loop-a.yaml', 'broken-link'],
      ['arguments/loop-b.yaml', 'broken-link'],
    ]);
    const text = runBin(['validate', 'arguments', '--no-texts'], { cwd: dir });
    expect(text.stdout).toContain("'arguments/loop-a.yaml' is a symbolic link loop");
    expect(text.stdout).toContain("'arguments/gone.yaml' is a symbolic link to 'nowhere.yaml', which does not exist");
  });

  it('a link to a map file is read; a link to a directory is not followed (no loop can hang)', () => {
    const dir = tempDir({ 'elsewhere/b.yaml': 'evidence:\n  - {id: e, kind: study, title: t}\n', 'arguments/a.yaml': 'evidence: []\n' });
    symlinkSync(path.join(dir, 'elsewhere/b.yaml'), path.join(dir, 'arguments/b.yaml'));
    symlinkSync(path.join(dir, 'arguments'), path.join(dir, 'arguments/self'));
    const r = runBin(['validate', 'arguments', '-f', 'json', '--no-texts'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).summary.files).toBe(2);
  });

  it('file names with spaces, Unicode and control characters are read, and shown escaped', () => {
    const names = ['with space.yaml', 'Šuica ✓.yaml', 'esc\u001b[31mred.yaml'];
    const files = Object.fromEntries(names.map((n) => [`arguments/${n}`, 'source:\n  id: x\n']));
    const dir = tempDir(files);
    const r = runBin(['validate', 'arguments', '--no-texts'], { cwd: dir });
    expectCleanFailure(r, 1);
    expect(r.stdout).toContain('arguments/with space.yaml');
    expect(r.stdout).toContain('arguments/Šuica ✓.yaml');
    expect(r.stdout).toContain('arguments/esc\\x1b[31mred.yaml');
    expect(r.stdout + r.stderr).not.toContain('\u001b');
  });

  const withoutOverride = (args: string[], cwd: string): RunResult => {
    // Permissions mean nothing to root, who may read anything: as root, run riposte without
    // the capabilities that override file permissions.
    if (process.getuid?.() !== 0) return runBin(args, { cwd });
    const result = spawnSync('setpriv', ['--bounding-set=-dac_override,-dac_read_search', process.execPath, bin, ...args], { cwd, encoding: 'utf8', timeout: 30_000 });
    return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
  };

  it('an unreadable file and an unreadable directory: exit 2 with the path; the other files are still checked', () => {
    const dir = tempDir({ 'arguments/a.yaml': `${HEAD}  bogus: 1\n`, 'arguments/secret.yaml': HEAD, 'locked/b.yaml': HEAD });
    spawnSync('chmod', ['000', path.join(dir, 'arguments/secret.yaml'), path.join(dir, 'locked')]);
    let r = withoutOverride(['validate', 'arguments', '--no-texts', '-f', 'json'], dir);
    expectCleanFailure(r, 2);
    expect(JSON.parse(r.stdout).diagnostics.map((d: { file: string; code: string }) => [d.file, d.code])).toEqual([
      ['arguments/a.yaml', 'unknown-key'],
      ['arguments/secret.yaml', 'unreadable-file'],
    ]);
    // fmt follows the same rule: a file it cannot read is exit 2, not 1.
    r = withoutOverride(['fmt', '--check', 'arguments'], dir);
    expectCleanFailure(r, 2);
    expect(r.stderr).toContain("permission denied: 'arguments/secret.yaml'");
    r = withoutOverride(['validate', 'locked'], dir);
    expectCleanFailure(r, 2);
    expect(r.stderr).toContain("permission denied: 'locked'");
  });
});

describe('writes', () => {
  const hashTree = (dir: string): string => {
    const hash = createHash('sha256');
    for (const name of readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort()) {
      hash.update(name);
      try {
        hash.update(readFileSync(path.join(dir, name)));
      } catch {
        // a directory
      }
    }
    return hash.digest('hex');
  };

  it('validate, tree, unanswered and stats write nothing', async () => {
    const dir = tempDir({ 'arguments/a.yaml': `${HEAD}claims:\n  - {id: s.a, summary: x, quote: y}\n`, 'texts/t.txt': 'y' });
    const before = hashTree(dir);
    for (const command of ['validate', 'tree', 'unanswered', 'stats']) await runCli([command, 'arguments', '--texts', fixtureTexts], { cwd: dir });
    expect(hashTree(dir)).toBe(before);
  });

  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
    ['SIGHUP', 129],
  ] as const)('fmt --write interrupted by %s leaves every file whole and no temporary file', async (sig, exitCode) => {
    const scrambled = `claims:\n  - summary: x\n    id: s.c\nsource:\n  title: t\n  id: s\n  kind: letter\n  authors: [a]\n`;
    const files: Record<string, string> = {};
    for (let i = 0; i < 400; i++) files[`arguments/f${i}.yaml`] = scrambled.replace(/\bs\b/g, `s${i}`).replace('s.c', `s${i}.c`) + `  note: "${'n'.repeat(20_000)}"\n`;
    const dir = tempDir(files);
    const child = spawn(process.execPath, [bin, 'fmt', '--write', 'arguments'], { cwd: dir, stdio: 'ignore' });
    await new Promise((resolve) => setTimeout(resolve, 300));
    child.kill(sig);
    const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) => child.on('exit', (c, s) => resolve([c, s])));
    // 128 + the signal's number when it came during the run; killed by it when it came before
    // riposte had started (and so before any write); 0 when the run was already over.
    expect(code === 0 || code === exitCode || signal === sig, `exit ${code}, signal ${signal}`).toBe(true);
    const names = readdirSync(path.join(dir, 'arguments'));
    expect(names.filter((n) => !n.endsWith('.yaml'))).toEqual([]);
    for (const name of names) {
      const text = readFileSync(path.join(dir, 'arguments', name), 'utf8');
      const original = files[`arguments/${name}`]!;
      // Either untouched or fully formatted: never half-written.
      if (text !== original) expect(parse(text)).toEqual(parse(original));
    }
  });
});

describe('no stack traces, even for a bug', () => {
  it('an internal error is one line, exit 2', () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, 'arguments'));
    writeFileSync(path.join(dir, 'arguments/a.yaml'), HEAD);
    const r = runBin(['validate', 'arguments', '--texts', '/dev/null'], { cwd: dir });
    expectCleanFailure(r, 2);
    expect(r.stderr).toMatch(/^riposte: texts directory '\/dev\/null' is not a directory\n$/);
  });
});

describe('output that cannot be written', () => {
  it.each([[['stats', 'm.yaml']], [['validate', 'm.yaml', '--no-texts', '-f', 'json']], [['--version']]])('riposte %s > /dev/full: one line on stderr, exit 2', (args) => {
    const dir = tempDir({ 'm.yaml': `${HEAD}claims:\n  - {id: s.a, summary: x, quote: y}\n` });
    const r = spawnSync('sh', ['-c', `"${process.execPath}" "${bin}" ${args.join(' ')} > /dev/full`], { cwd: dir, encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('riposte: cannot write the output: no space left on the device\n');
  });
});

describe('GitHub annotations are a terminal too', () => {
  it('escape, bell, C1 and bidi characters in messages and file names are shown escaped', () => {
    const dir = tempDir({ 'arguments/x\u202e\u001b[2J.yaml': 'source:\n  id: s\n  title: "\u001b]0;t\u0007\u009b\u202e"\n  bogus\u001b[31m: 1\n' });
    const r = runBin(['validate', 'arguments', '--no-texts', '-f', 'github'], { cwd: dir });
    expect(r.stdout).toContain('::error');
    // eslint-disable-next-line no-control-regex
    expect(r.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    expect(r.stdout).toContain('\\x1b[31m');
    expect(r.stdout).toContain('x\\u202e\\x1b[2J.yaml');
  });
});
