import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FILE_SYSTEM_CODES, bin, runBin, runCli, tempDir, type RunResult } from './helpers.js';

/**
 * A hostile pull request to a map repository whose CI runs riposte: links, config paths and
 * text names aimed at secrets outside the project. Nothing of a secret may reach any output.
 */
const SECRET = 'npm_SECRETtoken0123456789abcdefXYZ';
const SECRET_FILE = `//registry.npmjs.org/:_authToken=${SECRET}\nsource:\n  id: ${SECRET.toLowerCase()}\n`;

const HEAD = 'source:\n  id: s\n  kind: letter\n  title: t\n  authors: [a]\n  date: 2024\n';
const MAP = `${HEAD}claims:\n  - id: s.a\n    summary: A claim.\n    quote: A quote.\n`;

/** A project in `project/` with a secret beside it, in what stands for a home directory. */
function hostileSetup(files: Record<string, string> = {}): { dir: string; project: string; secret: string } {
  const dir = tempDir({ 'home/.npmrc': SECRET_FILE, 'home/token.txt': `${SECRET}. The token of the CI machine.\n`, 'project/arguments/a.yaml': MAP, ...Object.fromEntries(Object.entries(files).map(([k, v]) => [`project/${k}`, v])) });
  return { dir, project: path.join(dir, 'project'), secret: path.join(dir, 'home/.npmrc') };
}

/** Every command and output format a CI job might run on a map. */
const RUNS: string[][] = [
  ['validate', '--no-texts'],
  ['validate', '--no-texts', '--verbose'],
  ['validate', '--no-texts', '-f', 'json'],
  ['validate', '--no-texts', '-f', 'github'],
  ['validate', '--no-texts', '-f', 'sarif'],
  ['validate', '--no-texts', '-f', 'junit'],
  ['validate', '--no-texts', '-f', 'gitlab'],
  ['tree'],
  ['unanswered', '-f', 'github'],
  ['stats'],
  ['fmt', '--check'],
];

function expectNoSecret(r: RunResult, context: string): void {
  expect(r.stdout + r.stderr, context).not.toContain(SECRET);
  expect((r.stdout + r.stderr).toLowerCase(), context).not.toContain(SECRET.toLowerCase());
  expect(r.stderr, context).not.toMatch(/\n\s+at .*:\d+:\d+/);
  expect(r.stderr, context).not.toContain('internal error');
}

function codes(r: RunResult): [string, string][] {
  return JSON.parse(r.stdout).diagnostics.map((d: { file: string; code: string }) => [d.file, d.code]);
}

