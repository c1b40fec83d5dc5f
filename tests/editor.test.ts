import { chmodSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { formatMapText } from '../src/fmt/canonical.js';
import { fixtures, repoRoot, runBin, runCli, tempDir } from './helpers.js';

const scrambled = readFileSync(path.join(fixtures, 'fmt', 'scrambled.yaml'), 'utf8');
const canonical = readFileSync(path.join(fixtures, 'fmt', 'scrambled.expected.yaml'), 'utf8');

describe('formatMapText', () => {
  it('orders keys canonically and keeps every comment, quoting style and flow list', () => {
    const result = formatMapText(scrambled);
    expect(result).toEqual({ ok: true, text: canonical, changed: true });
  });
  it('is idempotent', () => {
    expect(formatMapText(canonical)).toEqual({ ok: true, text: canonical, changed: false });
  });
  it('keeps the data exactly', () => {
    const result = formatMapText(scrambled);
    expect(result.ok && parse(result.text)).toEqual(parse(scrambled));
  });
  it('refuses a file that does not parse, with the position', () => {
    expect(formatMapText('source:\n  id: x\n  title: "open\n')).toMatchObject({ ok: false, reason: expect.stringMatching(/^3:10 /) });
    expect(formatMapText('a: 1\na: 2\n')).toMatchObject({ ok: false });
  });
});

describe('riposte fmt', () => {
  it('--check passes on the shipped map', async () => {
    const r = await runCli(['fmt', '--check']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^\d+ files in canonical form\n$/);
  });

  it('--check lists the files that would change and exits 1, writing nothing', async () => {
    const dir = tempDir({ 'arguments/a.yaml': scrambled, 'arguments/b.yaml': canonical });
    const r = await runCli(['fmt', '--check', 'arguments'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('arguments/a.yaml: not in canonical form');
    expect(r.stderr).not.toContain('b.yaml');
    expect(readFileSync(path.join(dir, 'arguments/a.yaml'), 'utf8')).toBe(scrambled);
  });

  it('--write rewrites atomically, keeping permissions and leaving no temporary file', async () => {
    const dir = tempDir({ 'arguments/a.yaml': scrambled });
    const file = path.join(dir, 'arguments/a.yaml');
    chmodSync(file, 0o640);
    const r = runBin(['fmt', '--write', 'arguments'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(canonical);
    expect(statSync(file).mode & 0o777).toBe(0o640);
    expect(readdirSync(path.join(dir, 'arguments'))).toEqual(['a.yaml']);
    expect((await runCli(['fmt', '--check', 'arguments'], { cwd: dir })).code).toBe(0);
  });

  it('never touches a file that does not parse', async () => {
    const broken = 'source:\n  title: "never closed\n';
    const dir = tempDir({ 'arguments/broken.yaml': broken, 'arguments/a.yaml': scrambled });
    const r = await runCli(['fmt', '--write', 'arguments'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/arguments\/broken\.yaml: not formatted: 2:10 /);
    expect(readFileSync(path.join(dir, 'arguments/broken.yaml'), 'utf8')).toBe(broken);
    expect(readFileSync(path.join(dir, 'arguments/a.yaml'), 'utf8')).toBe(canonical);
  });

  it('prints one file to stdout when asked neither to check nor to write', async () => {
    const dir = tempDir({ 'a.yaml': scrambled });
    const r = await runCli(['fmt', 'a.yaml'], { cwd: dir });
    expect(r).toMatchObject({ code: 0, stdout: canonical });
    expect(readFileSync(path.join(dir, 'a.yaml'), 'utf8')).toBe(scrambled);
  });

  it('is a usage error for several files without --check or --write, or with both', async () => {
    expect((await runCli(['fmt'])).code).toBe(2);
    expect((await runCli(['fmt', '--check', '--write'])).code).toBe(2);
  });
});

describe('riposte init', () => {
  it('creates a config and a first map that validates clean, quotes checked', async () => {
    const dir = tempDir();
    const r = await runCli(['init', 'debate'], { cwd: dir });
    expect(r.code).toBe(0);
    const root = path.join(dir, 'debate');
    expect(readdirSync(root).sort()).toEqual(['arguments', 'riposte.config.yaml', 'schemas', 'texts']);
    const v = runBin(['validate', '--strict', '-f', 'json'], { cwd: root });
    expect(v.code).toBe(0);
    expect(JSON.parse(v.stdout).summary).toMatchObject({ files: 2, errors: 0, warnings: 0, quotes: { checked: 4, notFound: 0, unchecked: 0 } });
    const tree = runBin(['tree'], { cwd: root });
    expect(tree.stdout).toContain('undermines example-reply.court-order');
    // This riposte is not installed in the new project: the schema line points at a copy of its
    // schema in the project (a path to this repository would hold on this machine only).
    const first = readFileSync(path.join(root, 'arguments/example-letter.yaml'), 'utf8').split('\n')[0]!;
    expect(first).toBe('# yaml-language-server: $schema=../schemas/riposte.schema.json');
    expect(readFileSync(path.join(root, 'schemas/riposte.schema.json'), 'utf8')).toBe(readFileSync(path.join(repoRoot, 'schemas', 'riposte.schema.json'), 'utf8'));
    expect(r.stderr).toContain('Next: cd debate && riposte validate --strict && riposte tree');
    expect((await runCli(['fmt', '--check'], { cwd: root })).code).toBe(0);
  });

  it('leaves existing files alone (exit 2)', async () => {
    const dir = tempDir({ 'riposte.config.yaml': 'texts: mine\n' });
    const r = await runCli(['init'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('riposte.config.yaml');
    expect(readFileSync(path.join(dir, 'riposte.config.yaml'), 'utf8')).toBe('texts: mine\n');
    expect(existsSync(path.join(dir, 'arguments'))).toBe(false);
  });
});

describe('editor support', () => {
  it('riposte schema prints the schema file', async () => {
    const r = await runCli(['schema']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(JSON.parse(readFileSync(path.join(repoRoot, 'schemas', 'riposte.schema.json'), 'utf8')));
  });

  it('every shipped map file points editors at the schema on its first line', () => {
    const dir = path.join(repoRoot, 'arguments');
    for (const name of readdirSync(dir)) {
      const first = readFileSync(path.join(dir, name), 'utf8').split('\n')[0];
      expect(first, name).toBe('# yaml-language-server: $schema=../schemas/riposte.schema.json');
    }
  });

  it('the schema has a title and a description on every property, for hover help', () => {
    const schema = JSON.parse(readFileSync(path.join(repoRoot, 'schemas', 'riposte.schema.json'), 'utf8'));
    type Node = Record<string, unknown>;
    // A property that is a $ref shows its target's title and description, and its own over them.
    const resolve = (node: Node): Node => (typeof node.$ref === 'string' ? { ...schema.$defs[node.$ref.split('/').pop()!], ...node } : node);
    const missing: string[] = [];
    const visit = (raw: Node, at: string): void => {
      const node = resolve(raw);
      for (const [key, value] of Object.entries((node.properties as Record<string, Node>) ?? {})) {
        const property = resolve(value);
        if (typeof property.title !== 'string' || typeof property.description !== 'string') missing.push(`${at}/${key}`);
        visit(value, `${at}/${key}`);
      }
      if (node.items && typeof node.items === 'object') visit(node.items as Node, `${at}/items`);
    };
    visit(schema, '#');
    for (const [key, value] of Object.entries(schema.$defs as Record<string, Node>)) visit(value, `#/$defs/${key}`);
    expect(missing).toEqual([]);
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(typeof schema.$id).toBe('string');
  });
});

describe('CI integration files', () => {
  it('the workflow installs, tests and annotates with --format github', () => {
    const workflow = parse(readFileSync(path.join(repoRoot, '.github/workflows/riposte.yml'), 'utf8'));
    const steps = Object.values(workflow.jobs as Record<string, { steps: { run?: string }[] }>).flatMap((job) => job.steps.map((s) => s.run ?? ''));
    expect(steps).toContain('npm ci');
    expect(steps).toContain('npm test');
    expect(steps.some((run) => /riposte validate .*--format github/.test(run))).toBe(true);
    expect(workflow.on).toHaveProperty('pull_request');
  });

  it('declares a riposte-validate hook for pre-commit', () => {
    const hooks = parse(readFileSync(path.join(repoRoot, '.pre-commit-hooks.yaml'), 'utf8')) as { id: string; entry: string }[];
    expect(hooks.find((h) => h.id === 'riposte-validate')).toMatchObject({ entry: 'riposte validate --only-maps', language: 'node' });
    expect(hooks.find((h) => h.id === 'riposte-fmt')).toMatchObject({ entry: 'riposte fmt --write --only-maps', language: 'node' });
  });

  it('the documented GitLab and GitHub snippets name formats that exist', async () => {
    const doc = readFileSync(path.join(repoRoot, 'docs/ci.md'), 'utf8');
    for (const [, format] of doc.matchAll(/-o ([a-z]+)=/g)) expect(['stylish', 'json', 'github', 'junit', 'sarif', 'gitlab']).toContain(format);
    const dir = tempDir();
    writeFileSync(path.join(dir, 'x'), '');
    expect((await runCli(['validate', '--no-texts', '-o', `gitlab=${dir}/gl.json`])).code).toBe(0);
    expect(JSON.parse(readFileSync(path.join(dir, 'gl.json'), 'utf8'))).toEqual([]);
  });
});
