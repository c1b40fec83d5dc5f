import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir, fixtureTexts, seeds } from './helpers.js';

const validFixture = ['tests/fixtures/valid', '--texts', 'tests/fixtures/texts'];

describe('riposte validate', () => {
  it('exits 0 on the shipped map, with the report on stdout (as ESLint) and nothing on stderr', async () => {
    const r = await runCli(['validate', '--strict', '--texts', seeds]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/no problems; \d+ quotes checked against source texts/);
  });

  it('exits 1 on findings and reports them as JSON on stdout', async () => {
    const r = await runCli(['validate', 'tests/fixtures/invalid/references', '--texts', 'tests/fixtures/texts', '--format', 'json']);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(report.summary).toMatchObject({ files: 2, errors: 6, warnings: 2 });
    expect(report.diagnostics.map((d: { code: string }) => d.code)).toContain('dangling-reference');
    const dangling = report.diagnostics.find((d: { code: string }) => d.code === 'dangling-reference');
    expect(dangling).toMatchObject({ file: 'tests/fixtures/invalid/references/a.yaml', line: 13, column: 13, pointer: '/claims/0/rebuts', severity: 'error' });
  });

  it('exits 0 with warnings only, and 1 with --fail-on warning', async () => {
    const args = ['validate', 'tests/fixtures/invalid/unchecked', '--texts', 'tests/fixtures/texts'];
    expect((await runCli(args)).code).toBe(0);
    expect((await runCli([...args, '--fail-on', 'warning'])).code).toBe(1);
  });

  it('makes unchecked quotes an error under --strict', async () => {
    const r = await runCli(['validate', 'tests/fixtures/invalid/unchecked', '--texts', 'tests/fixtures/texts', '--strict', '-f', 'json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).diagnostics).toMatchObject([{ code: 'quotes-unchecked', severity: 'error' }]);
  });

  it('warns that quotes went unchecked when no texts directory is known', async () => {
    const dir = tempDir({ 'm.yaml': 'source:\n  id: s\n  kind: letter\n  title: t\n  authors: [a]\n  date: 2024\n  text: x.txt\nclaims:\n  - {id: s.a, summary: s, quote: q}\n' });
    const r = await runCli(['validate', 'm.yaml', '-f', 'json'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).summary.quotes).toEqual({ checked: 0, notFound: 0, unchecked: 1 });
  });

  it('shows a code frame with --verbose and only errors with --quiet', async () => {
    const verbose = await runCli(['validate', 'tests/fixtures/invalid/schema', '--texts', 'tests/fixtures/texts', '--verbose']);
    expect(verbose.stdout).toContain('> 3 |   kind: leter # expect: invalid-value');
    expect(verbose.stdout).toMatch(/\|\s+\^{5}\n/);
    const quiet = await runCli(['validate', 'tests/fixtures/invalid/quotes', '--texts', 'tests/fixtures/texts', '--quiet']);
    expect(quiet.stdout).not.toContain('missing-quote');
    expect(quiet.stdout).toContain('quote-not-found');
  });

  it.each([
    [['validate', 'no/such/dir'], /no such file or directory: 'no\/such\/dir'/],
    [['validate', 'tests/fixtures/texts'], /no map files \(\*\.yaml, \*\.yml\) in directory/],
    [['validate', 'tests/**/*.nothing.yaml'], /no map files .* match/],
    [['validate', '--format', 'xml'], /Allowed choices are stylish, json/],
    [['validate', '--texts', 'no/such/texts'], /texts directory: no such file or directory/],
    [['validate', '--bogus'], /unknown option '--bogus'/],
    [['frobnicate'], /unknown command 'frobnicate'/],
    [['tree', '--depth', '-1'], /--depth must be a whole number/],
    [['tree', '--width', '30'], /--width must be a whole number of at least 40/],
    [['tree', '--from', 'nope'], /no claim or source 'nope'/],
    [['unanswered', '--source', 'nope'], /no source 'nope'/],
    [['validate', '--config', 'no-such.yaml'], /config: no such file or directory/],
  ])('exits 2 on a usage or I/O error: %j', async (args, message) => {
    const r = await runCli(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('exits 2 with help when given no command', async () => {
    const r = await runCli([]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Usage: riposte');
  });

  it('prints help and the version with exit 0', async () => {
    expect((await runCli(['--help'])).code).toBe(0);
    const v = await runCli(['--version']);
    expect(v.code).toBe(0);
    expect(v.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });

  it('reads the config file: texts and default maps, relative to the file', async () => {
    const dir = tempDir({
      'project/riposte.config.yaml': 'texts: texts\nmaps: [debate]\n',
      'project/texts/reply.txt': readFileSync(path.join(fixtureTexts, 'reply.txt')),
      'project/debate/m.yaml': 'source:\n  id: s\n  kind: letter\n  title: t\n  authors: [a]\n  date: 2024\n  text: reply.txt\nclaims:\n  - {id: s.a, summary: s, quote: We agree that encryption matters.}\n',
      'project/sub/.keep': '',
    });
    const r = await runCli(['validate', '--strict', '-f', 'json'], { cwd: `${dir}/project/sub` });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).summary).toMatchObject({ files: 1, errors: 0, quotes: { checked: 1, notFound: 0, unchecked: 0 } });
  });

  it('rejects an unknown config setting', async () => {
    const dir = tempDir({ 'riposte.config.yaml': 'textz: x\n', 'm.yaml': 'evidence: []\n' });
    const r = await runCli(['validate', 'm.yaml'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("unknown setting 'textz'");
  });
});

describe('riposte unanswered', () => {
  it('lists unanswered claims by source; --fail-on-unanswered gates on them', async () => {
    const r = await runCli(['unanswered', ...validFixture, '--width', '100']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('letter.reject  unanswered');
    expect(r.stdout).toContain('“We ask the Council … to reject the proposal.”');
    expect(r.stdout).not.toContain('letter.incompatible');
    expect(r.stdout).toMatch(/4 claims without an answer in 2 sources\.\n$/);
    const gated = await runCli(['unanswered', ...validFixture, '--fail-on-unanswered', '-f', 'json']);
    expect(gated.code).toBe(1);
    const report = JSON.parse(gated.stdout);
    expect(report.groups.map((g: { source: { id: string } }) => g.source.id)).toEqual(['letter', 'reply']);
    expect(report.groups[0].claims.map((c: { id: string }) => c.id)).toEqual(['letter.reject']);
  });

  it('passes the gate when the filtered claims are all answered', async () => {
    const r = await runCli(['unanswered', 'arguments', '--source', 'cs-letter-2022', '--fail-on-unanswered']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('No unanswered claims.');
  });

  it('filters by author and tag', async () => {
    const r = await runCli(['unanswered', ...validFixture, '--author', 'ministry', '-f', 'json']);
    expect(JSON.parse(r.stdout).groups.map((g: { source: { id: string } }) => g.source.id)).toEqual(['reply']);
    const t = await runCli(['unanswered', ...validFixture, '--tag', 'encryption', '-f', 'json']);
    expect(JSON.parse(t.stdout).total).toBe(0);
  });

  it('refuses a map with errors', async () => {
    const r = await runCli(['unanswered', 'tests/fixtures/invalid/references']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('dangling-reference');
    expect(r.stdout).toBe('');
  });
});

describe('riposte tree', () => {
  it('nests the reply under the letter, with relation, author, date and status', async () => {
    const r = await runCli(['tree', ...validFixture, '--width', '100']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('letter.incompatible  answered');
    // Responses in debate order (the letter's own support first), then by id; the speaker is
    // named where it changes.
    expect(r.stdout).toContain('├── supports letter.mass-surveillance  answered');
    expect(r.stdout).toContain('│   └── undermines reply.court-order · The Ministry, 2024-06-02  unanswered');
    expect(r.stdout).toContain('├── rebuts reply.compatible · The Ministry, 2024-06-02  unanswered');
    expect(r.stdout).toContain('└── concedes reply.encryption-matters · The Ministry, 2024-06-02  unanswered');
    expect(r.stdout).toContain('        (grants the value of encryption only)');
  });

  it('--from, --depth and --ascii', async () => {
    const r = await runCli(['tree', ...validFixture, '--from', 'letter.incompatible', '--depth', '0', '--ascii']);
    expect(r.stdout).toContain('`-- ... 3 more responses (raise --depth)');
    expect(r.stdout).not.toContain('reply.compatible');
  });

  it('--format json gives the nested structure', async () => {
    const r = await runCli(['tree', ...validFixture, '-f', 'json']);
    const tree = JSON.parse(r.stdout);
    const root = tree.sections[0].roots[0];
    expect(root).toMatchObject({ id: 'letter.incompatible', status: 'answered' });
    expect(root.children.map((c: { relation: string; id: string }) => `${c.relation} ${c.id}`)).toEqual([
      'supports letter.mass-surveillance',
      'rebuts reply.compatible',
      'concedes reply.encryption-matters',
    ]);
  });

  it('colours only on a terminal, never with NO_COLOR or --no-color', async () => {
    const tty = await runCli(['tree', ...validFixture], { isTTY: true, columns: 90 });
    expect(tty.stdout).toContain('\u001b[');
    expect((await runCli(['tree', ...validFixture], { isTTY: true, env: { NO_COLOR: '1' } })).stdout).not.toContain('\u001b[');
    expect((await runCli(['tree', ...validFixture, '--no-color'], { isTTY: true })).stdout).not.toContain('\u001b[');
    expect((await runCli(['tree', ...validFixture])).stdout).not.toContain('\u001b[');
    expect((await runCli(['tree', ...validFixture, '--color'])).stdout).toContain('\u001b[');
  });
});

describe('riposte stats', () => {
  it('counts the map, as text and as JSON', async () => {
    const r = await runCli(['stats', ...validFixture, '-f', 'json']);
    expect(JSON.parse(r.stdout)).toEqual({
      version: 1,
      sources: 2,
      claims: 6,
      evidence: 1,
      relations: { supports: 1, rebuts: 1, undermines: 1, undercuts: 0, concedes: 1, questions: 0, total: 4 },
      status: { answered: 2, challenged: 0, unanswered: 4 },
      labels: { in: 4, out: 2, undecided: 0 },
    });
    const text = await runCli(['stats', ...validFixture]);
    expect(text.stdout).toMatch(/^claims\s+6$/m);
  });
});
