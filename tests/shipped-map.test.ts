import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { openMap, checkMap } from '../src/api.js';
import { claimStatus } from '../src/graph/status.js';
import { unansweredClaims } from '../src/graph/unanswered.js';
import { ANSWERING_KINDS, RELATION_KINDS } from '../src/model.js';
import { repoRoot, seeds } from './helpers.js';

// Guards on the map shipped in arguments/.
describe('the shipped map', async () => {
  const checked = await checkMap([], { cwd: repoRoot, strict: true });
  const { graph, map } = await openMap([], { cwd: repoRoot });

  it('validates clean under --strict, every quote checked against its seed text', () => {
    expect(checked.diagnostics).toEqual([]);
    expect(checked.quotes.unchecked).toBe(0);
    expect(checked.quotes.checked).toBe(map.claims.reduce((n, c) => n + c.quotes.length, 0));
  });

  it('names only seed texts that exist', () => {
    for (const source of map.sources) if (source.text) expect(existsSync(path.join(seeds, source.text)), source.text).toBe(true);
  });

  it('has no duplicated claim: summaries and quotes are distinct', () => {
    const summaries = map.claims.map((c) => c.summary);
    expect(new Set(summaries).size).toBe(summaries.length);
    const quotes = map.claims.flatMap((c) => c.quotes);
    expect(new Set(quotes).size).toBe(quotes.length);
  });

  it("answers each concern of the 2022 letter from the Commission's reply", () => {
    const concerns = map.claims.filter((c) => c.sourceId === 'cs-letter-2022');
    expect(concerns.map((c) => c.id).sort()).toEqual(['cs-letter-2022.intrusive-technologies', 'cs-letter-2022.scan-all', 'cs-letter-2022.weakens-encryption']);
    for (const concern of concerns) {
      const { status, answers } = claimStatus(graph, concern.id);
      expect(status, concern.id).toBe('answered');
      expect(answers.every((a) => a.from.startsWith('ec-reply-2022.')), concern.id).toBe(true);
    }
  });

  it("quotes the 2022 letter only through the Commission's reply", () => {
    const letter = map.sources.find((s) => s.id === 'cs-letter-2022')!;
    expect(letter).toMatchObject({ reportedBy: 'ec-reply-2022', text: undefined });
    const reply = readFileSync(path.join(seeds, '001_3d0d1894e3ac5c22.txt'), 'utf8');
    for (const claim of map.claims.filter((c) => c.sourceId === 'cs-letter-2022')) {
      for (const quote of claim.quotes) expect(reply).toContain(quote);
    }
  });

  it('reports as unanswered exactly the claims the raw relations leave unanswered', () => {
    // Recomputed from the YAML files directly, independent of the graph module.
    const raw = map.claims.map((c) => ({ ...c, data: parse(readFileSync(path.join(repoRoot, c.file), 'utf8')) }));
    const sourceOf = new Map(map.claims.map((c) => [c.id, c.sourceId]));
    const answered = new Set<string>();
    for (const file of new Set(map.claims.map((c) => c.file))) {
      const data = parse(readFileSync(path.join(repoRoot, file), 'utf8')) as { source: { id: string }; claims: Record<string, unknown>[] };
      for (const claim of data.claims ?? []) {
        for (const kind of RELATION_KINDS) {
          if (!ANSWERING_KINDS.has(kind) || claim[kind] === undefined) continue;
          const targets = ([] as unknown[]).concat(claim[kind]).map((t) => (typeof t === 'string' ? t : (t as { to: string }).to));
          for (const t of targets) if (sourceOf.get(t) !== data.source.id) answered.add(t);
        }
      }
    }
    const expected = raw.filter((c) => !answered.has(c.id)).map((c) => c.id).sort();
    const listed = unansweredClaims(graph).flatMap((g) => g.claims.map((c) => c.claim.id)).sort();
    expect(listed).toEqual(expected);
  });
});
