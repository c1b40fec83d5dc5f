import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import jsYaml from 'js-yaml';
import { YAML_CORE_SCHEMA } from '../src/load/core-schema.js';
import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { generateMap } from '../bench/generate.mjs';
import { parseMapText } from '../src/load/parse.js';
import { locateFindings } from '../src/load/locate.js';
import { fixtures, repoRoot, tempDir } from './helpers.js';

const fast = (text: string): unknown => jsYaml.load(text, { schema: YAML_CORE_SCHEMA });
const precise = (text: string): unknown => parseDocument(text, { uniqueKeys: true }).toJS();

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => /\.ya?ml$/.test(name))
    .map((name) => path.join(dir, name));
}

describe('the fast and the position-keeping parser agree on the data', () => {
  it('on the shipped map and the valid fixtures', () => {
    const files = [...yamlFiles(path.join(repoRoot, 'arguments')), ...yamlFiles(path.join(fixtures, 'valid'))];
    expect(files.length).toBeGreaterThan(3);
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      expect(fast(text), file).toEqual(precise(text));
    }
  });

  it('on a generated map', () => {
    const dir = tempDir();
    const { argumentsDir } = generateMap({ claims: 500, perFile: 100, seed: 7, dir });
    for (const file of yamlFiles(argumentsDir)) {
      const text = readFileSync(file, 'utf8');
      expect(fast(text), file).toEqual(precise(text));
    }
  });

  it.each([
    ['numbers', 'a: [0o17, 0x1F, 1e3, -.5, +.5, +1, .inf, -.Inf, .nan, 007, 1_000, 0b101, 1., -1e-3, +12.5e+3]'],
    ['null and booleans', 'a: [~, null, Null, true, True, FALSE, yes, no, on, off]'],
    ['dates stay strings', 'a: [2024-05-01, 2024-05, 2024-05-01T10:00:00Z]'],
    ['block scalars', 'a: |\n  one\n  two\nb: >-\n  folded\n  text\nc: |+\n  kept\n\n'],
    ['quoted strings', `a: ["tab\\tnew\\nline \\u00e9", 'it''s', "\\x41"]`],
    ['flow and nesting', 'a: {b: [1, {c: d}], "e f": g}'],
    ['merge keys are plain keys', 'a: {<<: {b: 1}}'],
  ])('on %s', (_name, text) => {
    const data = fast(text);
    expect(data).toEqual(precise(text));
    expect(parseMapText('x.yaml', text).data).toEqual(data);
  });
});

describe('parseMapText', () => {
  it('falls back to the precise parser for aliases and enforces the alias limit', () => {
    const anchors = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 0; i < 12; i++) {
      const prev = String.fromCharCode(97 + i);
      const next = String.fromCharCode(98 + i);
      anchors.push(`${next}: &${next} [*${prev},*${prev},*${prev},*${prev},*${prev},*${prev},*${prev},*${prev},*${prev}]`);
    }
    const parsed = parseMapText('bomb.yaml', anchors.join('\n') + '\n');
    expect(parsed.data).toBeUndefined();
    expect(parsed.findings.map((f) => f.code)).toEqual(['unsupported-yaml']);
  });

  it('finds a too-wide mapping written in any style, and a shared node behind an anchor', () => {
    const keys = Array.from({ length: 2000 }, (_, i) => `k${i}`);
    expect(parseMapText('flow.yaml', `{${keys.join(', ')}}\n`).findings.map((f) => f.code)).toEqual(['limit-exceeded']);
    expect(parseMapText('block.yaml', keys.map((k) => `${k}: 1`).join('\n')).findings.map((f) => f.code)).toEqual(['limit-exceeded']);
    expect(parseMapText('narrow.yaml', keys.slice(0, 900).map((k) => `${k}: 1`).join('\n')).findings).toEqual([]);
  });

  it('accepts a few harmless aliases', () => {
    const parsed = parseMapText('ok.yaml', 'a: &x [1]\nb: *x\n');
    expect(parsed.findings).toEqual([]);
    expect(parsed.data).toEqual({ a: [1], b: [1] });
  });

  it('reports a second document', () => {
    const parsed = parseMapText('multi.yaml', 'a: 1\n---\nb: 2\n');
    expect(parsed.findings.map((f) => f.code)).toEqual(['yaml-syntax']);
  });

  it('ignores a UTF-8 byte order mark', () => {
    expect(parseMapText('bom.yaml', '\ufeffa: 1\n').data).toEqual({ a: 1 });
  });

  it('keeps the ids of a broken file so other files do not cascade', () => {
    const parsed = parseMapText('broken.yaml', 'source:\n  id: kept\nclaims:\n  - id: kept.one\n    summary: [unclosed\n');
    expect(parsed.data).toBeUndefined();
    expect(parsed.recoveredIds).toEqual(expect.arrayContaining(['kept', 'kept.one']));
  });
});

describe('locateFindings', () => {
  const text = 'source:\n  id: s\n  kind: leter\nclaims:\n  - id: s.a\n    summary: x\n    rebutts: s.b\n';
  it('turns a pointer into the line and column of its value', () => {
    const [d] = locateFindings(text, [{ code: 'invalid-value', severity: 'error', args: { why: 'slug', value: 'leter' }, file: 'f', pointer: '/source/kind' }]);
    expect([d!.line, d!.column]).toEqual([3, 9]);
    expect(text.slice(d!.offset, d!.endOffset)).toBe('leter');
  });
  it('points at a key when asked', () => {
    const [d] = locateFindings(text, [{ code: 'unknown-key', severity: 'error', args: { key: 'rebutts', allowed: [] }, file: 'f', pointer: '/claims/0/rebutts', atKey: true }]);
    expect([d!.line, d!.column]).toEqual([7, 5]);
  });
  it('falls back to the nearest existing parent', () => {
    const [d] = locateFindings(text, [{ code: 'missing-key', severity: 'error', args: { why: 'required', key: 'quote' }, file: 'f', pointer: '/claims/0/quote' }]);
    expect([d!.line, d!.column]).toEqual([5, 5]);
  });
  it('unescapes JSON pointer segments', () => {
    const [d] = locateFindings('"a/b~c": 1\n', [{ code: 'unknown-key', severity: 'error', args: { key: 'a/b~c', allowed: [] }, file: 'f', pointer: '/a~1b~0c', atKey: true }]);
    expect([d!.line, d!.column]).toEqual([1, 1]);
  });
});
