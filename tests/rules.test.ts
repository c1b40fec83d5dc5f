import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIAGNOSTIC_CODES, REPORT_CODES, RULES, hintOf, messageOf, type Finding } from '../src/diagnostics.js';
import { findDisableComments } from '../src/load/disable-comments.js';
import { ADJUSTABLE_CODES } from '../src/rule-settings.js';
import { ordinal } from '../src/wording.js';
import { fixtures, repoRoot, runBin, tempDir } from './helpers.js';

const HEAD = 'source:\n  id: s\n  kind: letter\n  title: A letter\n  authors: [A]\n';

/** A project with a config and one map file; `claims` is the YAML after `claims:`. */
function project(config: string, claims: string, head = `${HEAD}  date: 2024\n`): string {
  return tempDir({ 'riposte.config.yaml': `maps: [arguments]\n${config}`, 'arguments/s.yaml': `${head}claims:\n${claims}` });
}

const json = (dir: string, args: string[] = []) => {
  const r = runBin(['validate', '--no-texts', '-f', 'json', ...args], { cwd: dir });
  return { code: r.code, stderr: r.stderr, report: r.stdout ? JSON.parse(r.stdout) : undefined };
};
const codes = (report: { diagnostics: { code: string }[] }) => report.diagnostics.map((d) => d.code).sort();