describe('map files that resolve outside the project are refused, by name, unread', () => {
  it('a link to a secret in the home directory: a finding naming the link and its target, under every command and format', () => {
    const { project, secret } = hostileSetup();
    symlinkSync(secret, path.join(project, 'arguments/npmrc.yaml'));
    for (const args of RUNS) {
      const r = runBin(args, { cwd: project });
      expectNoSecret(r, args.join(' '));
      expect(r.code, args.join(' ')).toBe(1);
    }
    const r = runBin(['validate', '--no-texts', '-f', 'json'], { cwd: project });
    expect(codes(r)).toEqual([['arguments/npmrc.yaml', 'path-outside-project']]);
    expect(JSON.parse(r.stdout).diagnostics[0].args).toMatchObject({ problem: { why: 'outside', link: secret, scope: 'the project' } });
    expect(JSON.parse(r.stdout).diagnostics[0].message).toContain(`symbolic link to '${secret}'`);
    // fmt --write neither reads nor rewrites it.
    const write = runBin(['fmt', '--write'], { cwd: project });
    expectNoSecret(write, 'fmt --write');
    expect(readFileSync(secret, 'utf8')).toBe(SECRET_FILE);
  });

  it('nothing of the refused file is even opened: a secret riposte may not read is refused the same way', () => {
    // As root every file is readable; without the override capabilities a file with no
    // permissions cannot be opened. Were riposte to try, it would say 'permission denied'.
    if (process.getuid?.() !== 0) return;
    const { project, secret } = hostileSetup();
    chmodSync(secret, 0o000);
    symlinkSync(secret, path.join(project, 'arguments/npmrc.yaml'));
    const result = spawnSync('setpriv', ['--bounding-set=-dac_override,-dac_read_search', process.execPath, bin, 'validate', '--no-texts', '-f', 'json'], { cwd: project, encoding: 'utf8' });
    expect(result.status).toBe(1);
    expect(codes({ code: 1, stdout: result.stdout, stderr: result.stderr })).toEqual([['arguments/npmrc.yaml', 'path-outside-project']]);
  });

  it('links into hidden paths of the project (.env, .git/config) are refused: credentials live there', () => {
    const { project } = hostileSetup({ '.env': `TOKEN=${SECRET}\n`, '.git/config': `[http]\n\textraheader = AUTHORIZATION: basic ${SECRET}\n` });
    symlinkSync('../.env', path.join(project, 'arguments/env.yaml'));
    symlinkSync('../.git/config', path.join(project, 'arguments/git.yaml'));
    const r = runBin(['validate', '--no-texts', '-f', 'json'], { cwd: project });
    expectNoSecret(r, 'validate');
    expect(codes(r)).toEqual([
      ['arguments/env.yaml', 'path-outside-project'],
      ['arguments/git.yaml', 'path-outside-project'],
    ]);
    expect(JSON.parse(r.stdout).diagnostics[0].args).toMatchObject({ problem: { why: 'hidden', segment: '.env' } });
  });

  it('a link to a map file inside the project is read, and fmt --write writes through it to its target', () => {
    const { project } = hostileSetup({ 'shared/b.yaml': 'evidence:\n  - {title: t, kind: study, id: e}\n' });
    symlinkSync('../shared/b.yaml', path.join(project, 'arguments/b.yaml'));
    expect(runBin(['validate', '--no-texts'], { cwd: project }).code).toBe(0);
    const r = runBin(['fmt', '--write'], { cwd: project });
    expect(r.code).toBe(0);
    expect(readFileSync(path.join(project, 'shared/b.yaml'), 'utf8')).toContain('{id: e, kind: study, title: t}');
    // The link is still a link.
    expect(spawnSync('readlink', [path.join(project, 'arguments/b.yaml')], { encoding: 'utf8' }).stdout.trim()).toBe('../shared/b.yaml');
  });

  it('a map directory that is a link out of the project is exit 2 before anything is walked', () => {
    const { dir, project } = hostileSetup();
    mkdirSync(path.join(dir, 'home/maps'));
    writeFileSync(path.join(dir, 'home/maps/x.yaml'), SECRET_FILE);
    symlinkSync(path.join(dir, 'home/maps'), path.join(project, 'linked'));
    writeFileSync(path.join(project, 'riposte.config.yaml'), 'maps: [linked]\n');
    const r = runBin(['validate', '--no-texts'], { cwd: project });
    expectNoSecret(r, 'validate');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`'linked' (a link to '${path.join(dir, 'home/maps')}')`);
  });

  it('a FIFO and a link to /dev/null named *.yaml are refused by name; nothing hangs', () => {
    const { project } = hostileSetup();
    spawnSync('mkfifo', [path.join(project, 'arguments/pipe.yaml')]);
    symlinkSync('/dev/null', path.join(project, 'arguments/null.yaml'));
    const r = runBin(['validate', '--no-texts', '-f', 'json'], { cwd: project });
    expect(r.code).toBe(1);
    expect(codes(r)).toEqual([
      ['arguments/null.yaml', 'path-outside-project'],
      ['arguments/pipe.yaml', 'not-regular-file'],
    ]);
    expect(JSON.parse(r.stdout).diagnostics[1].args).toMatchObject({ problem: { why: 'not-regular', kind: 'fifo' } });
  });

  it('paths named on the command line are trusted: a map outside the project is read when named', () => {
    const { dir, project } = hostileSetup();
    writeFileSync(path.join(dir, 'home/other.yaml'), MAP.replace(/\bs\b/g, 'o').replace('s.a', 'o.a'));
    const r = runBin(['validate', '--no-texts', '-f', 'json', path.join(dir, 'home/other.yaml')], { cwd: project });
    expect(r.code).toBe(0);
  });
});

