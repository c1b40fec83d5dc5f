import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../src/cli.js';
import { runBin, tempDir } from './helpers.js';

/** A map of three files: a letter, a reply answering it, and a statement with a mistake of its own. */
function project(): string {
  return tempDir({
    'riposte.config.yaml': 'maps: [arguments]\ntexts: texts\n',
    'texts/a.txt': 'Scanning breaks encryption. Nobody asked for it.\n',
    'texts/b.txt': 'It does not.\n',
    'arguments/a.yaml': 'source: {id: a, kind: letter, title: A, authors: [Alpha], date: 2024-01-01, text: a.txt}\nclaims:\n  - {id: a.one, summary: Scanning breaks encryption., quote: Scanning breaks encryption.}\n',
    'arguments/b.yaml': 'source: {id: b, kind: reply, title: B, authors: [Beta], date: 2024-02-01, text: b.txt}\nclaims:\n  - {id: b.no, summary: It does not., quote: It does not., rebuts: a.one}\n',
    'arguments/c.yaml': 'source: {id: c, kind: statement, title: C, authors: [Gamma], date: 2024-02-30}\nclaims:\n  - {id: c.x, summary: X., quote: not in any text, supports: b.no}\n',
  });
}

const codes = (stdout: string): string[] => JSON.parse(stdout).diagnostics.map((d: { file: string; code: string }) => `${d.file} ${d.code}`);

