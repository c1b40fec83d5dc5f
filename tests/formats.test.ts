import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { fixtureTexts, runBin, runCli, tempDir } from './helpers.js';

const require = createRequire(import.meta.url);
// SARIF's schema is draft-04: ajv reads it with ajv-draft-04 (both packages export the class as module.exports).
const Ajv4 = require('ajv-draft-04') as typeof import('ajv-draft-04').default;
const addFormats = require('ajv-formats') as typeof import('ajv-formats').default;

/** A real broken map: a dangling reference, an unknown key, a bad quote, a YAML syntax error. */
const brokenMap = () =>
  tempDir({
    'arguments/letter.yaml': `source:
  id: letter
  kind: letter
  title: A letter
  authors: [L]
  date: 2024-05
  text: letter.txt
claims:
  - id: letter.reject
    summary: The Council should reject the proposal.
    quote: We ask the Council to accept the proposal.
  - id: letter.more
    summary: More, 100% sure.
    quote: We ask the Council
    rebutts: letter.reject
`,
    'arguments/reply.yaml': `source:
  id: reply
  kind: reply
  title: A reply
  authors: [R]
  date: 2024-06
  text: reply.txt
claims:
  - id: reply.matters
    summary: Encryption matters.
    quote: We agree that encryption matters.
    concedes: letter.rejected
`,
    'arguments/broken.yaml': 'source:\n  id: broken\n  title: "never closed\n',
  });

const EXPECTED = [
  ['arguments/broken.yaml', 3, 10, 'yaml-syntax'],
  ['arguments/letter.yaml', 11, 12, 'quote-not-found'],
  ['arguments/letter.yaml', 15, 5, 'unknown-key'],
  ['arguments/reply.yaml', 12, 15, 'dangling-reference'],
] as const;

async function validate(dir: string, ...args: string[]) {
  return runCli(['validate', 'arguments', '--texts', fixtureTexts, ...args], { cwd: dir });
}

