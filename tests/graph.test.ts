import { describe, expect, it } from 'vitest';
import { buildGraph } from '../src/graph/build.js';
import { debateOrder } from '../src/graph/order.js';
import { mapStats } from '../src/graph/stats.js';
import { claimStatus, responseStatusMap, responseStatuses } from '../src/graph/status.js';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './helpers.js';
import { debateTree, treeClaimIds, UnknownNodeError } from '../src/graph/tree.js';
import { unansweredClaims } from '../src/graph/unanswered.js';
import { buildModel } from '../src/model.js';
import { parseMapText } from '../src/load/parse.js';

/** A map from YAML texts, one per file, parsed by the real loader. */
function graphOf(files: Record<string, string>) {
  const parsed = Object.entries(files).map(([file, text]) => parseMapText(file, text));
  return buildGraph(buildModel(parsed));
}

const source = (id: string, date: string, extra = '') =>
  `source:\n  id: ${id}\n  kind: letter\n  title: ${id}\n  authors: [${id.toUpperCase()} group]\n  date: "${date}"\n${extra}`;

const debate = graphOf({
  'a.yaml': `${source('a', '2022-04-28')}claims:
  - {id: a.1, summary: one, tags: [encryption]}
  - {id: a.2, summary: two}
  - {id: a.3, summary: three}
  - {id: a.4, summary: four, supports: a.1}
`,
  'b.yaml': `${source('b', '2022')}claims:
  - {id: b.1, summary: rebuts a.1, rebuts: a.1}
  - {id: b.2, summary: questions a.2, questions: a.2}
  - {id: b.3, summary: concedes a.3 and supports b.1, concedes: [{to: a.3, note: partly}], supports: b.1}
`,
  'c.yaml': `${source('c', '2023-01-01')}claims:
  - {id: c.1, summary: supports a.2, supports: a.2}
  - {id: c.2, summary: undercuts b.1, undercuts: b.1}
`,
});

describe('claimStatus', () => {
  it('answered by rebuts, concedes, undercuts from another source; challenged by questions; support is no answer', () => {
    const statuses = Object.fromEntries([...responseStatuses(debate)].map(([id, s]) => [id, s.status]));
    expect(statuses).toEqual({
      'a.1': 'answered',
      'a.2': 'challenged',
      'a.3': 'answered',
      'a.4': 'unanswered',
      'b.1': 'answered',
      'b.2': 'unanswered',
      'b.3': 'unanswered',
      'c.1': 'unanswered',
      'c.2': 'unanswered',
    });
  });
  it('names the answering claims', () => {
    expect(claimStatus(debate, 'a.3').answers).toEqual([{ from: 'b.3', kind: 'concedes', note: 'partly' }]);
  });
  it('does not count a response from the same source', () => {
    const graph = graphOf({ 'a.yaml': `${source('a', '2022')}claims:\n  - {id: a.1, summary: x}\n  - {id: a.2, summary: y, rebuts: a.1}\n` });
    expect(claimStatus(graph, 'a.1').status).toBe('unanswered');
  });
  it('is what responseStatusMap finds without collecting the responses, on this map and the shipped one, with and without `by`', () => {
    const dir = path.join(repoRoot, 'arguments');
    const shipped = graphOf(Object.fromEntries(readdirSync(dir).map((file) => [file, readFileSync(path.join(dir, file), 'utf8')])));
    let compared = 0;
    const filters = [(s: { id: string }) => s.id === 'b', (s: { id: string }) => s.id.startsWith('ec-')];
    for (const graph of [debate, shipped]) {
      const map = responseStatusMap(graph);
      const filtered = filters.map((by) => responseStatusMap(graph, by));
      const seen = new Set<string>();
      for (const [id, status] of responseStatuses(graph)) {
        expect(map.get(id), id).toBe(status.status);
        filters.forEach((by, i) => expect(filtered[i]!.get(id), id).toBe(claimStatus(graph, id, by).status));
        seen.add(status.status);
        compared++;
      }
      expect(map.size).toBe(responseStatuses(graph).size);
      if (graph === shipped) expect([...seen].sort()).toEqual(['answered', 'challenged', 'unanswered']);
    }
    expect(compared).toBeGreaterThan(140);
  });
});

describe('unansweredClaims', () => {
  it('groups unanswered and challenged claims by source in debate order', () => {
    const groups = unansweredClaims(debate);
    expect(groups.map((g) => [g.source.id, g.claims.map((c) => `${c.claim.id}:${c.status}`)])).toEqual([
      ['a', ['a.2:challenged', 'a.4:unanswered']],
      ['b', ['b.2:unanswered', 'b.3:unanswered']],
      ['c', ['c.1:unanswered', 'c.2:unanswered']],
    ]);
  });
  it('filters by source, author, tag, and can leave out challenged claims', () => {
    expect(unansweredClaims(debate, { sources: ['b'] }).map((g) => g.source.id)).toEqual(['b']);
    expect(unansweredClaims(debate, { authors: ['c GROUP'] }).map((g) => g.source.id)).toEqual(['c']);
    expect(unansweredClaims(debate, { tags: ['encryption'] })).toEqual([]);
    expect(unansweredClaims(debate, { sources: ['a'], includeChallenged: false })[0]!.claims.map((c) => c.claim.id)).toEqual(['a.4']);
  });
});

describe('debateOrder', () => {
  it('puts an answer after what it answers even when its date is less precise', () => {
    expect(debateOrder(debate).map((s) => s.id)).toEqual(['a', 'b', 'c']);
  });
  it('orders by date otherwise, undated last', () => {
    const graph = graphOf({
      'x.yaml': source('x', '2024-05'),
      'y.yaml': 'source:\n  id: y\n  kind: letter\n  title: y\n  authors: [Y]\n',
      'z.yaml': source('z', '2021'),
    });
    expect(debateOrder(graph).map((s) => s.id)).toEqual(['z', 'x', 'y']);
  });
});

