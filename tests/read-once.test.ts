import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { checkMap } from '../src/api.js';
import { tempDir } from './helpers.js';

// Every file riposte opens, in order: how many times a map file is read is what is asserted.
const opened = vi.hoisted(() => [] as string[]);
vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const openSync = ((file: Parameters<typeof fs.openSync>[0], ...rest: unknown[]) => {
    opened.push(String(file));
    return (fs.openSync as (...args: unknown[]) => number)(file, ...rest);
  }) as typeof fs.openSync;
  return { ...fs, default: { ...fs, openSync }, openSync };
});

const source = (id: string) => `source: {id: ${id}, kind: letter, title: T, authors: [A], date: "2024"}\n`;
const readsOf = (dir: string, file: string) => opened.filter((p) => path.resolve(p) === path.join(dir, file)).length;

describe('a map file is read', () => {
  it("once, when its findings are its own (the schema, a missing quote): they are placed in the text read", async () => {
    const dir = tempDir({
      'arguments/a.yaml': `${source('a')}claims:\n  - id: a.1\n    summary: No quote here.\n  - id: a.2\n    summary: Nor here.\n    kind: not-a-field\n`,
      'arguments/b.yaml': `${source('b')}claims:\n  - id: b.1\n    summary: Quoted.\n    quote: Quoted.\n`,
    });
    opened.length = 0;
    const { diagnostics } = await checkMap([], { cwd: dir, texts: false, summaries: false, keepTexts: false });
    expect(diagnostics.map((d) => [d.file, d.code, d.line])).toEqual([
      ['arguments/a.yaml', 'missing-quote', 3],
      ['arguments/a.yaml', 'missing-quote', 5],
      ['arguments/a.yaml', 'unknown-key', 7],
    ]);
    expect(readsOf(dir, 'arguments/a.yaml')).toBe(1);
    expect(readsOf(dir, 'arguments/b.yaml')).toBe(1);
  });

  it('twice when a finding needs the whole map (a dangling reference), placed as the first reading would', async () => {
    const dir = tempDir({ 'arguments/a.yaml': `${source('a')}claims:\n  - id: a.1\n    summary: S.\n    quote: S.\n    rebuts: nowhere\n` });
    opened.length = 0;
    const { diagnostics } = await checkMap([], { cwd: dir, texts: false, summaries: false, keepTexts: false });
    expect(diagnostics.map((d) => [d.code, d.line, d.column])).toEqual([['dangling-reference', 6, 13]]);
    expect(readsOf(dir, 'arguments/a.yaml')).toBe(2);
  });
});