function sarifValidator() {
  const ajv = new Ajv4({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  return ajv.compile(require('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'));
}

describe('output formats on a broken map', () => {
  it('json: every finding with its file, 1-based line and column, code and severity', async () => {
    const r = await validate(brokenMap(), '--format', 'json');
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(report.diagnostics.map((d: { file: string; line: number; column: number; code: string }) => [d.file, d.line, d.column, d.code])).toEqual(EXPECTED);
    expect(report.summary).toMatchObject({ files: 3, errors: 4, warnings: 0 });
  });

  it('github: one workflow command per finding, escaped', async () => {
    const r = await validate(brokenMap(), '--format', 'github');
    expect(r.code).toBe(1);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(4);
    EXPECTED.forEach(([file, line, col, code], i) => {
      expect(lines[i]).toMatch(new RegExp(`^::error file=${file},line=${line},col=${col},title=riposte ${code}::`));
    });
    // The quote hint spans lines and has a '%': both escaped, so each command stays one line.
    expect(lines[1]).toContain('%0Aclosest passage in letter.txt');
    expect(lines[1]).toMatch(/\(line \d+, \d+%25 alike\)/);
  });

  it('junit: well-formed XML, one test case per file, failed when the file fails the run, never more failures than tests', async () => {
    const r = await validate(brokenMap(), '--format', 'junit');
    expect(r.code).toBe(1);
    expect(XMLValidator.validate(r.stdout)).toBe(true);
    const parse = (text: string) => new XMLParser({ ignoreAttributes: false, isArray: (name) => ['testcase', 'failure'].includes(name) }).parse(text);
    const xml = parse(r.stdout);
    const cases = xml.testsuites.testsuite.testcase as { '@_name': string; failure?: { '@_type': string; '#text': string }[] }[];
    expect(cases.map((c) => c['@_name'])).toEqual(['arguments/broken.yaml', 'arguments/letter.yaml', 'arguments/reply.yaml']);
    // One failure per failed file, holding each of its findings.
    expect(cases.every((c) => (c.failure ?? []).length <= 1)).toBe(true);
    const failedFiles = [...new Set(EXPECTED.map(([file]) => file))];
    expect(cases.filter((c) => c.failure).map((c) => c['@_name'])).toEqual(failedFiles);
    for (const [file, , , code] of EXPECTED) expect(cases.find((c) => c['@_name'] === file)!.failure![0]!['@_type']).toContain(code as string);
    expect(Number(xml.testsuites['@_failures'])).toBe(failedFiles.length);
    expect(Number(xml.testsuites['@_failures'])).toBeLessThanOrEqual(Number(xml.testsuites['@_tests']));
  });

  it('junit: warnings are output, not failures, unless --fail-on warning makes them fail the run', async () => {
    const dir = tempDir({ 'arguments/a.yaml': 'source: {id: a, kind: letter, title: A, authors: [Alpha], date: 2024-01-01}\nclaims:\n  - {id: a.one, summary: One.}\n' });
    const parse = (text: string) => new XMLParser({ ignoreAttributes: false, isArray: (name) => ['testcase', 'failure'].includes(name) }).parse(text);
    const passing = await validate(dir, '--no-texts', '--format', 'junit');
    expect(passing.code).toBe(0);
    const ok = parse(passing.stdout).testsuites;
    expect(ok['@_failures']).toBe('0');
    expect(ok.testsuite.testcase[0]['system-out']).toContain('missing-quote');
    const failing = await validate(dir, '--no-texts', '--format', 'junit', '--fail-on', 'warning');
    expect(failing.code).toBe(1);
    expect(parse(failing.stdout).testsuites['@_failures']).toBe('1');
  });

  it('sarif: valid against the SARIF 2.1.0 schema, with rules and regions', async () => {
    const r = await validate(brokenMap(), '--format', 'sarif');
    expect(r.code).toBe(1);
    const log = JSON.parse(r.stdout);
    const validateSarif = sarifValidator();
    expect(validateSarif(log), JSON.stringify(validateSarif.errors)).toBe(true);
    const run = log.runs[0];
    expect(run.tool.driver.rules.map((rule: { id: string }) => rule.id)).toEqual(['dangling-reference', 'quote-not-found', 'unknown-key', 'yaml-syntax']);
    expect(run.tool.driver.rules.every((rule: { help: { text: string } }) => rule.help.text.length > 10)).toBe(true);
    expect(run.results.map((res: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number } } }[] }) => {
      const { artifactLocation, region } = res.locations[0]!.physicalLocation;
      return [artifactLocation.uri, region.startLine, region.startColumn, res.ruleId];
    })).toEqual(EXPECTED);
    const unknownKey = run.results[2].locations[0].physicalLocation.region;
    expect(unknownKey).toEqual({ startLine: 15, startColumn: 5, endLine: 15, endColumn: 12 });
  });

  it('sarif: valid also when the map is clean', async () => {
    const r = await runCli(['validate', 'tests/fixtures/valid', '--texts', 'tests/fixtures/texts', '-f', 'sarif']);
    expect(r.code).toBe(0);
    const log = JSON.parse(r.stdout);
    expect(sarifValidator()(log)).toBe(true);
    expect(log.runs[0].results).toEqual([]);
  });

  it('gitlab: a code quality report with stable, distinct fingerprints', async () => {
    const dir = brokenMap();
    const first = JSON.parse((await validate(dir, '--format', 'gitlab')).stdout);
    const second = JSON.parse((await validate(dir, '--format', 'gitlab')).stdout);
    expect(first).toEqual(second);
    expect(first.map((i: { check_name: string; location: { path: string; lines: { begin: number } } }) => [i.location.path, i.location.lines.begin, i.check_name])).toEqual(
      EXPECTED.map(([file, line, , code]) => [file, line, code]),
    );
    expect(new Set(first.map((i: { fingerprint: string }) => i.fingerprint)).size).toBe(4);
  });

  it('stylish: grouped by file, line:col severity message code, and a summary', async () => {
    const r = await validate(brokenMap());
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^arguments\/reply\.yaml\n {2}12:15 {2}error {4}no claim 'letter\.rejected' \(did you mean 'letter\.reject'\?\) {2}dangling-reference$/m);
    expect(r.stdout).toMatch(/✖ 4 problems \(4 errors, 0 warnings\) in 3 files/);
  });

  it('writes several reports in one run with --output-file, atomically', async () => {
    const dir = brokenMap();
    const r = await validate(dir, '--format', 'github', '-o', 'sarif=reports/riposte.sarif', '--output-file', 'junit=riposte.xml');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('::error');
    expect(sarifValidator()(JSON.parse(readFileSync(path.join(dir, 'reports/riposte.sarif'), 'utf8')))).toBe(true);
    expect(XMLValidator.validate(readFileSync(path.join(dir, 'riposte.xml'), 'utf8'))).toBe(true);
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('refuses a malformed --output-file before writing anything (exit 2)', async () => {
    const dir = brokenMap();
    for (const bad of ['xml=out.xml', 'sarif', '=out', 'sarif=']) {
      const r = await validate(dir, '-o', bad);
      expect(r.code, bad).toBe(2);
      expect(r.stderr).toMatch(/--output-file takes FORMAT=PATH/);
      expect(r.stdout + r.stderr).not.toContain('dangling-reference');
    }
  });

  it('is deterministic: two runs print the same bytes', async () => {
    const dir = brokenMap();
    for (const format of ['stylish', 'json', 'github', 'junit', 'sarif', 'gitlab']) {
      const [a, b] = [await validate(dir, '-f', format), await validate(dir, '-f', format)];
      expect(a.stdout + a.stderr, format).toBe(b.stdout + b.stderr);
    }
  });
});

