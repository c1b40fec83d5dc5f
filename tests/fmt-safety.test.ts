import { chmodSync, chownSync, linkSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { formatMapText } from '../src/fmt/canonical.js';
import { UnsafeWriteError, writeFileAtomic } from '../src/io/atomic-write.js';
import { runBin, runCli, tempDir } from './helpers.js';

/** A formatter changes layout, never data: what `fmt` must keep, and how it must write. */

// eslint-disable-next-line no-control-regex
const INVISIBLE_RAW = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\u2028\u2029\ufeff]/;

/** A claim file with `value` (YAML source text) under a key that sorts after the others. */
const withValue = (value: string): string => `claims:\n  - note: ${value}\n    summary: x\n    id: s.a\nsource:\n  id: s\n`;

describe('every scalar keeps its source text', () => {
  const numbers = fc.oneof(
    fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }).map(String),
    fc.double({ noNaN: true }).map((d) => String(d)),
    fc.constantFrom('1e400', '-1e400', '0.1000000000000000000001', '1_000', '0x1F', '0o17', '+12', '.5', '1.', '.inf', '-.Inf', '.NaN', '007', '1e-400'),
    fc.tuple(fc.integer({ min: 1, max: 9999 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 })).map(([y, m, d]) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}T10:00:00Z`),
    fc.constantFrom('yes', 'No', 'on', 'null', '~', 'true', 'FALSE'),
  );
  it('numbers, dates and words that look like other types are written exactly as they were', () => {
    fc.assert(
      fc.property(numbers, (value) => {
        const input = withValue(value);
        const result = formatMapText(input);
        expect(result.ok, value).toBe(true);
        if (!result.ok) return;
        expect(result.text).toContain(`  - id: s.a\n    summary: x\n    note: ${value}\n`);
        expect(parse(result.text)).toEqual(parse(input));
        expect(formatMapText(result.text)).toEqual({ ok: true, text: result.text, changed: false });
      }),
      { numRuns: 300 },
    );
  });

  it('strings of any characters, raw or escaped: the same data, no invisible character written raw, idempotent', () => {
    const text = fc.string({ unit: fc.oneof(fc.constantFrom('\u202e', '\u200b', '\u009b', '\ufeff', '\u0007', '\u001b', '\u2066', '\n', '"', "'", '\\', ':', '#', ' '), fc.string({ unit: 'binary', minLength: 1, maxLength: 1 })) });
    fc.assert(
      fc.property(text, fc.boolean(), (value, escaped) => {
        // Written escaped (JSON is YAML's double-quoted style) or raw in single quotes.
        const source = escaped ? JSON.stringify(value) : `'${value.replace(/'/g, "''").replace(/\n/g, '\n\n')}'`;
        const input = withValue(source);
        const original = (() => {
          try {
            return parse(input);
          } catch {
            return undefined;
          }
        })();
        if (original === undefined) return; // not YAML to begin with: nothing to keep
        const result = formatMapText(input);
        if (!result.ok) return;
        expect(result.text).not.toMatch(INVISIBLE_RAW);
        expect(parse(result.text)).toEqual(original);
        expect(formatMapText(result.text)).toMatchObject({ ok: true, changed: false });
      }),
      { numRuns: 400 },
    );
  });

  it('escapes that were written stay escapes', () => {
    const input = withValue('"\\u202e\\u200b\\x9b\\ufeff"');
    const result = formatMapText(input);
    expect(result).toMatchObject({ ok: true });
    expect(result.ok && result.text).toContain('note: "\\u202e\\u200b\\x9b\\ufeff"');
  });

  it('a raw invisible character arrives escaped', () => {
    const result = formatMapText(withValue('plain \u202e text'));
    expect(result.ok && result.text).toContain('note: "plain \\u202e text"');
  });
});

