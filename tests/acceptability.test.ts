import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { groundedLabelling, type Label } from '../src/graph/acceptability.js';
import { buildGraph } from '../src/graph/build.js';
import { apxToMap, parseApx, ApxError } from '../src/interop/apx.js';
import { repoRoot } from './helpers.js';

const corpus = path.resolve(repoRoot, '..', 'shared', 'corpora', 'apx');
const frameworks = readdirSync(corpus).filter((f) => f.endsWith('.apx')).sort();

/** Labels by argument name for an apx text. */
function label(text: string): Map<string, Label> {
  const framework = parseApx(text);
  const { map, idOf } = apxToMap(framework);
  const { labels } = groundedLabelling(buildGraph(map));
  return new Map(framework.args.map((name) => [name, labels.get(idOf.get(name)!)!]));
}

describe('grounded labelling agrees with the ICCMA reference solutions', () => {
  it('reads every framework of the corpus', () => {
    expect(frameworks.length).toBeGreaterThanOrEqual(12);
  });

  it.each(frameworks)('%s', (file) => {
    const labels = label(readFileSync(path.join(corpus, file), 'utf8'));
    const expected = readFileSync(path.join(corpus, file.replace(/\.apx$/, '.EE-GR')), 'utf8').trim();
    // '[[a,b,c]]': the one grounded extension.
    const inside = /^\[\[(.*)\]\]$/s.exec(expected)![1]!.trim();
    const grounded = inside === '' ? [] : inside.split(',').map((s) => s.trim());
    const labelledIn = [...labels].filter(([, l]) => l === 'in').map(([name]) => name);
    expect(labelledIn.sort()).toEqual(grounded.sort());
  });
});

describe('grounded labelling on the textbook cases', () => {
  it.each([
    ['reinstatement: c attacks b, b attacks a', 'arg(a).arg(b).arg(c).att(b,a).att(c,b).', { a: 'in', b: 'out', c: 'in' }],
    ['the Nixon diamond: a and b attack each other', 'arg(a).arg(b).att(a,b).att(b,a).', { a: 'undecided', b: 'undecided' }],
    ['a self-attacker and what it attacks', 'arg(a).arg(b).att(a,a).att(a,b).', { a: 'undecided', b: 'undecided' }],
    ['an odd cycle, and a claim it attacks that is defended from outside', 'arg(a).arg(b).arg(c).arg(d).arg(e).att(a,b).att(b,c).att(c,a).att(c,d).att(e,d).', { a: 'undecided', b: 'undecided', c: 'undecided', d: 'out', e: 'in' }],
    ['a chain of four', 'arg(a).arg(b).arg(c).arg(d).att(a,b).att(b,c).att(c,d).', { a: 'in', b: 'out', c: 'in', d: 'out' }],
    ['two attackers, one in', 'arg(a).arg(b).arg(c).arg(x).att(x,c).att(a,b).att(b,x).', { a: 'in', b: 'out', x: 'in', c: 'out' }],
  ])('%s', (_name, text, expected) => {
    expect(Object.fromEntries(label(text.replace(/\./g, '.\n')))).toEqual(expected);
  });
});

/** The grounded extension by the definition: the least fixpoint of the characteristic function. */
function naiveLabels(n: number, attacks: [number, number][]): Label[] {
  const attackers = Array.from({ length: n }, (_, i) => attacks.filter(([, b]) => b === i).map(([a]) => a));
  let inSet = new Set<number>();
  for (;;) {
    // Defended by inSet: every attacker is attacked by a member of inSet.
    const next = new Set<number>();
    for (let a = 0; a < n; a++) {
      if (attackers[a]!.every((b) => attackers[b]!.some((c) => inSet.has(c)))) next.add(a);
    }
    if (next.size === inSet.size && [...next].every((a) => inSet.has(a))) break;
    inSet = next;
  }
  return Array.from({ length: n }, (_, a) => (inSet.has(a) ? 'in' : attackers[a]!.some((b) => inSet.has(b)) ? 'out' : 'undecided'));
}

describe('grounded labelling against the definition, on random frameworks', () => {
  it('equals the least fixpoint, with cycles, self-attacks, repeated attacks and isolated arguments', () => {
    const frameworks = fc.integer({ min: 1, max: 14 }).chain((n) =>
      fc.record({ n: fc.constant(n), attacks: fc.array(fc.tuple(fc.nat({ max: n - 1 }), fc.nat({ max: n - 1 })), { maxLength: n * 3 }) }),
    );
    fc.assert(
      fc.property(frameworks, ({ n, attacks }) => {
        const text = [...Array.from({ length: n }, (_, i) => `arg(a${i}).`), ...attacks.map(([a, b]) => `att(a${a},a${b}).`)].join('\n');
        const labels = label(text);
        expect(Array.from({ length: n }, (_, i) => labels.get(`a${i}`))).toEqual(naiveLabels(n, attacks));
      }),
      { numRuns: 1000 },
    );
  });

  it('every out claim is defeated by an in attacker, and following those links ends at unattacked claims', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat({ max: 15 }), fc.nat({ max: 15 })), { maxLength: 40 }), (attacks) => {
        const text = [...Array.from({ length: 16 }, (_, i) => `arg(a${i}).`), ...attacks.map(([a, b]) => `att(a${a},a${b}).`)].join('\n');
        const { map } = apxToMap(parseApx(text));
        const graph = buildGraph(map);
        const { labels, defeatedBy } = groundedLabelling(graph);
        for (const [id, l] of labels) {
          if (l !== 'out') continue;
          const by = defeatedBy.get(id)!;
          expect(labels.get(by)).toBe('in');
          expect(attacks.some(([a, b]) => `apx.a${a}` === by && `apx.a${b}` === id)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('the apx reader', () => {
  it('reads comments, spaces and CRLF line ends', () => {
    expect(parseApx('% a framework\r\narg( a ).\r\narg(b).\r\natt(a, b). % a attacks b\r\n')).toEqual({ args: ['a', 'b'], attacks: [['a', 'b']] });
  });
  it('reports a malformed line and an undeclared argument with their place', () => {
    expect(() => parseApx('arg(a).\n  arg(b)\n')).toThrow(ApxError);
    try {
      parseApx('arg(a).\n  att(a,c).\n');
    } catch (error) {
      expect(error).toMatchObject({ line: 2, column: 3, message: expect.stringContaining("'c'") });
    }
  });
});