describe('unanswered in the CI formats', () => {
  it('reports each unanswered claim at its place, as errors under --fail-on-unanswered', async () => {
    const r = await runCli(['unanswered', 'tests/fixtures/valid', '--format', 'github', '--fail-on-unanswered']);
    expect(r.code).toBe(1);
    const lines = r.stdout.trimEnd().split('\n');
    // Each claim is reported on the line of its `- id:` entry in the fixture.
    const at = (file: string, id: string): string =>
      String(readFileSync(file, 'utf8').split('\n').findIndex((line) => line.includes(`- id: ${id}`)) + 1);
    const expected = [
      ['tests/fixtures/valid/letter.yaml', 'letter.reject'],
      ['tests/fixtures/valid/reply.yaml', 'reply.compatible'],
      ['tests/fixtures/valid/reply.yaml', 'reply.encryption-matters'],
      ['tests/fixtures/valid/reply.yaml', 'reply.court-order'],
    ].map(([file, id]) => ['error', file, at(file!, id!), '5', 'unanswered-claim', id]);
    expect(lines.map((l) => /^::(\w+) file=([^,]+),line=(\d+),col=(\d+),title=riposte ([\w-]+)::claim '([^']+)'/.exec(l)!.slice(1))).toEqual(expected);
  });

  it('gives valid SARIF with warnings when not gating, and writes report files beside the text', async () => {
    const dir = tempDir();
    const r = await runCli(['unanswered', path.resolve('tests/fixtures/valid'), '-o', `sarif=${dir}/u.sarif`]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('4 claims without an answer in 2 sources.');
    const log = JSON.parse(readFileSync(path.join(dir, 'u.sarif'), 'utf8'));
    expect(sarifValidator()(log)).toBe(true);
    expect(log.runs[0].results.map((res: { level: string }) => res.level)).toEqual(['warning', 'warning', 'warning', 'warning']);
  });
});

describe('paths in the reports for machines', () => {
  const map = 'source:\n  id: s\n  kind: letter\n  title: T\n  authors: [A]\n  date: 2024\nclaims:\n  - {id: s.one, summary: A, quote: q, rebutts: x}\n';

  it('are relative to the git work tree, wherever riposte runs; stylish stays relative to where it runs', () => {
    const repo = tempDir({ 'maps/riposte.config.yaml': 'maps: [arguments]\n', 'maps/arguments/s.yaml': map });
    expect(spawnSync('git', ['init', '-q'], { cwd: repo }).status).toBe(0);
    const here = path.join(repo, 'maps', 'arguments');
    const github = runBin(['validate', '.', '--no-texts', '-f', 'github'], { cwd: here });
    expect(github.stdout).toMatch(/^::error file=maps\/arguments\/s\.yaml,line=8,col=\d+,title=riposte unknown-key::/m);
    const sarif = JSON.parse(runBin(['validate', '.', '--no-texts', '-f', 'sarif'], { cwd: here }).stdout);
    expect(sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe('maps/arguments/s.yaml');
    expect(JSON.parse(runBin(['validate', '.', '--no-texts', '-f', 'json'], { cwd: here }).stdout).diagnostics[0].file).toBe('maps/arguments/s.yaml');
    expect(runBin(['validate', '.', '--no-texts'], { cwd: here }).stdout).toMatch(/^s\.yaml$/m);
  });

  it("outside a git work tree, are relative to the config's directory", () => {
    const dir = tempDir({ 'riposte.config.yaml': 'maps: [arguments]\n', 'arguments/s.yaml': map });
    // The temporary directory is in no work tree (else the case is not this one).
    expect(spawnSync('git', ['rev-parse', '--show-toplevel'], { cwd: dir, encoding: 'utf8' }).status).not.toBe(0);
    const r = runBin(['validate', '.', '--no-texts', '-f', 'gitlab'], { cwd: path.join(dir, 'arguments') });
    expect(JSON.parse(r.stdout)[0].location.path).toBe('arguments/s.yaml');
  });
});