describe('files validate accepts, fmt handles', () => {
  it('an alias that sorting would put before its anchor: that file is refused and untouched, the others formatted', async () => {
    const aliased = 'x: &who Someone\nsource:\n  title: t\n  id: s\n  authors: [*who]\n';
    const scrambled = 'source:\n  title: t\n  id: b\n';
    const dir = tempDir({ 'arguments/a.yaml': aliased, 'arguments/b.yaml': scrambled });
    const r = await runCli(['fmt', '--write', 'arguments'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('arguments/a.yaml: not formatted: putting this file in canonical form would change its data');
    expect(r.stderr).not.toContain('internal error');
    expect(readFileSync(path.join(dir, 'arguments/a.yaml'), 'utf8')).toBe(aliased);
    expect(readFileSync(path.join(dir, 'arguments/b.yaml'), 'utf8')).toBe('source:\n  id: b\n  title: t\n');
  });

  it('an alias after its anchor and a !!binary value are kept as written', () => {
    const input = 'source:\n  title: t\n  id: &s x\n  authors: [*s]\n  note: !!binary aGVsbG8=\n';
    expect(formatMapText(input)).toEqual({ ok: true, text: 'source:\n  id: &s x\n  title: t\n  authors: [*s]\n  note: !!binary aGVsbG8=\n', changed: true });
  });

  it('CRLF files: after one --write, --check passes (no stray CR to make CI flap)', async () => {
    const dir = tempDir({ 'arguments/a.yaml': 'source:\r\n  # the title\r\n  title: t\r\n  id: s\r\n' });
    expect((await runCli(['fmt', '--write', 'arguments'], { cwd: dir })).code).toBe(0);
    expect(readFileSync(path.join(dir, 'arguments/a.yaml'), 'utf8')).toBe('source:\n  # the title\n  id: s\n  title: t\n');
    expect((await runCli(['fmt', '--check', 'arguments'], { cwd: dir })).code).toBe(0);
  });

  it('a file of comments only gains nothing (no null)', () => {
    expect(formatMapText('# nothing yet\n')).toEqual({ ok: true, text: '# nothing yet\n', changed: false });
    expect(formatMapText('')).toEqual({ ok: true, text: '', changed: false });
  });

  it('fmt FILE to a terminal shows control sequences of a comment escaped; to a pipe, the file as it is', async () => {
    const dir = tempDir({ 'a.yaml': '# \u001b]0;pwned\u0007 title\nsource:\n  id: s\n' });
    const tty = await runCli(['fmt', 'a.yaml'], { cwd: dir, isTTY: true });
    expect(tty.stdout).not.toContain('\u001b');
    expect(tty.stdout).toContain('\\x1b]0;pwned\\x07');
    const pipe = await runCli(['fmt', 'a.yaml'], { cwd: dir });
    expect(pipe.stdout).toContain('\u001b]0;pwned\u0007');
  });
});

describe('fmt --write replaces a file only when nothing is lost', () => {
  const scrambled = 'source:\n  title: t\n  id: s\n';

  it('a read-only file is refused and left as it is', async () => {
    const dir = tempDir({ 'arguments/a.yaml': scrambled });
    chmodSync(path.join(dir, 'arguments/a.yaml'), 0o444);
    const r = await runCli(['fmt', '--write', 'arguments'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('arguments/a.yaml: not written: the file is read-only');
    expect(readFileSync(path.join(dir, 'arguments/a.yaml'), 'utf8')).toBe(scrambled);
  });

  it('a file with another hard link is refused: a rename would split the two', async () => {
    const dir = tempDir({ 'arguments/a.yaml': scrambled });
    linkSync(path.join(dir, 'arguments/a.yaml'), path.join(dir, 'other-name.yaml'));
    const r = await runCli(['fmt', '--write', 'arguments'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('2 hard links');
    expect(statSync(path.join(dir, 'arguments/a.yaml')).ino).toBe(statSync(path.join(dir, 'other-name.yaml')).ino);
  });

  it('keeps the owner and group of the file it replaces (where it may set them)', async () => {
    if (process.getuid?.() !== 0) return;
    const dir = tempDir({ 'arguments/a.yaml': scrambled });
    chownSync(path.join(dir, 'arguments/a.yaml'), 1234, 4321);
    expect(runBin(['fmt', '--write', 'arguments'], { cwd: dir }).code).toBe(0);
    const info = statSync(path.join(dir, 'arguments/a.yaml'));
    expect([info.uid, info.gid, readFileSync(path.join(dir, 'arguments/a.yaml'), 'utf8')]).toEqual([1234, 4321, 'source:\n  id: s\n  title: t\n']);
  });

  it('a file edited after it was read is not overwritten, and no temporary file is left', async () => {
    const dir = tempDir({ 'a.yaml': 'edited meanwhile\n' });
    const file = path.join(dir, 'a.yaml');
    await expect(writeFileAtomic(file, 'formatted\n', { expected: 'as read\n' })).rejects.toBeInstanceOf(UnsafeWriteError);
    expect(readFileSync(file, 'utf8')).toBe('edited meanwhile\n');
    expect(readdirSync(dir)).toEqual(['a.yaml']);
    // Unchanged since read: written.
    await writeFileAtomic(file, 'formatted\n', { expected: 'edited meanwhile\n' });
    expect(readFileSync(file, 'utf8')).toBe('formatted\n');
  });

  it('a file with a byte order mark is rewritten (the mark is what was read, not a change)', async () => {
    const dir = tempDir({ 'arguments/a.yaml': `\ufeff${scrambled}` });
    writeFileSync(path.join(dir, 'arguments/a.yaml'), `\ufeff${scrambled}`);
    const r = await runCli(['fmt', '--write', 'arguments'], { cwd: dir });
    expect(r.stderr).toBe('arguments/a.yaml: formatted\n');
  });
});

describe('the import writer writes every string so it reads back unchanged', () => {
  it('plain where safe, double-quoted with escapes otherwise; never an invisible character raw', async () => {
    const { yamlScalar } = await import('../src/interop/yaml-emit.js');
    const { parseMapText } = await import('../src/load/parse.js');
    const text = fc.string({ unit: fc.oneof(fc.constantFrom(':', ' ', '#', '-', '?', '"', "'", '\\', '\n', '\t', '\u202e', '\u200b', '\ufeff', 'y', 'e', '1', '.', '~', '!', '&', '*', '[', '{'), fc.string({ unit: 'binary', minLength: 1, maxLength: 1 })), maxLength: 30 });
    fc.assert(
      fc.property(text, (value) => {
        const scalar = yamlScalar(value);
        expect(scalar).not.toMatch(INVISIBLE_RAW);
        expect(parse(`k: ${scalar}\n`)).toEqual({ k: value });
        // riposte's own reader agrees.
        expect(parseMapText('f.yaml', `k: ${scalar}\n`).data).toEqual({ k: value });
      }),
      { numRuns: 1000 },
    );
    for (const word of ['yes', 'no', 'null', '1.5', '0x1F', '.inf', '2024', 'true', '- item', 'key: value', 'a #b']) expect(parse(`k: ${yamlScalar(word)}\n`)).toEqual({ k: word });
  });
});