describe('the config may not point riposte outside its project', () => {
  it.each([
    ['an absolute map path', (dir: string) => `maps: [${path.join(dir, 'home/.npmrc')}]\n`],
    ['a relative map path that climbs out', () => 'maps: [../home]\n'],
    ['a hidden map path', () => 'maps: [.git]\n'],
    ['a pattern whose base is outside', () => "maps: ['../home/*.yaml']\n"],
  ])('%s: exit 2, nothing read', (_name, config) => {
    const { dir, project } = hostileSetup({ '.git/x.yaml': SECRET_FILE });
    writeFileSync(path.join(project, 'riposte.config.yaml'), config(dir));
    for (const args of [['validate', '--no-texts'], ['fmt', '--check'], ['tree']]) {
      const r = runBin(args, { cwd: project });
      expectNoSecret(r, args.join(' '));
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/maps entry .* (lies outside the project|is hidden)/);
    }
  });

  it("texts: /proc/self with text: environ does not read the environment; --texts on the command line is trusted", () => {
    const { project } = hostileSetup();
    writeFileSync(path.join(project, 'riposte.config.yaml'), 'texts: /proc/self\n');
    writeFileSync(path.join(project, 'arguments/a.yaml'), `${HEAD}  text: environ\nclaims:\n  - id: s.a\n    summary: A claim.\n    quote: ${SECRET}\n`);
    const r = runBin(['validate'], { cwd: project, env: { CI_TOKEN: SECRET } });
    expectNoSecret(r, 'validate');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("the texts directory '/proc/self'");
    expect(r.stderr).toContain('--texts DIR');
  });

  it('a texts directory that is a link out of the project is refused too', () => {
    const { dir, project } = hostileSetup();
    symlinkSync(path.join(dir, 'home'), path.join(project, 'texts'));
    writeFileSync(path.join(project, 'riposte.config.yaml'), 'texts: texts\n');
    writeFileSync(path.join(project, 'arguments/a.yaml'), `${HEAD}  text: token.txt\nclaims:\n  - id: s.a\n    summary: A claim.\n    quote: npm_SECRETtoken0123456789abcdefXYY\n`);
    const r = runBin(['validate'], { cwd: project });
    expectNoSecret(r, 'validate');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`(a link to '${path.join(dir, 'home')}') lies outside the project`);
  });

  it('a config file that is a link out of its directory is refused, its content unread', () => {
    const { project, secret } = hostileSetup();
    symlinkSync(secret, path.join(project, 'riposte.config.yaml'));
    const r = runBin(['validate', '--no-texts'], { cwd: project });
    expectNoSecret(r, 'validate');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`riposte.config.yaml' is a symbolic link to '${secret}'`);
  });

  it('unknown limits, even those named like object properties, are a usage error', () => {
    const { project } = hostileSetup({ 'riposte.config.yaml': 'limits: {toString: 5, constructor: 1}\n' });
    const r = runBin(['validate', '--no-texts'], { cwd: project });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("unknown limit 'toString'");
  });

  it('an empty list of maps is exit 2, never a pass over 0 files', () => {
    const { project } = hostileSetup({ 'riposte.config.yaml': 'maps: []\n' });
    for (const args of [['validate', '--no-texts'], ['tree'], ['unanswered', '--fail-on-unanswered'], ['fmt', '--check']]) {
      const r = runBin(args, { cwd: project });
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toContain('no map paths to read');
    }
  });
});

