import { execFileSync } from 'node:child_process';
import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { MapDiff } from '../src/diff/compare.js';
import { formatDiffMarkdown, markdownText } from '../src/diff/format-markdown.js';
import { runBin, tempDir } from './helpers.js';

const GIT_ENV = { GIT_AUTHOR_NAME: 'Test', GIT_AUTHOR_EMAIL: 'test@example.org', GIT_COMMITTER_NAME: 'Test', GIT_COMMITTER_EMAIL: 'test@example.org' };
const git = (dir: string, ...args: string[]): string => execFileSync('git', args, { cwd: dir, encoding: 'utf8', env: { ...process.env, ...GIT_ENV } }).trim();

const letter = (claims: string): string => `source: {id: a, kind: letter, title: A letter, authors: [Alpha], date: 2024-01-01, text: a.txt}
claims:
${claims}`;
const ONE = '  - {id: a.one, summary: Scanning breaks encryption., quote: "scanning breaks encryption"}\n';
const TWO = (id: string) => `  - {id: ${id}, summary: Nobody asked for it., quote: "nobody asked for it"}\n`;
const reply = (relation: string) => `source: {id: b, kind: reply, title: A reply, authors: [Beta], date: 2024-02-01}
claims:
  - {id: b.no, summary: It does not., ${relation}: a.one}
`;

/** A repository whose history is the life of a small map: each commit one kind of change. */
const commits: Record<string, string> = {};
let repo: string;

beforeAll(() => {
  repo = tempDir({
    'riposte.config.yaml': 'maps: [arguments]\ntexts: texts\n',
    'texts/a.txt': 'We hold that scanning breaks encryption, and that nobody asked for it.\n',
    'arguments/a.yaml': letter(ONE + TWO('a.two')),
  });
  git(repo, 'init', '-q', '-b', 'main');
  const commit = (name: string, files: Record<string, string | null>): void => {
    for (const [file, content] of Object.entries(files)) {
      if (content === null) rmSync(path.join(repo, file));
      else writeFileSync(path.join(repo, file), content);
    }
    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '-m', name);
    commits[name] = git(repo, 'rev-parse', 'HEAD');
  };
  commit('start', {});
  commit('reply', { 'arguments/b.yaml': reply('rebuts') });
  commit('retype', { 'arguments/b.yaml': reply('undermines') });
  commit('delete', { 'arguments/b.yaml': null });
  commit('rename', { 'arguments/a.yaml': letter(ONE + TWO('a.second')) });
  commit('break-quote', { 'arguments/a.yaml': letter(ONE.replace('scanning breaks encryption"', 'scanning always breaks encryption"') + TWO('a.second')) });
  commit('invalid', { 'arguments/a.yaml': 'source: {id: a\nclaims: [\n' });
});

const diff = (...args: string[]) => {
  const result = runBin(['diff', ...args, '--format', 'json'], { cwd: repo });
  return { ...result, json: result.code === 2 ? undefined : JSON.parse(result.stdout) };
};