describe('debateTree', () => {
  it('nests responses under the claims they answer, each claim once', () => {
    const sections = debateTree(debate);
    expect(sections.map((s) => [s.source.id, s.roots.map((r) => r.claimId)])).toEqual([
      ['a', ['a.1', 'a.2', 'a.3']],
      ['b', []],
      ['c', []],
    ]);
    const a1 = sections[0]!.roots[0]!;
    expect(a1.children.map((c) => `${c.relation!.kind} ${c.claimId}`)).toEqual(['rebuts b.1', 'supports a.4']);
    // b.3 supports b.1 and concedes a.3: printed under b.1 first, then referenced under a.3.
    const ids = treeClaimIds(sections);
    const printed = new Set(ids);
    expect([...printed].sort()).toEqual(['a.1', 'a.2', 'a.3', 'a.4', 'b.1', 'b.2', 'b.3', 'c.1', 'c.2']);
    const a3 = sections[0]!.roots[2]!;
    expect(a3.children).toEqual([{ claimId: 'b.3', relation: { kind: 'concedes', note: 'partly' }, children: [], hidden: 0, reference: 'shown-above' }]);
  });

  it('terminates on cycles and still shows every claim', () => {
    const graph = graphOf({
      'p.yaml': `${source('p', '2022')}claims:\n  - {id: p.1, summary: x, rebuts: q.1}\n`,
      'q.yaml': `${source('q', '2023')}claims:\n  - {id: q.1, summary: y, rebuts: p.1}\n`,
    });
    const sections = debateTree(graph);
    const ids = treeClaimIds(sections);
    expect(new Set(ids)).toEqual(new Set(['p.1', 'q.1']));
    const root = sections.flatMap((s) => s.roots)[0]!;
    expect(root.children[0]!.children[0]).toMatchObject({ claimId: root.claimId, reference: 'cycle' });
  });

  it('a claim reached again by another branch, not through its own ancestors, is shown above, not a cycle', () => {
    // d.1 (answered by e.1) answers both b.1 and c.1, which both answer a.1: a diamond, no cycle.
    const graph = graphOf({
      'a.yaml': `${source('a', '2022-01-01')}claims:\n  - {id: a.1, summary: x}\n`,
      'b.yaml': `${source('b', '2022-02-01')}claims:\n  - {id: b.1, summary: y, rebuts: a.1}\n`,
      'c.yaml': `${source('c', '2022-03-01')}claims:\n  - {id: c.1, summary: z, rebuts: a.1}\n`,
      'd.yaml': `${source('d', '2022-04-01')}claims:\n  - {id: d.1, summary: w, rebuts: [b.1, c.1]}\n`,
      'e.yaml': `${source('e', '2022-05-01')}claims:\n  - {id: e.1, summary: v, rebuts: d.1}\n`,
    });
    const root = debateTree(graph)[0]!.roots[0]!;
    expect(root.children.map((child) => [child.claimId, child.children.map((c) => `${c.claimId} ${c.reference ?? 'printed'}`)])).toEqual([
      ['b.1', ['d.1 printed']],
      ['c.1', ['d.1 shown-above']],
    ]);
  });

  it('orders responses by their sources\' dates, then ids; two relations of one claim to the same claim keep the map\'s order', () => {
    const graph = graphOf({
      'a.yaml': `${source('a', '2022-01-01')}claims:\n  - {id: a.1, summary: x}\n`,
      'c.yaml': `${source('c', '2022-03-01')}claims:\n  - {id: c.1, summary: y, rebuts: a.1}\n  - {id: c.0, summary: y, questions: a.1}\n`,
      'b.yaml': `${source('b', '2022-02-01')}claims:\n  - {id: b.9, summary: z, concedes: a.1, rebuts: a.1}\n`,
    });
    const root = debateTree(graph)[0]!.roots[0]!;
    expect(root.children.map((c) => `${c.relation!.kind} ${c.claimId}${c.reference ? ' ' + c.reference : ''}`)).toEqual([
      'rebuts b.9',
      'concedes b.9 shown-above',
      'questions c.0',
      'rebuts c.1',
    ]);
  });

  it('limits depth and counts what it hides, without promoting hidden claims to roots', () => {
    const sections = debateTree(debate, { depth: 0 });
    expect(sections.flatMap((s) => s.roots.map((r) => [r.claimId, r.hidden]))).toEqual([
      ['a.1', 2],
      ['a.2', 2],
      ['a.3', 1],
    ]);
  });

  it('starts from a claim or a source', () => {
    expect(debateTree(debate, { from: 'b.1' })[0]!.roots[0]!.children.map((c) => c.claimId)).toEqual(['b.3', 'c.2']);
    expect(debateTree(debate, { from: 'c' })[0]!.roots.map((r) => r.claimId)).toEqual(['c.1', 'c.2']);
    expect(() => debateTree(debate, { from: 'nope' })).toThrow(UnknownNodeError);
  });
});

describe('mapStats', () => {
  it('counts nodes, relations by kind and statuses', () => {
    expect(mapStats(debate)).toEqual({
      sources: 3,
      claims: 9,
      evidence: 0,
      relations: { supports: 3, rebuts: 1, undermines: 0, undercuts: 1, concedes: 1, questions: 1, total: 7 },
      status: { answered: 3, challenged: 1, unanswered: 5 },
      // b.1 rebuts a.1 but is undercut by c.2, which nothing attacks: a.1 stands again.
      labels: { in: 8, out: 1, undecided: 0 },
    });
  });
});
