import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseKialoTree } from '../src/interop/kialo.js';
import { fixtures, repoRoot, runBin, tempDir } from './helpers.js';

const corpora = path.resolve(repoRoot, '..', 'shared', 'corpora');
const kialoFixtures = path.join(fixtures, 'kialo');

/** Import `input` as `format` into a new directory; the run, the directory and its files. */
function importInto(format: string, input: string, extra: string[] = []) {
  const dir = tempDir();
  const r = runBin(['import', format, input, '-o', 'map', ...extra], { cwd: dir });
  return { r, dir, map: path.join(dir, 'map') };
}

function validates(dir: string): void {
  const r = runBin(['validate', 'map', '--no-texts', '-f', 'json'], { cwd: dir });
  const errors = JSON.parse(r.stdout).diagnostics.filter((d: { severity: string }) => d.severity === 'error');
  expect(errors, JSON.stringify(errors)).toEqual([]);
  expect(r.code).toBe(0);
  expect(runBin(['fmt', '--check', 'map'], { cwd: dir }).code).toBe(0);
}

/** Kialo paths of the nodes no Con child answers, from the export's text alone. */
function unansweredPaths(text: string): string[] {
  const { root } = parseKialoTree(text);
  const open: string[] = [];
  const stack = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (!node.children.some((c) => c.stance === 'Con')) open.push(node.path.join('.'));
    stack.push(...node.children);
  }
  return open.sort();
}

function unansweredLocators(dir: string): string[] {
  const report = JSON.parse(runBin(['unanswered', 'map', '-f', 'json'], { cwd: dir }).stdout);
  const locators = locatorsOf(dir);
  return report.groups.flatMap((g: { claims: { id: string }[] }) => g.claims.map((c) => c.id)).map((id: string) => locators.get(id)!).sort();
}

/** Each claim's Kialo path, read from the written files. */
function locatorsOf(dir: string): Map<string, string> {
  const locators = new Map<string, string>();
  for (const file of readdirSync(path.join(dir, 'map'))) {
    const text = readFileSync(path.join(dir, 'map', file), 'utf8');
    for (const [, id, locator] of text.matchAll(/- id: (\S+)\n(?: {4}.*\n)*? {4}locator: Kialo ([\d.]+)/g)) locators.set(id!, locator!);
  }
  return locators;
}

describe('riposte import kialo', () => {
  it.each(['encryption.txt', 'multi-thesis.txt'])('%s: a valid map whose unanswered claims are exactly those no Con claim answers', (name) => {
    const input = path.join(kialoFixtures, name);
    const { r, dir } = importInto('kialo', input);
    expect(r.code, r.stderr).toBe(0);
    validates(dir);
    expect(unansweredLocators(dir)).toEqual(unansweredPaths(readFileSync(input, 'utf8')));
  });

  it('keeps a numbered line inside a claim as text, unescapes Markdown, maps links', () => {
    const { dir } = importInto('kialo', path.join(kialoFixtures, 'encryption.txt'));
    const text = readdirSync(path.join(dir, 'map')).map((f) => readFileSync(path.join(dir, 'map', f), 'utf8')).join('\n');
    expect(text).toContain('relevant. 2. Murder is wrong. This line starts with a number');
    expect(text).toContain('end-to-end encryption <for everyone>.');
    expect(text).toContain('general monitoring *twice*.');
    expect(text).toContain('Kialo shows here the claim at 1.1.1.2 (a link)');
    expect(text).toContain('a link to Kialo discussion #18090');
  });

  it('a generated debate of 10,000 claims and depth 25: valid, and the unanswered claims are right', () => {
    // A seeded tree: a spine 25 deep, then random parents; Pro and Con by turns of a counter.
    let state = 42;
    const random = () => ((state = (state * 1103515245 + 12345) % 2147483648) / 2147483648);
    const paths: string[] = ['1'];
    const children = new Map<string, number>([['1', 0]]);
    const lines = ['Discussion Title: A generated debate', '', '1. The thesis.'];
    for (let i = 1; i < 10_000; i++) {
      const parent = i < 25 ? paths[i - 1]! : paths[Math.floor(random() * paths.length)]!;
      const n = children.get(parent)! + 1;
      children.set(parent, n);
      const path_ = `${parent}.${n}`;
      paths.push(path_);
      children.set(path_, 0);
      lines.push(`${path_}. ${random() < 0.5 ? 'Pro' : 'Con'}: Claim ${i} says something about point ${Math.floor(random() * 100)}.`);
    }
    // Kialo writes the outline depth first.
    const byPath = new Map(lines.slice(3).map((line) => [line.slice(0, line.indexOf('. ')), line]));
    const ordered: string[] = [];
    const visit: string[] = ['1'];
    while (visit.length > 0) {
      const p = visit.pop()!;
      if (p !== '1') ordered.push(byPath.get(p)!);
      for (let k = children.get(p)!; k >= 1; k--) visit.push(`${p}.${k}`);
    }
    const dir0 = tempDir({ 'big.txt': [...lines.slice(0, 3), ...ordered].join('\n') + '\n' });
    const input = path.join(dir0, 'big.txt');
    const { r, dir } = importInto('kialo', input);
    expect(r.code, r.stderr).toBe(0);
    validates(dir);
    expect(unansweredLocators(dir)).toEqual(unansweredPaths(readFileSync(input, 'utf8')));
  });

  it('is deterministic, never overwrites without --force, and writes nothing on bad input', () => {
    const input = path.join(kialoFixtures, 'encryption.txt');
    const dir = tempDir();
    expect(runBin(['import', 'kialo', input, '-o', 'a'], { cwd: dir }).code).toBe(0);
    expect(runBin(['import', 'kialo', input, '-o', 'b'], { cwd: dir }).code).toBe(0);
    const files = readdirSync(path.join(dir, 'a')).sort();
    expect(readdirSync(path.join(dir, 'b')).sort()).toEqual(files);
    for (const f of files) expect(readFileSync(path.join(dir, 'b', f), 'utf8')).toBe(readFileSync(path.join(dir, 'a', f), 'utf8'));
    const again = runBin(['import', 'kialo', input, '-o', 'a'], { cwd: dir });
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('would be overwritten');
    expect(runBin(['import', 'kialo', input, '-o', 'a', '--force'], { cwd: dir }).code).toBe(0);
    writeFileSync(path.join(dir, 'bad.txt'), 'Title: not a Kialo export\n1. x\n');
    const bad = runBin(['import', 'kialo', 'bad.txt', '-o', 'c'], { cwd: dir });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^bad\.txt:1:1: a Kialo export starts with 'Discussion Title: \.\.\.'/);
    expect(readdirSync(dir)).not.toContain('c');
    expect(runBin(['import', 'kialo', 'missing.txt', '-o', 'c'], { cwd: dir }).code).toBe(2);
    expect(runBin(['import', 'word', input, '-o', 'c'], { cwd: dir }).code).toBe(2);
  });
});

