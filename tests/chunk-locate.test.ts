import { readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateDebateMap, generateMap } from '../bench/generate.mjs';
import type { SettledFinding } from '../src/diagnostics.js';
import { chunkLocator } from '../src/load/chunk-locate.js';
import { InputError, loadMapFile, locate } from '../src/load/index.js';
import { findRange } from '../src/load/locate.js';
import { parsePreciseDocument, plainData } from '../src/load/parse.js';
import { fixtures, repoRoot, tempDir } from './helpers.js';

/** Every pointer into a file's data: each node, by value and by key. */
function pointers(data: unknown, prefix: string[] = []): string[][] {
  const out: string[][] = [prefix];
  if (Array.isArray(data)) data.forEach((item, i) => out.push(...pointers(item, [...prefix, String(i)])));
  else if (data && typeof data === 'object') for (const [key, value] of Object.entries(data)) out.push(...pointers(value, [...prefix, key]));
  // Pointers that lead nowhere fall back to the nearest node, in both locators.
  if (prefix.length === 2) out.push([...prefix, 'quote'], [...prefix, 'no-such-key']);
  return out;
}

function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => /\.ya?ml$/.test(name))
    .map((name) => path.join(dir, name));
}

/** The piece-by-piece locator gives exactly what the whole parse gives, start and end, wherever it answers. */
function expectSameAsWhole(text: string): number {
  const whole = parsePreciseDocument(text).doc.contents;
  const locate = chunkLocator(text, findRange);
  if (!locate) return 0;
  let answered = 0;
  for (const pointer of pointers(plainData(text))) {
    for (const atKey of [false, true]) {
      const range = locate(pointer, atKey);
      if (!range) continue;
      answered++;
      expect(range, `/${pointer.join('/')}${atKey ? ' (key)' : ''}`).toEqual(findRange(whole, pointer, atKey));
    }
  }
  return answered;
}

describe('placing findings piece by piece', () => {
  it('agrees with the whole parse on the shipped map, the fixtures and generated maps, tidy and debate-shaped', () => {
    const dir = tempDir();
    generateMap({ claims: 300, perFile: 100, seed: 3, dir: path.join(dir, 'tidy') });
    generateDebateMap({ claims: 2000, seed: 3, dir: path.join(dir, 'debate') });
    generateDebateMap({ claims: 500, seed: 4, dir: path.join(dir, 'quoted'), quotes: true, errors: true });
    const all = [...files(path.join(repoRoot, 'arguments')), ...files(path.join(fixtures, 'valid')), ...files(dir)];
    let answered = 0;
    for (const file of all) answered += expectSameAsWhole(readFileSync(file, 'utf8'));
    expect(answered).toBeGreaterThan(10_000);
  });

  it('places items from their lines exactly as the whole parse does, however their values are written', () => {
    const filler = 'x'.repeat(70_000); // over the size from which files are placed piece by piece
    const items = [
      '  - id: a.one\n    summary: "a quoted\n      summary on two lines"\n',
      "  - id: a.two\n    summary: 'single\n\n      quoted, with a blank line'\n    tags:\n      - one\n      - two\n",
      '  - id: a.three\n    summary: a plain scalar\n      that goes on\n    rebuts: [a.one,\n      a.two]\n',
      '  # a comment between items\n\n  - {id: a.four, summary: flow,\n     rebuts: a.one}\n',
      '  -   id: a.five\n      summary: wider indentation after the dash\n\n\n',
      '  - id: a.six\n    summary: >-\n      folded\n    note: after a block scalar\n',
      '  - id: a.seven # a comment after the id\n    summary: "- looks like an item"\n',
      '  - {id: a.eight, summary: a flow mapping on one line}\n',
      '  - {id: a.nine, summary: "a flow mapping, then a comment"} # said twice\n',
      '  - [a, flow, list]   \n\n',
    ];
    const text = `source:\n  id: a\n  note: ${filler}\nclaims:\n${items.join('')}`;
    const whole = parsePreciseDocument(text).doc.contents;
    const locate = chunkLocator(text, findRange, { claims: items.length })!;
    let answered = 0;
    for (let i = 0; i < items.length; i++) {
      const range = locate(['claims', String(i)], false);
      if (range) {
        answered++;
        expect(range, `item ${i + 1}`).toEqual(findRange(whole, ['claims', String(i)], false));
      }
    }
    expect(answered).toBeGreaterThanOrEqual(7);
    // A count that does not match the lines: no item is placed from its lines; those the parser
    // confirms piece by piece are still placed where the whole parse places them.
    const miscounted = chunkLocator(text, findRange, { claims: items.length + 1 })!;
    for (let i = 0; i < items.length; i++) {
      const range = miscounted(['claims', String(i)], false);
      expect(range ?? findRange(whole, ['claims', String(i)], false), `item ${i + 1}`).toEqual(findRange(whole, ['claims', String(i)], false));
    }
  });

  it('answers nothing for what a reading by lines cannot be sure of, and the whole parse is used', () => {
    const claim = '  - id: a.one\n    summary: One.\n';
    for (const text of [
      `source: {id: a}\nclaims: [{id: a.one}]\n`, // flow style
      `source: &s {id: a}\nclaims:\n${claim}`, // an anchor
      `\ufeffsource:\n  id: a\nclaims:\n${claim}`, // a byte order mark
      `source:\n  id: a\r\nclaims:\r\n${claim}`, // CR LF
      `---\nsource:\n  id: a\nclaims:\n${claim}`, // a document marker
    ]) {
      const locate = chunkLocator(text, findRange);
      expect(locate?.(['claims', '0'], false), JSON.stringify(text)).toBeUndefined();
    }
    // A block scalar or a trailing comment in the item: that item goes to the whole parse.
    const tricky = `source:\n  id: a\nclaims:\n  - id: a.one\n    summary: |\n      One.\n\n  - id: a.two\n    summary: Two.\n    # a comment\n`;
    const locate = chunkLocator(tricky, findRange)!;
    const whole = parsePreciseDocument(tricky).doc.contents;
    for (const index of ['0', '1']) {
      const range = locate(['claims', index], false);
      if (range) expect(range).toEqual(findRange(whole, ['claims', index], false));
    }
  });
});

describe('reading a file again to place its findings', () => {
  const text = 'source: {id: s, kind: letter, title: T, authors: [A], date: "2024"}\nclaims:\n  - id: s.1\n    summary: No quote here.\n';
  const findings = (file: string) => [{ code: 'missing-quote', args: { claim: 's.1' }, severity: 'warning', file, pointer: '/claims/0' }] as unknown as SettledFinding[];

  it('places them when the file is as it was first read', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'a.yaml'), text);
    const first = loadMapFile('a.yaml', dir);
    expect(first.stamp).toBeTruthy();
    const { diagnostics } = await locate(findings('a.yaml'), { cwd: dir, stamps: new Map([['a.yaml', first.stamp!]]) });
    expect(diagnostics.map((d) => [d.line, d.column])).toEqual([[3, 5]]);
  });

  it('stops with the file named when it changed in between, rather than place them in another text', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'a.yaml');
    writeFileSync(file, text);
    const first = loadMapFile('a.yaml', dir);
    writeFileSync(file, '# a line added above\n' + text);
    utimesSync(file, new Date(2030, 0, 1), new Date(2030, 0, 1));
    const placing = locate(findings('a.yaml'), { cwd: dir, stamps: new Map([['a.yaml', first.stamp!]]) });
    await expect(placing).rejects.toBeInstanceOf(InputError);
    await expect(placing).rejects.toMatchObject({ path: 'a.yaml' });
  });
});