describe('texts must be regular files inside the texts directory', () => {
  const withText = (text: string, quote: string): string => `${HEAD}  text: ${text}\nclaims:\n  - id: s.a\n    summary: A claim.\n    quote: "${quote}"\n`;

  it.each([
    ['a link to a secret outside', (dir: string, project: string) => symlinkSync(path.join(dir, 'home/token.txt'), path.join(project, 'texts/link.txt')), 'link.txt', 'path-outside-project'],
    ['a name that climbs out', () => undefined, '../../home/token.txt', 'path-outside-project'],
    ['a hidden file', (_dir: string, project: string) => writeFileSync(path.join(project, 'texts/.env'), `TOKEN=${SECRET}\n`), '.env', 'path-outside-project'],
    ['a FIFO', (_dir: string, project: string) => spawnSync('mkfifo', [path.join(project, 'texts/pipe.txt')]), 'pipe.txt', 'not-regular-file'],
    ['a dangling link', (_dir: string, project: string) => symlinkSync('gone.txt', path.join(project, 'texts/gone-link.txt')), 'gone-link.txt', 'broken-link'],
  ])('%s: a finding at the text key; a right and a wrong quote give the same answer', (_name, make, text, code) => {
    const { dir, project } = hostileSetup({ 'texts/real.txt': 'A real text.\n' });
    make(dir, project);
    const answers = [SECRET, 'a wrong guess'].map((quote) => {
      writeFileSync(path.join(project, 'arguments/a.yaml'), withText(text, quote));
      const r = runBin(['validate', '--texts', 'texts', '-f', 'json'], { cwd: project });
      expectNoSecret(r, text);
      return { code: r.code, diagnostics: JSON.parse(r.stdout).diagnostics.map((d: { code: string; line: number }) => [d.code, d.line]) };
    });
    expect(answers[0]).toEqual({ code: 1, diagnostics: [[code, 7]] });
    // No oracle: whether the quote occurs in the refused file cannot be told from the output.
    expect(answers[1]).toEqual(answers[0]);
  });

  it('a text that is not UTF-8 is named as such, not searched', () => {
    const { project } = hostileSetup();
    mkdirSync(path.join(project, 'texts'));
    writeFileSync(path.join(project, 'texts/u16.txt'), Buffer.from('\ufeffA letter in UTF-16.', 'utf16le'));
    writeFileSync(path.join(project, 'arguments/a.yaml'), withText('u16.txt', 'A letter'));
    const r = runBin(['validate', '--texts', 'texts', '-f', 'json'], { cwd: project });
    expect(JSON.parse(r.stdout).diagnostics).toMatchObject([{ code: 'text-encoding', args: { problem: { why: 'utf16' }, textOf: 's' } }]);
  });

  it('a text over the size limit is refused unread; the limit can be raised', () => {
    const { project } = hostileSetup({ 'texts/big.txt': `${'word '.repeat(300_000)}\n` });
    writeFileSync(path.join(project, 'arguments/a.yaml'), withText('big.txt', 'word word'));
    let r = runBin(['validate', '--texts', 'texts', '-f', 'json', '--max-text-size', '1'], { cwd: project });
    expect(JSON.parse(r.stdout).diagnostics).toMatchObject([{ code: 'limit-exceeded', args: { why: 'file', problem: { why: 'too-large', limit: 1024 * 1024, option: '--max-text-size' } } }]);
    r = runBin(['validate', '--texts', 'texts', '-f', 'json', '--max-text-size', '2'], { cwd: project });
    expect(r.code).toBe(0);
  });

  it('the closest passage shown for a wrong quote is one sentence of at most 200 characters', () => {
    const sentence = `The first sentence is about encryption and ${'very '.repeat(60)}long indeed. A second sentence holds ${SECRET} and must not be shown.`;
    const { project } = hostileSetup({ 'texts/t.txt': `${sentence}\n` });
    writeFileSync(path.join(project, 'arguments/a.yaml'), withText('t.txt', `The first sentence is about encryption and ${'very '.repeat(60)}long indeed. A second sentence holds npm_ and must not be shown.`));
    const r = runBin(['validate', '--texts', 'texts', '-f', 'json'], { cwd: project });
    expect(r.code).toBe(1);
    const hint = JSON.parse(r.stdout).diagnostics[0].hint as string;
    const shown = hint.split('\n')[1]!.trim();
    expect(shown.length).toBeLessThanOrEqual(200);
    expect(shown.startsWith('The first sentence is about encryption')).toBe(true);
    expect(hint).not.toContain('second sentence');
    expect(hint).not.toContain(SECRET);
  });
});

describe('file names', () => {
  it('a name that is not UTF-8 is a finding of its own; the other files are still checked', () => {
    const { project } = hostileSetup();
    writeFileSync(Buffer.concat([Buffer.from(path.join(project, 'arguments/bad')), Buffer.from([0xff]), Buffer.from('.yaml')]), 'source:\n  id: x\n');
    const r = runBin(['validate', '--no-texts', '-f', 'json'], { cwd: project });
    expect(r.code).toBe(1);
    expect(codes(r)).toEqual([['arguments/bad\ufffd.yaml', 'invalid-file-name']]);
    const github = runBin(['validate', '--no-texts', '-f', 'github'], { cwd: project });
    expect(github.stdout).toContain('invalid-file-name');
  });
});