describe('riposte diff on a real git history', () => {
  it('a reply that answers a claim: the claim is added, the relation too, and the claim answered is answered and defeated', () => {
    const { code, json } = diff(commits.start!, commits.reply!);
    expect(code).toBe(0);
    expect(json.version).toBe(1);
    expect(json.base).toEqual({ name: commits.start, commit: commits.start });
    expect(json.sources.added.map((s: { id: string }) => s.id)).toEqual(['b']);
    expect(json.claims.added.map((c: { id: string }) => c.id)).toEqual(['b.no']);
    expect(json.relations.added).toEqual([{ from: 'b.no', to: 'a.one', kind: 'rebuts' }]);
    expect(json.consequences.becameAnswered).toEqual([{ id: 'a.one', source: 'a', summary: 'Scanning breaks encryption.', before: 'unanswered', after: 'answered' }]);
    expect(json.consequences.labels.map((l: { id: string; before: string; after: string }) => `${l.id} ${l.before}>${l.after}`)).toEqual(['a.one in>out']);
  });

  it('a relation that changes kind is one change, not a removal and an addition', () => {
    const { json } = diff(commits.reply!, commits.retype!);
    expect(json.relations).toEqual({ added: [], removed: [], changedKind: [{ from: 'b.no', to: 'a.one', before: 'rebuts', after: 'undermines' }] });
    expect(json.claims.changed.map((c: { id: string }) => c.id)).toEqual(['b.no']);
    expect(json.consequences.becameAnswered).toEqual([]);
  });

  it('deleting the answer leaves the claim unanswered, and --fail-on newly-unanswered says so (exit 1)', () => {
    const { json } = diff(commits.retype!, commits.delete!);
    expect(json.claims.removed.map((c: { id: string }) => c.id)).toEqual(['b.no']);
    expect(json.sources.removed.map((s: { id: string }) => s.id)).toEqual(['b']);
    expect(json.consequences.becameUnanswered.map((c: { id: string }) => c.id)).toEqual(['a.one']);
    const gated = runBin(['diff', commits.retype!, commits.delete!, '--fail-on', 'newly-unanswered'], { cwd: repo });
    expect(gated.code).toBe(1);
    expect(gated.stderr).toBe('riposte: the change fails --fail-on newly-unanswered (1)\n');
    // The gate can be kept to one source's claims: b's own claims lost nothing.
    expect(runBin(['diff', commits.retype!, commits.delete!, '--fail-on', 'newly-unanswered', '--source', 'b'], { cwd: repo }).code).toBe(0);
    expect(runBin(['diff', commits.retype!, commits.delete!, '--fail-on', 'newly-unanswered', '--source', 'a'], { cwd: repo }).code).toBe(1);
  });

  it('an id renamed with nothing else changed is a rename', () => {
    const { json } = diff(commits.delete!, commits.rename!);
    expect(json.claims).toEqual({ added: [], removed: [], renamed: [{ from: 'a.two', to: 'a.second', summary: 'Nobody asked for it.' }], changed: [] });
    expect(runBin(['diff', commits.delete!, commits.rename!, '--fail-on', 'removed'], { cwd: repo }).code).toBe(0);
  });

  it('a quote that no longer checks against the text at that revision is reported, and can fail the run', () => {
    const { json } = diff(commits.rename!, commits['break-quote']!);
    expect(json.consequences.quotesBroken.map((q: { id: string }) => q.id)).toEqual(['a.one']);
    expect(json.claims.changed[0].changes.map((c: { field: string }) => c.field)).toEqual(['quote']);
    expect(runBin(['diff', commits.rename!, commits['break-quote']!, '--fail-on', 'broken-quote'], { cwd: repo }).code).toBe(1);
    // And back again: the quote checks again.
    expect(diff(commits['break-quote']!, commits.rename!).json.consequences.quotesFixed.map((q: { id: string }) => q.id)).toEqual(['a.one']);
  });

  it('says which side did not load and why (exit 2)', () => {
    const result = runBin(['diff', commits.invalid!, commits.rename!], { cwd: repo });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(new RegExp(`^riposte: cannot load BASE \\(${commits.invalid}\\): the map has errors: arguments/a\\.yaml:\\d+:\\d+: `));
    expect(result.stdout).toBe('');
    const head = runBin(['diff', commits.rename!, 'no-such-branch'], { cwd: repo });
    expect(head.code).toBe(2);
    expect(head.stderr).toBe("riposte: cannot load HEAD (no-such-branch): 'no-such-branch' is neither a directory nor a revision of this repository\n");
  });

  it('compares with the working tree by default, and leaves the repository and the temporary directory as they were', () => {
    git(repo, 'checkout', '-q', commits.rename!);
    const before = readdirSync(os.tmpdir()).filter((f) => f.startsWith('riposte-diff-'));
    writeFileSync(path.join(repo, 'arguments', 'b.yaml'), reply('concedes'));
    const { code, json } = diff(commits.rename!);
    expect(code).toBe(0);
    expect(json.head).toEqual({ name: 'working tree', commit: null });
    expect(json.relations.added).toEqual([{ from: 'b.no', to: 'a.one', kind: 'concedes' }]);
    expect(json.consequences.becameAnswered.map((c: { id: string }) => c.id)).toEqual(['a.one']);
    rmSync(path.join(repo, 'arguments', 'b.yaml'));
    expect(git(repo, 'status', '--porcelain')).toBe('');
    expect(git(repo, 'worktree', 'list').split('\n')).toHaveLength(1);
    expect(readdirSync(os.tmpdir()).filter((f) => f.startsWith('riposte-diff-'))).toEqual(before);
  });

  it('compares two directories outside any repository; a revision there is a clear error', () => {
    const a = tempDir({ 'arguments/a.yaml': letter(ONE) });
    const b = tempDir({ 'arguments/a.yaml': letter(ONE + TWO('a.two')) });
    const result = runBin(['diff', a, b, '--no-texts', '--format', 'json']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).claims.added.map((c: { id: string }) => c.id)).toEqual(['a.two']);
    const outside = runBin(['diff', 'main', '--no-texts'], { cwd: a });
    expect(outside.code).toBe(2);
    expect(outside.stderr).toContain('not inside a git repository');
  });

  it('prints text for a terminal and Markdown for a pull request', () => {
    const text = runBin(['diff', commits.start!, commits.reply!], { cwd: repo });
    expect(text.stdout.split('\n').slice(0, 2)).toEqual([`riposte diff: ${commits.start} → ${commits.reply}`, 'claims: 1 added; relations: 1 added; sources: 1 added. 1 claim now answered, 1 label changed.']);
    expect(text.stdout).toContain('Claims now answered (1)\n  ✓ a.one unanswered → answered: Scanning breaks encryption.');
    const markdown = runBin(['diff', commits.start!, commits.reply!, '--format', 'markdown'], { cwd: repo }).stdout;
    expect(markdown).toContain('<details open><summary>Claims now answered (1)</summary>');
    expect(markdown).toContain('<details><summary>Claims added (1)</summary>');
    expect(markdown).toContain('- ✓ `a.one` `unanswered → answered`: Scanning breaks encryption\\.');
  });
});

