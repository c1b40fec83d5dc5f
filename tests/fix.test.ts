import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isoDateOf } from '../src/dates.js';
import { applyFixes } from '../src/fix/apply.js';
import { runBin, tempDir } from './helpers.js';

const MAP = [
  'source:',
  '  id: s',
  '  kind: letter',
  '  title: T',
  '  authors: [A]',
  '  date: 2024/05/01  # written by hand',
  '  text: t.txt',
  'claims:',
  '  # the first claim',
  '  - {id: S.One, summary: A, quote: "we don’t accept it — at all"}',
  '  - id: s.two',
  '    summary: B',
  '    quote: |',
  '      WE   REJECT',
  '      the proposal',
  '    rebuts: S.One',
  '  - id: s.three',
  "    summary: 'C'",
  '    quote: not in the text at all, this one',
  '',
].join('\n');
const TEXT = "We reject the proposal. We don't accept it - at all.\n";

const project = (map = MAP) => tempDir({ 'riposte.config.yaml': 'maps: [arguments]\ntexts: texts\n', 'arguments/s.yaml': map, 'texts/t.txt': TEXT });

describe('dates with one reading', () => {
  it('are written in ISO 8601; dates that could be read two ways, or are not on the calendar, are not', () => {
    const cases: [string, string | undefined][] = [
      ['2024/05/01', '2024-05-01'],
      ['2024.5.1', '2024-05-01'],
      ['2024/05', '2024-05'],
      ['1 May 2024', '2024-05-01'],
      ['21st September 2023', '2023-09-21'],
      ['May 1, 2024', '2024-05-01'],
      ['Sept. 9 2025', '2025-09-09'],
      ['May 2024', '2024-05'],
      ['2024-05-01T10:00:00Z', '2024-05-01'],
      ['01/05/2024', undefined],
      ['2016/02/30', undefined],
      ['Maybe 2024', undefined],
      ['spring 2024', undefined],
    ];
    for (const [written, iso] of cases) expect(isoDateOf(written), written).toBe(iso);
  });
});

describe('applying fixes', () => {
  it('replaces only the scalars named, in their own style where it holds the value, comments and layout kept', () => {
    const text = "a: 'It''s'  # kept\nb: Plain # kept too\nc: [x, y]\n";
    const { text: fixed, skipped } = applyFixes(text, [
      { pointer: '/a', value: "It's here" },
      { pointer: '/b', value: 'plain-id.one' },
      { pointer: '/c/1', value: 'needs: quoting' },
      { pointer: '/missing', value: 'x' },
    ]);
    expect(fixed).toBe("a: 'It''s here'  # kept\nb: plain-id.one # kept too\nc: [x, \"needs: quoting\"]\n");
    expect(skipped).toEqual([{ pointer: '/missing', value: 'x' }]);
    // A plain value that YAML would read as something else than its text is quoted.
    expect(applyFixes('d: x\n', [{ pointer: '/d', value: '2024' }]).text).toBe('d: "2024"\n');
  });
});

describe('riposte validate --fix', () => {
  it('without --fix, says which findings it could fix and writes nothing', () => {
    const dir = project();
    const r = runBin(['validate', '-f', 'json'], { cwd: dir });
    expect(r.code).toBe(1);
    const fixes = JSON.parse(r.stdout).diagnostics.filter((d: { fix?: unknown }) => d.fix).map((d: { code: string; fix: { value: string } }) => `${d.code} ${d.fix.value}`);
    expect(fixes.sort()).toEqual(['invalid-date 2024-05-01', 'invalid-id s.one', 'invalid-id s.one', "quote-not-found We don't accept it - at all", 'quote-not-found We reject the proposal']);
    expect(runBin(['validate'], { cwd: dir }).stdout).toContain('5 of them can be fixed with --fix');
    expect(readFileSync(path.join(dir, 'arguments/s.yaml'), 'utf8')).toBe(MAP);
  });

  it('applies the certain fixes to the file, keeps everything else byte for byte, and reports what is left', () => {
    const dir = project();
    const r = runBin(['validate', '--fix', '-f', 'json'], { cwd: dir });
    expect(r.stderr).toBe('riposte: fixed 5 findings in 1 file\n');
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).diagnostics.map((d: { code: string }) => d.code).sort()).toEqual(['quote-not-found', 'same-source-response']);
    const fixed = readFileSync(path.join(dir, 'arguments/s.yaml'), 'utf8');
    expect(fixed).toBe(
      MAP.replace('2024/05/01', '2024-05-01')
        .replace('{id: S.One, summary: A, quote: "we don’t accept it — at all"}', '{id: s.one, summary: A, quote: "We don\'t accept it - at all"}')
        .replace('quote: |\n      WE   REJECT\n      the proposal\n', 'quote: "We reject the proposal"\n')
        .replace('rebuts: S.One', 'rebuts: s.one'),
    );
    // Nothing left to fix: a second run writes nothing and says nothing of fixes.
    const again = runBin(['validate', '--fix'], { cwd: dir });
    expect(again.stderr).toBe('');
    expect(readFileSync(path.join(dir, 'arguments/s.yaml'), 'utf8')).toBe(fixed);
  });

  it('does not lower-case an id onto one the map already has, and does not fix standard input', () => {
    const dir = project(MAP.replace('  - id: s.three', '  - id: s.one\n    summary: Taken.\n    quote: We reject the proposal.\n  - id: s.three'));
    runBin(['validate', '--fix'], { cwd: dir });
    expect(readFileSync(path.join(dir, 'arguments/s.yaml'), 'utf8')).toContain('S.One');
    const stdin = runBin(['validate', '--fix', '--stdin', '--stdin-filename', 'arguments/s.yaml'], { cwd: dir, input: MAP });
    expect(stdin.code).toBe(2);
    expect(stdin.stderr).toContain('--fix rewrites map files');
  });
});