describe('init writes only inside the directory it is given', () => {
  it('a dangling config link is an existing file: left alone', () => {
    const dir = tempDir();
    symlinkSync(path.join(dir, 'elsewhere.yaml'), path.join(dir, 'riposte.config.yaml'));
    const r = runBin(['init'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('riposte.config.yaml');
    expect(spawnSync('test', ['-e', path.join(dir, 'elsewhere.yaml')]).status).toBe(1);
  });

  it("a directory of the new project that links elsewhere: refused, nothing written there", () => {
    const dir = tempDir({ 'outside/.keep': '', 'project/.keep': '' });
    symlinkSync(path.join(dir, 'outside'), path.join(dir, 'project/arguments'));
    const r = runBin(['init'], { cwd: path.join(dir, 'project') });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("'arguments' there is a link to");
    expect(spawnSync('ls', ['-A', path.join(dir, 'outside')], { encoding: 'utf8' }).stdout).toBe('.keep\n');
  });
});

describe('every file-system code is made here', () => {
  it('path-outside-project, not-regular-file, broken-link, unreadable-file and invalid-file-name all occur above or in tests/hardening.test.ts', () => {
    const sources = ['confinement.test.ts', 'hardening.test.ts'].map((f) => readFileSync(path.join(path.dirname(new URL(import.meta.url).pathname), f), 'utf8')).join('\n');
    for (const code of FILE_SYSTEM_CODES) expect(sources, code).toContain(`'${code}'`);
  });
});

describe('property: whatever links a hostile map directory holds, no output carries the secret', () => {
  // Each entry of arguments/ is a map, a link to a map inside, a link to the secret outside,
  // a link to a hidden file inside, a link chain through the project ending outside, or a
  // dangling link; the texts directory likewise. Every command and format is run in process.
  const entry = fc.constantFrom('map', 'inside', 'secret', 'hidden', 'chain', 'dangling', 'dir-link');
  it('holds for random layouts', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(entry, { minLength: 1, maxLength: 6 }), fc.constantFrom(...RUNS), fc.constantFrom('secret', 'hidden', 'chain'), async (entries, args, textKind) => {
        const { dir, project, secret } = hostileSetup({ 'inside/m.yaml': MAP.replace(/\bs\b/g, 'i').replace('s.a', 'i.a'), '.hidden.yaml': SECRET_FILE, 'texts/ok.txt': 'A text.\n' });
        entries.forEach((kind, i) => {
          const at = path.join(project, `arguments/e${i}.yaml`);
          if (kind === 'map') writeFileSync(at, MAP.replace(/\bs\b/g, `m${i}`).replace('s.a', `m${i}.a`));
          else if (kind === 'inside') symlinkSync('../inside/m.yaml', at);
          else if (kind === 'secret') symlinkSync(secret, at);
          else if (kind === 'hidden') symlinkSync('../.hidden.yaml', at);
          else if (kind === 'chain') {
            symlinkSync(secret, path.join(project, `inside/hop${i}.yaml`));
            symlinkSync(`../inside/hop${i}.yaml`, at);
          } else if (kind === 'dangling') symlinkSync('nowhere', at);
          else symlinkSync(path.join(dir, 'home'), path.join(project, `arguments/d${i}`));
        });
        const textTarget = textKind === 'secret' ? path.join(dir, 'home/token.txt') : textKind === 'hidden' ? '../.hidden.yaml' : '../inside/hopt.txt';
        if (textKind === 'chain') symlinkSync(path.join(dir, 'home/token.txt'), path.join(project, 'inside/hopt.txt'));
        symlinkSync(textTarget, path.join(project, 'texts/t.txt'));
        writeFileSync(path.join(project, 'arguments/a.yaml'), `${HEAD}  text: t.txt\nclaims:\n  - id: s.a\n    summary: A claim.\n    quote: ${SECRET.slice(0, 12)}\n`);
        const withTexts = args[0] === 'validate' ? ['validate', '--texts', 'texts', ...args.slice(2)] : args;
        const r = await runCli(withTexts, { cwd: project });
        expectNoSecret(r, `${entries.join(',')} ${withTexts.join(' ')}`);
        // Refused files are findings: the run fails (tree and stats read no texts).
        const refused = entries.some((kind) => ['secret', 'hidden', 'chain', 'dangling'].includes(kind));
        if (refused || args[0] === 'validate') expect(r.code).toBeGreaterThan(0);
      }),
      { numRuns: 60 },
    );
  });
});