describe('the Markdown report', () => {
  const emptyDiff = (): MapDiff => ({
    sources: { added: [], removed: [], changed: [] },
    claims: { added: [], removed: [], renamed: [], changed: [] },
    relations: { added: [], removed: [], changedKind: [] },
    consequences: { becameAnswered: [], becameUnanswered: [], otherStatus: [], labels: [], evidenceAdded: [], evidenceDropped: [], quotesBroken: [], quotesFixed: [] },
  });

  it('keeps map text from mentioning, linking, embedding or opening HTML', () => {
    const hostile = '@octocat ![x](https://evil.example/t.png) [click](javascript:alert(1)) <img src=x onerror=alert(1)> **bold** `code`';
    const escaped = markdownText(hostile);
    expect(escaped).not.toMatch(/@octocat|<img|\]\(|!\[|\*\*/);
    expect(escaped).toContain('@\u2060octocat');
    const diff = emptyDiff();
    diff.claims.added.push({ id: 'a.x', source: 'a', summary: hostile });
    const out = formatDiffMarkdown({ base: { name: 'main', commit: null }, head: { name: 'working tree', commit: null }, diff, gates: [] }, { color: false, width: 80 });
    expect(out).toContain(`- + \`a.x\` ${escaped}`);
  });

  it('stays under the size limit and says what it left out', () => {
    const diff = emptyDiff();
    for (let i = 0; i < 2000; i++) diff.claims.added.push({ id: `a.claim-${i}`, source: 'a', summary: 'A claim with a summary long enough to fill the comment quickly.' });
    const out = formatDiffMarkdown({ base: { name: 'main', commit: null }, head: { name: 'HEAD', commit: null }, diff, gates: [] }, { color: false, width: 80, markdownLimit: 20_000 });
    expect(out.length).toBeLessThan(20_000);
    const shown = out.split('\n').filter((l) => l.startsWith('- + ')).length;
    expect(shown).toBeGreaterThan(100);
    expect(out).toContain(`_${2000 - shown} more lines not shown: the comment would exceed GitHub's size limit.`);
    expect(out.match(/<details/g)).toHaveLength(out.match(/<\/details>/g)!.length);
  });
});

describe('docs/ci.md', () => {
  it('documents a pull-request workflow whose riposte diff commands run', async () => {
    const { readFileSync } = await import('node:fs');
    const { parse } = await import('yaml');
    const { repoRoot } = await import('./helpers.js');
    const doc = readFileSync(path.join(repoRoot, 'docs/ci.md'), 'utf8');
    const block = [...doc.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]!).find((b) => b.includes('riposte diff'))!;
    const workflow = parse(block) as { on: string; permissions: Record<string, string>; jobs: Record<string, { steps: { run?: string }[] }> };
    expect(workflow.on).toBe('pull_request');
    expect(workflow.permissions).toEqual({ contents: 'read', 'pull-requests': 'write' });
    const runs = Object.values(workflow.jobs).flatMap((job) => job.steps.map((s) => s.run ?? '')).filter((r) => r.includes('riposte diff'));
    expect(runs.length).toBeGreaterThanOrEqual(2);
    for (const run of runs) {
      const args = run.replace(/^npx riposte /, '').replace(/\s*>.*$/, '').replace('"origin/$BASE"', commits.start!).split(/\s+/);
      const result = runBin(args, { cwd: repo });
      expect(result.stderr).not.toMatch(/unknown|error: /);
      expect([0, 1], `${run}: ${result.stderr}`).toContain(result.code);
    }
  });
});
