import fc from 'fast-check';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { buildGraph } from '../src/graph/build.js';
import { mapStats } from '../src/graph/stats.js';
import { debateOrder } from '../src/graph/order.js';
import { debateTree, debateTreeRows, treeClaimIds, type TreeNode } from '../src/graph/tree.js';
import { claimOf } from '../src/graph/build.js';
import { responseStatusMap } from '../src/graph/status.js';
import { groundedLabelling } from '../src/graph/acceptability.js';
import { treeJson, treeJsonChunks } from '../src/render/data.js';
import { unansweredClaims } from '../src/graph/unanswered.js';
import { locateFindings } from '../src/load/locate.js';
import { parseMapText } from '../src/load/parse.js';
import { decodeMapBytes } from '../src/load/read.js';
import { buildModel, RELATION_KINDS, type DebateMap, type RelationKind } from '../src/model.js';
import { safeInline, safeText } from '../src/render/sanitize.js';
import { renderTree } from '../src/render/tree.js';
import { renderUnanswered } from '../src/render/unanswered.js';
import { validateFile, validateMap } from '../src/validate/index.js';
import { settleFindings } from '../src/rule-settings.js';

/** The whole pipeline on one file's bytes, as `riposte validate` runs it. */
function pipeline(bytes: Uint8Array): void {
  const read = decodeMapBytes('f.yaml', bytes);
  if (!read.ok) return;
  const parsed = parseMapText('f.yaml', read.text);
  const findings = validateFile(parsed);
  const map = buildModel([parsed]);
  const texts = new Map([['t.txt', { ok: true as const, content: read.text }]]);
  findings.push(...validateMap(map, new Set(parsed.recoveredIds), { texts }).findings);
  locateFindings(read.text, settleFindings(findings, {}));
  const graph = buildGraph(map);
  renderTree(graph, debateTree(graph), { color: true, ascii: false, width: 40 });
  renderUnanswered(unansweredClaims(graph), { color: true, width: 40 });
}

const yamlish = fc
  .array(fc.oneof(fc.constantFrom(...'{}[]:-?&*!|>\'"#%@`,\n\t \\'.split(''), 'source:', 'claims:', '  - id: ', 'summary: ', 'rebuts: ', '---', '<<: ', '!!str ', '!!js/function '), fc.string({ maxLength: 8 })), { maxLength: 80 })
  .map((parts) => parts.join(''));

describe('the loader and validator never throw', () => {
  it('on arbitrary bytes', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 600 }), (bytes) => {
        expect(() => pipeline(bytes)).not.toThrow();
      }), { numRuns: 400 });
  });

  it('on arbitrary YAML-like text', () => {
    fc.assert(fc.property(yamlish, (text) => {
        expect(() => pipeline(new TextEncoder().encode(text))).not.toThrow();
      }), { numRuns: 400 });
  });

  it('on arbitrary YAML values, map-shaped or not', () => {
    const mapLike = fc.record({
      source: fc.oneof(fc.anything(), fc.record({ id: fc.string(), kind: fc.string(), title: fc.anything(), authors: fc.anything(), reported_by: fc.string() })),
      claims: fc.array(fc.oneof(fc.anything(), fc.record({ id: fc.string(), summary: fc.anything(), quote: fc.anything(), rebuts: fc.anything(), supports: fc.anything() }))),
      evidence: fc.anything(),
    });
    fc.assert(
      fc.property(fc.oneof(fc.anything(), mapLike), (value) => {
        let text: string;
        try {
          text = stringify(value);
        } catch {
          return; // not representable as YAML
        }
        expect(() => pipeline(new TextEncoder().encode(text))).not.toThrow();
      }),
      { numRuns: 300 },
    );
  });
});