describe('the rules table', () => {
  it('gives every finding code a default severity, a summary, a fix and a reason', () => {
    for (const code of DIAGNOSTIC_CODES) {
      expect(RULES[code].summary.length, code).toBeGreaterThan(10);
      expect(RULES[code].help.length, code).toBeGreaterThan(10);
      expect(RULES[code].why.length, code).toBeGreaterThan(10);
    }
    // The findings about reading and parsing always count; the judgement calls can be changed.
    for (const code of ['yaml-syntax', 'path-outside-project', 'limit-exceeded', 'duplicate-id', 'dangling-reference'] as const) expect(RULES[code].adjustable, code).toBe(false);
    for (const code of ['missing-quote', 'missing-date', 'quotes-unchecked', 'quote-not-found', 'self-attack'] as const) expect(ADJUSTABLE_CODES, code).toContain(code);
  });

  it('is what every finding of the invalid fixtures gets, when no setting changes it', () => {
    let seen = 0;
    for (const dir of readdirSync(path.join(fixtures, 'invalid'))) {
      const r = runBin(['validate', path.join('tests/fixtures/invalid', dir), '--texts', 'tests/fixtures/texts', '-f', 'json']);
      for (const d of JSON.parse(r.stdout).diagnostics as { code: keyof typeof RULES; severity: string; docs: string }[]) {
        expect(d.severity, `${dir}: ${d.code}`).toBe(RULES[d.code].severity);
        expect(d.docs).toBe(`docs/rules.md#${d.code}`);
        seen++;
      }
    }
    expect(seen).toBeGreaterThan(20);
  });

  it("writes every message from the finding's arguments alone: the JSON report's message and hint are its template applied to its args", () => {
    const seenCodes = new Set<string>();
    for (const dir of readdirSync(path.join(fixtures, 'invalid'))) {
      const r = runBin(['validate', path.join('tests/fixtures/invalid', dir), '--texts', 'tests/fixtures/texts', '-f', 'json']);
      for (const d of JSON.parse(r.stdout).diagnostics as (Finding & { message: string; hint?: string })[]) {
        expect(d.args, `${dir}: ${d.code}`).toBeTypeOf('object');
        expect(d.message, `${dir}: ${d.code}`).toBe(messageOf({ code: d.code, args: d.args, pointer: d.pointer } as Finding));
        expect(d.hint).toBe(hintOf({ code: d.code, args: d.args } as Finding));
        seenCodes.add(d.code);
      }
    }
    expect(seenCodes.size).toBeGreaterThan(15);
  });

  it('has a message template and a sample for every code, and no sample message is empty or unfinished', () => {
    for (const code of [...DIAGNOSTIC_CODES, ...REPORT_CODES]) {
      const { args, pointer = '' } = RULES[code].sample;
      const message = messageOf({ code, args, pointer } as Finding);
      expect(message.length, code).toBeGreaterThan(10);
      expect(message, code).not.toMatch(/undefined|\[object Object\]|NaN/);
    }
  });

  it('is what docs/rules.md says, code by code (the page is generated from it)', () => {
    const r = spawnSync(process.execPath, ['scripts/rules-doc.mjs', '--check'], { cwd: repoRoot, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('is what SARIF gives each rule: default level, reason and fix', () => {
    const r = runBin(['validate', 'tests/fixtures/invalid/references', '--texts', 'tests/fixtures/texts', '-f', 'sarif']);
    const rules = JSON.parse(r.stdout).runs[0].tool.driver.rules as { id: keyof typeof RULES; defaultConfiguration: { level: string }; help: { text: string; markdown: string }; properties: { docs: string } }[];
    expect(rules.length).toBeGreaterThan(3);
    for (const rule of rules) {
      expect(rule.defaultConfiguration.level).toBe(RULES[rule.id].severity);
      expect(rule.help.text).toBe(RULES[rule.id].help);
      expect(rule.help.markdown).toContain(RULES[rule.id].why);
      expect(rule.properties.docs).toBe(`docs/rules.md#${rule.id}`);
    }
  });
});

describe('rule settings', () => {
  const claims = '  - id: s.one\n    summary: No quote.\n';

  it("turn a finding off or change its severity from the config's rules", () => {
    expect(codes(json(project('', claims)).report)).toEqual(['missing-quote']);
    const off = json(project('rules:\n  missing-quote: off\n', claims));
    expect(off.code).toBe(0);
    expect(off.report.diagnostics).toEqual([]);
    const error = json(project('rules:\n  missing-quote: error\n', claims));
    expect(error.code).toBe(1);
    expect(error.report.diagnostics).toMatchObject([{ code: 'missing-quote', severity: 'error' }]);
    // 'warning' is read as 'warn'; a setting to the default changes nothing.
    const warn = json(project('rules:\n  missing-date: warning\n  missing-quote: warn\n', claims, HEAD));
    expect(warn.report.diagnostics.map((d: { severity: string }) => d.severity)).toEqual(['warning', 'warning']);
  });

  it('--rule overrides the config, and --strict is quotes-unchecked=error unless --rule says otherwise', () => {
    const dir = project('rules:\n  missing-quote: error\n', claims);
    expect(json(dir, ['--rule', 'missing-quote=off']).report.diagnostics).toEqual([]);
    const texts = project('', '  - {id: s.one, summary: One., quote: a quote}\n', `${HEAD}  date: 2024\n  text: s.txt\n`);
    expect(runBin(['validate', '--strict', '-f', 'json'], { cwd: texts }).code).toBe(1);
    expect(runBin(['validate', '--strict', '--rule', 'quotes-unchecked=warn'], { cwd: texts }).code).toBe(0);
  });

  it('refuse an unknown rule, a rule that cannot change and an unknown level: exit 2, at the line, with the closest name', () => {
    const cases: [string, RegExp][] = [
      ['rules:\n  missing-qoute: off\n', /config riposte\.config\.yaml:3:3: unknown rule 'missing-qoute' \(did you mean 'missing-quote'\?\)/],
      ['rules:\n  yaml-syntax: off\n', /config riposte\.config\.yaml:3:3: rule 'yaml-syntax' cannot be changed/],
      ['rules:\n  missing-quote: of\n', /config riposte\.config\.yaml:3:18: rule 'missing-quote' cannot be 'of' \(did you mean 'off'\?\): use off, warn or error/],
      ['rules: [missing-quote]\n', /config riposte\.config\.yaml:2:8: 'rules' must be a mapping/],
      ['rulez:\n  missing-quote: off\n', /config riposte\.config\.yaml:2:1: unknown setting 'rulez' \(did you mean 'rules'\?\)/],
    ];
    for (const [config, message] of cases) {
      const r = runBin(['validate'], { cwd: project(config, claims) });
      expect(r.code, config).toBe(2);
      expect(r.stderr, config).toMatch(message);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
    for (const flag of ['missing-qoute=off', 'missing-quote', 'duplicate-id=off', 'missing-quote=loud']) {
      const r = runBin(['validate', '--rule', flag], { cwd: project('', claims) });
      expect(r.code, flag).toBe(2);
      expect(r.stderr, flag).toMatch(new RegExp(`^riposte: --rule '${flag}': `));
    }
  });

  it('--max-warnings fails a run with more warnings than it allows', () => {
    const dir = project('', `${claims}  - id: s.two\n    summary: No quote either.\n`);
    expect(runBin(['validate', '--max-warnings', '2'], { cwd: dir }).code).toBe(0);
    const over = runBin(['validate', '--max-warnings', '1'], { cwd: dir });
    expect(over.code).toBe(1);
    expect(over.stderr).toContain('riposte: 2 warnings, more than --max-warnings 1 allows');
  });
});

describe('disable comments', () => {
  it('silence the codes they name on the next line, and only there', () => {
    const dir = project(
      '',
      [
        '  # riposte-disable-next-line missing-quote -- said at a press conference, no text exists',
        '',
        '  # another comment between',
        '  - id: s.one',
        '    summary: No quote, silenced.',
        '  - id: s.two',
        '    summary: No quote, not silenced.',
        '',
      ].join('\n'),
    );
    const r = json(dir);
    expect(r.code).toBe(0);
    expect(r.report.diagnostics).toMatchObject([{ code: 'missing-quote', line: 13 }]);
  });

  it('report a comment that silences nothing, and one that cannot be used', () => {
    const dir = project(
      '',
      [
        '  # riposte-disable-next-line missing-quote -- stale: the claim has a quote now',
        '  - {id: s.one, summary: Quoted., quote: a quote}',
        '  # riposte-disable-next-line missing-qoute -- typo',
        '  - {id: s.two, summary: Two., quote: b quote}',
        '  # riposte-disable-next-line missing-quote',
        '  - {id: s.three, summary: Three., quote: c quote}',
        '  # riposte-disable-next-line duplicate-id -- not allowed',
        '  - {id: s.four, summary: Four., quote: d quote}',
        '    # riposte-disable-next-line',
        '',
      ].join('\n'),
    );
    const r = json(dir);
    expect(r.report.diagnostics.map((d: { code: string; line: number }) => `${d.line} ${d.code}`)).toEqual([
      '8 unused-disable',
      '10 invalid-disable',
      '12 invalid-disable',
      '14 invalid-disable',
      '16 invalid-disable',
    ]);
    const messages = r.report.diagnostics.map((d: { message: string }) => d.message).join('\n');
    expect(messages).toContain("did you mean 'missing-quote'?");
    expect(messages).toContain("say why after ' -- '");
    expect(messages).toContain("'duplicate-id' cannot be disabled");
    // Both are rules too: they can be turned off.
    expect(json(dir, ['--rule', 'unused-disable=off', '--rule', 'invalid-disable=off']).report.diagnostics).toEqual([]);
  });

  it('never silence a finding that cannot be changed, and leave unused ones alone when only errors are placed', () => {
    const dir = project('', ['  # riposte-disable-next-line missing-quote -- no text', '  - {id: s.one, summary: One.}', '  - {id: s.one, summary: Again., quote: q}', ''].join('\n'));
    const r = json(dir);
    expect(codes(r.report)).toEqual(['duplicate-id']);
    const quiet = runBin(['validate', '--no-texts', '-q'], { cwd: dir });
    expect(quiet.code).toBe(1);
    expect(quiet.stderr).not.toContain('unused-disable');
  });

  it('are comments on lines of their own: a # inside a value is text', () => {
    expect(findDisableComments('a: "# riposte-disable-next-line missing-quote -- x"\nb: c # riposte-disable-next-line missing-quote -- y\n')).toEqual([]);
    expect(findDisableComments('  # riposte-disable-next-line  missing-quote, missing-date  --  why -- not\r\n\r\n  - id: x\r\n')).toEqual([
      { line: 1, column: 3, offset: 2, target: 3, codes: ['missing-quote', 'missing-date'], reason: 'why -- not' },
    ]);
    expect(findDisableComments('# riposte-disable-next-line missing-quote -- at the end')[0]).toMatchObject({ target: 0 });
  });
});

describe('ignore patterns', () => {
  const file = (id: string, claims = `  - {id: ${id}.one, summary: One.}\n`) => `source:\n  id: ${id}\n  kind: letter\n  title: ${id}\n  authors: [A]\n  date: 2024\nclaims:\n${claims}`;
  const broken = file('drafts', '  - {id: drafts.one, summary: One., rebuts: nowhere.at-all}\n');

  it("leave out the files the config's ignore or --ignore-pattern match, wherever they were found", () => {
    const dir = tempDir({ 'riposte.config.yaml': 'maps: [arguments]\nignore: [arguments/drafts]\n', 'arguments/s.yaml': file('s'), 'arguments/drafts/d.yaml': broken, 'arguments/wip/w.yaml': broken.replace(/drafts/g, 'wip') });
    const r = json(dir);
    expect(codes(r.report)).toEqual(['dangling-reference', 'missing-quote', 'missing-quote']);
    expect(r.report.diagnostics.every((d: { file: string }) => !d.file.includes('drafts'))).toBe(true);
    const both = json(dir, ['--ignore-pattern', 'arguments/wip/**']);
    expect(both.code).toBe(0);
    expect(both.report.summary.files).toBe(1);
    // A file named on the command line is left out too (pre-commit passes every changed file).
    const named = runBin(['validate', 'arguments/drafts/d.yaml'], { cwd: dir });
    expect(named.code).toBe(0);
    expect(named.stderr).toContain('every file named is ignored');
    // fmt leaves them alone as well.
    const output = (args: string[]) => { const f = runBin(['fmt', '--check', ...args], { cwd: dir }); return f.stdout + f.stderr; };
    expect(output([])).toContain('arguments/wip/w.yaml: not in canonical form');
    expect(output(['--ignore-pattern', 'arguments/wip'])).not.toMatch(/drafts|wip/);
  });

  it('a map whose files are all ignored is a usage error, and a malformed ignore says where', () => {
    const dir = tempDir({ 'riposte.config.yaml': 'ignore: ["arguments/*.yaml"]\n', 'arguments/s.yaml': file('s') });
    const all = runBin(['validate'], { cwd: dir });
    expect(all.code).toBe(2);
    expect(all.stderr).toContain('every map file is ignored');
    const bad = runBin(['validate'], { cwd: tempDir({ 'riposte.config.yaml': 'ignore: arguments/drafts\n', 'arguments/s.yaml': file('s') }) });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/config riposte\.config\.yaml:1:9: 'ignore' must be a list/);
  });
});

describe('validate --print-config', () => {
  it('prints the settings in force as JSON: config, flags and defaults, and checks nothing', () => {
    const dir = tempDir({ 'riposte.config.yaml': 'maps: [arguments]\nignore: [arguments/drafts]\nlimits: {max_depth: 32}\nrules:\n  missing-quote: off\n', 'arguments/broken.yaml': 'not: [valid' });
    const r = runBin(['validate', '--print-config', '--rule', 'missing-date=error', '--strict', '--max-files', '9'], { cwd: dir });
    expect(r.code).toBe(0);
    const printed = JSON.parse(r.stdout);
    expect(printed).toMatchObject({ config: 'riposte.config.yaml', root: '.', maps: ['arguments'], ignore: ['arguments/drafts'], limits: { maxDepth: 32, maxFiles: 9 } });
    expect(printed.rules).toMatchObject({ 'missing-quote': 'off', 'missing-date': 'error', 'quotes-unchecked': 'error', 'same-source-response': 'warn', 'quote-not-found': 'error' });
    expect(Object.keys(printed.rules).sort()).toEqual([...ADJUSTABLE_CODES].sort());
  });
});

describe('messages a person can act on', () => {
  it('count list items from 1, as people do: the 4th claim, the 2nd tag', () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 101, 111].map(ordinal)).toEqual(['1st', '2nd', '3rd', '4th', '11th', '12th', '13th', '21st', '22nd', '101st', '111th']);
    const dir = project('', '  - {id: s.a, summary: A, quote: a}\n  - {id: s.b, summary: B, quote: b}\n  - {id: s.c, summary: C, quote: c}\n  - {id: s.d, quote: d}\n  - {id: s.e, summary: E, quote: e, tags: [x, 3, x]}\n');
    const messages = json(dir).report.diagnostics.map((d: { code: string; message: string }) => `${d.code}: ${d.message}`);
    expect(messages).toContain("missing-key: missing required key 'summary' in the 4th claim");
    expect(messages.some((m: string) => m.startsWith('wrong-type: the 2nd tag must be'))).toBe(true);
  });

  it('suggest the closest file name for a text that is not there', () => {
    const dir = tempDir({
      'riposte.config.yaml': 'maps: [arguments]\ntexts: texts\n',
      'texts/reply-2024.txt': 'We reject the proposal.\n',
      'arguments/s.yaml': `${HEAD}  date: 2024\n  text: reply-2024.tx\nclaims:\n  - {id: s.one, summary: They reject it., quote: We reject the proposal.}\n`,
    });
    const withTexts = runBin(['validate', '-f', 'json'], { cwd: dir });
    const found = JSON.parse(withTexts.stdout).diagnostics.find((d: { code: string }) => d.code === 'text-not-found');
    expect(found.message).toContain("(did you mean 'reply-2024.txt'?)");
  });
});