describe('validating part of a map', () => {
  it('checks a named file against the whole map: references into other files resolve', () => {
    const dir = project();
    const result = runBin(['validate', 'arguments/b.yaml', '--format', 'json'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(codes(result.stdout)).toEqual([]);
    // Alone, the same file has a reference that goes nowhere.
    const alone = runBin(['validate', 'arguments/b.yaml', '--no-context', '--format', 'json'], { cwd: dir });
    expect(alone.code).toBe(1);
    expect(codes(alone.stdout)).toEqual([`${path.join('arguments', 'b.yaml')} dangling-reference`]);
  });

  it('reports only the named files, whose quotes alone are checked', () => {
    const dir = project();
    const one = JSON.parse(runBin(['validate', 'arguments/a.yaml', 'arguments/b.yaml', '--format', 'json'], { cwd: dir }).stdout);
    expect(one.diagnostics).toEqual([]);
    expect(one.summary.files).toBe(2);
    expect(one.summary.quotes).toMatchObject({ checked: 2, notFound: 0 });
    // The third file's own problems (a day not on the calendar, a quote with no text to check) appear when it is named.
    const all = runBin(['validate', 'arguments/c.yaml', '--format', 'json'], { cwd: dir });
    expect(all.code).toBe(1);
    expect(codes(all.stdout).sort()).toEqual([`${path.join('arguments', 'c.yaml')} invalid-date`, `${path.join('arguments', 'c.yaml')} quotes-unchecked`]);
  });

  it('checks an editor buffer from stdin as the file it names, and places findings in its text', () => {
    const dir = project();
    const buffer = 'source: {id: b, kind: reply, title: B, authors: [Beta], date: 2024-02-01, text: b.txt}\nclaims:\n  - {id: b.no, summary: It does not., quote: It does not., rebuts: a.one}\n  - {id: b.new, summary: New., quote: Not in the text., rebuts: a.gone}\n';
    const result = runBin(['validate', '--stdin', '--stdin-filename', 'arguments/b.yaml', '--format', 'json'], { cwd: dir, input: buffer });
    expect(result.code).toBe(1);
    const diagnostics = JSON.parse(result.stdout).diagnostics.map((d: { code: string; line: number }) => `${d.code}@${d.line}`);
    expect(diagnostics.sort()).toEqual(['dangling-reference@4', 'quote-not-found@4']);
    // A new file, not yet on disk, in the context of the map.
    const fresh = runBin(['validate', '--stdin', '--stdin-filename', 'arguments/d.yaml', '--format', 'json'], {
      cwd: dir,
      input: 'source: {id: d, kind: letter, title: D, authors: [Delta], date: 2024-03-01}\nclaims:\n  - {id: d.yes, summary: Yes., concedes: a.one}\n',
    });
    expect(codes(fresh.stdout)).toEqual([`${path.join('arguments', 'd.yaml')} missing-quote`]);
  });

  it('refuses --stdin without --stdin-filename, with paths, or for a file that is not YAML (exit 2)', async () => {
    const dir = project();
    for (const [args, message] of [
      [['--stdin'], /needs --stdin-filename PATH/],
      [['--stdin', '--stdin-filename', 'a.yaml', 'arguments/a.yaml'], /not as a path/],
      [['--stdin', '--stdin-filename', 'notes.txt'], /must name a map file/],
    ] as const) {
      const result = runBin(['validate', ...args], { cwd: dir, input: '' });
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(message);
    }
    // In-process, the caller hands stdin over as a function.
    let stdout = '';
    const code = await run(['validate', '--stdin', '--stdin-filename', 'arguments/x.yaml', '--no-texts'], {
      stdout: { write: (s: string) => (stdout += s) },
      stderr: { write: () => true },
      cwd: dir,
      env: {},
      stdin: async () => 'source: {id: x, kind: letter, title: X, authors: [Xi], date: 2024-01-01}\nclaims: []\n',
    });
    expect(code).toBe(0);
    expect(stdout).toContain('1 file');
  });
});

describe('dates', () => {
  it('an impossible date is one finding where it is written, not a cascade', () => {
    const dir = tempDir({
      'riposte.config.yaml': 'maps: [arguments]\n',
      'arguments/a.yaml': 'source: {id: a, kind: letter, title: A, authors: [Alpha], date: 2016-02-30}\nclaims:\n  - {id: a.one, summary: One.}\nevidence:\n  - {id: e, kind: report, title: E, date: 2023-04-31}\n',
      'arguments/b.yaml': 'source: {id: b, kind: reply, title: B, authors: [Beta], date: 2016-02-01}\nclaims:\n  - {id: b.no, summary: No., rebuts: a.one}\n',
    });
    const result = runBin(['validate', '--no-texts', '--format', 'json'], { cwd: dir });
    expect(result.code).toBe(1);
    const found = JSON.parse(result.stdout).diagnostics.filter((d: { code: string }) => d.code !== 'missing-quote');
    expect(found.map((d: { code: string; line: number; message: string }) => `${d.code}@${d.line}`)).toEqual(['invalid-date@1', 'invalid-date@5']);
    // Leap years are on the calendar.
    const leap = tempDir({ 'arguments/a.yaml': 'source: {id: a, kind: letter, title: A, authors: [Alpha], date: 2024-02-29}\nclaims:\n  - {id: a.one, summary: One.}\n' });
    expect(runBin(['validate', '--no-texts'], { cwd: leap }).code).toBe(0);
  });
});

describe('small things a new user meets first', () => {
  it('an empty directory with no config suggests riposte init (exit 2)', () => {
    const result = runBin(['validate'], { cwd: tempDir() });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe("riposte: no such file or directory: 'arguments'; no riposte.config.yaml here or above, and no map: run 'riposte init' to start one\n");
  });

  it('-q with --fail-on warning shows the warnings that fail the run, never "no problems"', () => {
    const dir = tempDir({ 'arguments/a.yaml': 'source: {id: a, kind: letter, title: A, authors: [Alpha], date: 2024-01-01}\nclaims:\n  - {id: a.one, summary: One.}\n' });
    const quiet = runBin(['validate', '--no-texts', '-q'], { cwd: dir });
    expect(quiet.code).toBe(0);
    const failing = runBin(['validate', '--no-texts', '-q', '--fail-on', 'warning'], { cwd: dir });
    expect(failing.code).toBe(1);
    expect(failing.stdout + failing.stderr).toContain('missing-quote');
    expect(failing.stdout + failing.stderr).not.toContain('no problems');
  });
});

describe('the library', () => {
  it('checkMap says what it needs instead of failing deep inside', async () => {
    const { checkMap } = await import('../src/api.js');
    await expect(checkMap([], undefined as never)).rejects.toThrow("options must be an object with at least { cwd: '.' }");
    await expect(checkMap([], {} as never)).rejects.toThrow('options.cwd must be a string');
    await expect(checkMap('arguments' as never, { cwd: '.' })).rejects.toThrow('paths must be an array of strings');
    await expect(checkMap([], { cwd: '.', texts: 3 as never })).rejects.toThrow('options.texts must be a directory');
  });
});

describe('what the read-only commands place', () => {
  it('openMap places only errors (it refuses a map with errors and shows nothing else); checkMap places everything', async () => {
    const { checkMap, openMap } = await import('../src/api.js');
    const dir = tempDir({ 'arguments/a.yaml': 'source: {id: a, kind: letter, title: A, authors: [Alpha], date: 2024-01-01}\nclaims:\n  - {id: a.one, summary: One.}\n  - {id: a.two, summary: Two., rebuts: a.none}\n' });
    const checked = await checkMap([], { cwd: dir, texts: false });
    expect(checked.diagnostics.map((d) => d.code).sort()).toEqual(['dangling-reference', 'missing-quote', 'missing-quote']);
    const opened = await openMap([], { cwd: dir, texts: false });
    expect(opened.diagnostics.map((d) => `${d.code}@${d.line}`)).toEqual(['dangling-reference@4']);
  });
});

describe('ids typed on the command line', () => {
  it('a mistyped --from or --source says which id was meant', () => {
    const dir = tempDir({
      'arguments/a.yaml': 'source: {id: letter-2024, kind: letter, title: A, authors: [Alpha], date: 2024-01-01}\nclaims:\n  - {id: letter-2024.scanning, summary: One.}\n',
    });
    const tree = runBin(['tree', '--from', 'letter-2024.scaning', '--no-texts'], { cwd: dir });
    expect(tree.code).toBe(2);
    expect(tree.stderr).toBe("riposte: no claim or source 'letter-2024.scaning'; did you mean 'letter-2024.scanning'? (--from takes a claim or source id)\n");
    const unanswered = runBin(['unanswered', '--source', 'leter-2024', '--no-texts'], { cwd: dir });
    expect(unanswered.code).toBe(2);
    expect(unanswered.stderr).toContain("no source 'leter-2024'; did you mean 'letter-2024'?");
  });
});

describe('--only-maps, for hooks that pass every changed YAML file', () => {
  it('formats and checks the map files named and leaves any other YAML alone', async () => {
    const { readFileSync } = await import('node:fs');
    const workflow = 'on:   [push]\njobs: {build: {runs-on: ubuntu-latest}}\n';
    const dir = tempDir({
      'riposte.config.yaml': 'maps: [arguments]\n',
      'ci/workflow.yml': workflow,
      'arguments/a.yaml': 'claims:\n  - {id: a.one, summary: One.}\nsource: {id: a, kind: letter, title: A, authors: [Alpha], date: 2024-01-01}\n',
    });
    const fmt = runBin(['fmt', '--write', '--only-maps', 'ci/workflow.yml', 'arguments/a.yaml'], { cwd: dir });
    expect(fmt.code).toBe(0);
    expect(readFileSync(path.join(dir, 'ci/workflow.yml'), 'utf8')).toBe(workflow);
    expect(readFileSync(path.join(dir, 'arguments/a.yaml'), 'utf8')).toMatch(/^source:/);
    const none = runBin(['validate', '--only-maps', 'ci/workflow.yml', '--no-texts'], { cwd: dir });
    expect(none.code).toBe(0);
    expect(none.stderr).toContain('none of the files named is in the map');
    const some = runBin(['validate', '--only-maps', 'ci/workflow.yml', 'arguments/a.yaml', '--no-texts', '--format', 'json'], { cwd: dir });
    expect(JSON.parse(some.stdout).summary.files).toBe(1);
    // Without the flag, a named file is checked whatever it is.
    expect(runBin(['validate', 'ci/workflow.yml', '--no-texts'], { cwd: dir }).code).toBe(1);
  });
});