describe('the terminal sanitiser', () => {
  // ESC, BEL and every other C0/C1 control, and the Unicode bidirectional controls of "Trojan
  // Source". Tab and line feed are harmless in a terminal; one-line fields escape them too.
  // eslint-disable-next-line no-control-regex
  const DANGEROUS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
  it('never lets a control or bidi character through', () => {
    const hostile = fc.string({ unit: fc.oneof(fc.constantFrom('\u001b', '\u0007', '\u009b', '\u202e', '\u2066', '\u200f', '\u0000', '\r', '\n'), fc.string({ unit: 'binary', maxLength: 1 })) });
    fc.assert(
      fc.property(hostile, (text) => {
        expect(safeInline(text)).not.toMatch(/[\t\n]/);
        expect(safeInline(text)).not.toMatch(DANGEROUS);
        expect(safeText(text)).not.toMatch(DANGEROUS);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('tree and unanswered on random graphs, cycles included', () => {
  const graphs = fc
    .record({
      sources: fc.integer({ min: 1, max: 5 }),
      claims: fc.integer({ min: 1, max: 30 }),
      edges: fc.array(fc.tuple(fc.nat(), fc.nat(), fc.constantFrom(...RELATION_KINDS)), { maxLength: 80 }),
      depth: fc.option(fc.integer({ min: 0, max: 4 }), { nil: undefined }),
    })
    .map(({ sources, claims, edges, depth }) => {
      const map: DebateMap = { sources: [], claims: [], evidence: [] };
      for (let s = 0; s < sources; s++) {
        map.sources.push({ type: 'source', id: `s${s}`, kind: 'letter', title: `S${s}`, authors: ['A'], signatories: [], answers: [], addressedTo: [], date: `202${s % 3}`, file: 'f', pointer: '' });
      }
      for (let c = 0; c < claims; c++) {
        map.claims.push({ type: 'claim', id: `c${c}`, claimType: 'assertion', sourceId: `s${c % sources}`, summary: `claim ${c}`, quotes: [], quoteGiven: false, quoteIsList: false, tags: [], evidence: [], relations: [], file: 'f', pointer: '' });
      }
      for (const [from, to, kind] of edges) {
        const a = map.claims[from % claims]!;
        const b = map.claims[to % claims]!;
        a.relations.push({ kind: kind as RelationKind, from: a.id, to: b.id, file: 'f', pointer: '' });
      }
      return { map, depth };
    });

  it('debate order: the heap-based order equals the naive one (earliest ready source first; a cycle broken by date)', () => {
    fc.assert(
      fc.property(graphs, ({ map }) => {
        const graph = buildGraph(map);
        const byDate = [...map.sources].sort((a, b) => (a.date! < b.date! ? -1 : a.date! > b.date! ? 1 : a.id < b.id ? -1 : 1));
        const before = new Map(byDate.map((s) => [s.id, new Set<string>()]));
        const sourceOfClaim = new Map(map.claims.map((c) => [c.id, c.sourceId]));
        for (const claim of map.claims) {
          for (const r of claim.relations) {
            const earlier = sourceOfClaim.get(r.to)!;
            if (r.kind !== 'supports' && earlier !== claim.sourceId) before.get(claim.sourceId)!.add(earlier);
          }
        }
        const naive: string[] = [];
        while (naive.length < byDate.length) {
          const remaining = byDate.filter((s) => !naive.includes(s.id));
          naive.push((remaining.find((s) => [...before.get(s.id)!].every((id) => naive.includes(id))) ?? remaining[0]!).id);
        }
        expect(debateOrder(graph).map((s) => s.id)).toEqual(naive);
      }),
      { numRuns: 500 },
    );
  });

  it('as JSON, row by row and in chunks of any size, are JSON.stringify of the nested tree', () => {
    fc.assert(
      fc.property(graphs, fc.integer({ min: 1, max: 200 }), fc.boolean(), ({ map, depth }, chunkSize, withLabels) => {
        const graph = buildGraph(map);
        const options = depth === undefined ? {} : { depth };
        const statuses = responseStatusMap(graph);
        const labels = withLabels ? groundedLabelling(graph).labels : undefined;
        const node = (n: TreeNode): Record<string, unknown> => {
          const claim = claimOf(graph, n.claimId);
          return {
            id: n.claimId,
            relation: n.relation?.kind ?? null,
            ...(n.relation?.note ? { note: n.relation.note } : {}),
            ...(n.reference
              ? { reference: n.reference }
              : { source: claim?.sourceId ?? null, summary: claim?.summary ?? '', status: statuses.get(n.claimId), ...(labels ? { label: labels.get(n.claimId) ?? null } : {}), hidden: n.hidden, children: n.children.map(node) }),
          };
        };
        const sections = debateTree(graph, options);
        const source = (s: (typeof sections)[number]['source']) => ({ id: s.id, kind: s.kind, title: s.title, authors: s.authors, date: s.date ?? null, dateInferred: s.dateInferred ?? null, reportedBy: s.reportedBy ?? null, file: s.file });
        const expected = JSON.stringify({ version: 1, sections: sections.map((s) => ({ source: source(s.source), roots: s.roots.map(node) })) }, null, 2) + '\n';
        const chunks = [...treeJsonChunks(graph, debateTreeRows(graph, options), labels, statuses, chunkSize)];
        expect(chunks.join('')).toBe(expected);
        expect(treeJson(graph, sections, labels, statuses)).toBe(expected);
      }),
      { numRuns: 500 },
    );
  });

  it('terminate, show every claim, and agree with the statistics', () => {
    fc.assert(
      fc.property(graphs, ({ map, depth }) => {
        const graph = buildGraph(map);
        const sections = debateTree(graph, depth === undefined ? {} : { depth });
        const shown = new Set(treeClaimIds(sections));
        if (depth === undefined) expect(shown.size).toBe(map.claims.length);
        renderTree(graph, sections, { color: false, ascii: true, width: 60 });
        const listed = unansweredClaims(graph).reduce((n, g) => n + g.claims.length, 0);
        const stats = mapStats(graph);
        expect(listed).toBe(stats.status.unanswered + stats.status.challenged);
      }),
      { numRuns: 500 },
    );
  });
});