describe('riposte import aif', () => {
  const files = readdirSync(path.join(corpora, 'aif')).filter((f) => f.endsWith('.json')).sort();
  it.each(files)('%s: a valid map with a claim per I-node and a relation per premise, attack and restatement', (file) => {
    const input = path.join(corpora, 'aif', file);
    const { r, dir } = importInto('aif', input, ['-f', 'json']);
    expect(r.code, r.stderr).toBe(0);
    validates(dir);
    const aif = JSON.parse(readFileSync(input, 'utf8')) as { nodes: { nodeID: string; type: string }[]; edges: { fromID: string; toID: string }[] };
    const summary = JSON.parse(r.stdout);
    expect(summary.claims).toBe(aif.nodes.filter((n) => n.type === 'I').length);
    // Each RA or CA node gives one relation per incoming I-node and outgoing I- or RA-target.
    const type = new Map(aif.nodes.map((n) => [n.nodeID, n.type]));
    let expected = 0;
    for (const node of aif.nodes.filter((n) => n.type === 'RA' || n.type === 'CA')) {
      const ins = aif.edges.filter((e) => e.toID === node.nodeID && type.get(e.fromID) === 'I').length;
      const outs = aif.edges.filter((e) => e.fromID === node.nodeID && ['I', 'RA'].includes(type.get(e.toID)!)).length;
      expected += ins * outs;
    }
    expect(summary.relations).toBe(expected);
  });

  it('a speaker named by a locution becomes a source, and the locution its claim quote', () => {
    const { dir } = importInto('aif', path.join(corpora, 'aif', 'nodeset118.json'));
    const poostix = readFileSync(path.join(dir, 'map', 'nodeset118-poostix.yaml'), 'utf8');
    expect(poostix).toContain('authors:\n    - Poostix');
    expect(poostix).toContain('quote: John has taken the Shakespeare course');
  });

  it('malformed AIF: file, line, message; nothing written', () => {
    const dir = tempDir({ 'bad.json': '{"nodes": [], "edges": [\n  {"fromID": 1,\n}' , 'shape.json': '{"nodes": {}}' });
    for (const file of ['bad.json', 'shape.json']) {
      const r = runBin(['import', 'aif', file, '-o', 'out'], { cwd: dir });
      expect(r.code, file).toBe(1);
      expect(r.stderr).toMatch(new RegExp(`^${file.replace('.', '\\.')}:\\d+:\\d+: `));
      expect(readdirSync(dir)).not.toContain('out');
    }
  });
});

describe('riposte import apx and tgf', () => {
  const frameworks = readdirSync(path.join(corpora, 'apx')).filter((f) => f.endsWith('.apx')).sort();
  it.each(frameworks.slice(0, 6))('%s: valid, and riposte status labels in exactly the grounded extension', (file) => {
    const { r, dir } = importInto('apx', path.join(corpora, 'apx', file));
    expect(r.code, r.stderr).toBe(0);
    const status = JSON.parse(runBin(['status', 'map', '-f', 'json'], { cwd: dir }).stdout);
    const grounded = /^\[\[(.*)\]\]/s.exec(readFileSync(path.join(corpora, 'apx', file.replace('.apx', '.EE-GR')), 'utf8').trim())![1]!;
    expect(status.counts.labels.in).toBe(grounded.trim() === '' ? 0 : grounded.split(',').length);
    expect(status.total).toBe(readFileSync(path.join(corpora, 'apx', file), 'utf8').split('\n').filter((l) => l.startsWith('arg(')).length);
  });

  it('tgf: arguments, #, attacks', () => {
    const dir0 = tempDir({ 'f.tgf': 'a\nb\nc\n#\nb a\nc b\n' });
    const { r, dir } = importInto('tgf', path.join(dir0, 'f.tgf'));
    expect(r.code, r.stderr).toBe(0);
    const status = JSON.parse(runBin(['status', 'map', '-f', 'json'], { cwd: dir }).stdout);
    expect(Object.fromEntries(status.claims.map((c: { id: string; label: string }) => [c.id, c.label]))).toEqual({ 'f.a': 'in', 'f.b': 'out', 'f.c': 'in' });
  });
});
