import { existsSync, readdirSync, readFileSync } from 'node:fs';
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
  const checked = await checkMap([], { cwd: repoRoot, strict: true, texts: seeds });
  const { graph, map } = await openMap([], { cwd: repoRoot });

  it('validates clean under --strict, every quote checked against its seed text', () => {
    expect(checked.diagnostics).toEqual([]);
    expect(checked.quotes.unchecked).toBe(0);
    expect(checked.quotes.checked).toBe(map.claims.reduce((n, c) => n + c.quotes.length, 0));
  });

  it("checked without summaries (validate's way), gives the same findings and the same map less its summaries", async () => {
    const lean = await checkMap([], { cwd: repoRoot, strict: true, texts: seeds, summaries: false });
    expect(lean.diagnostics).toEqual(checked.diagnostics);
    expect(lean.quotes).toEqual(checked.quotes);
    expect(lean.map.claims.every((c) => c.summary === '')).toBe(true);
    const withoutSummaries = (m: typeof map) => ({ ...m, claims: m.claims.map((c) => ({ ...c, summary: '' })) });
    expect(lean.map).toEqual(withoutSummaries(checked.map));
    expect(checked.map.claims.some((c) => c.summary.length > 100)).toBe(true);
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

  it('maps every seed document', () => {
    const texts = new Set(map.sources.flatMap((s) => (s.text ? [s.text] : [])));
    const seedFiles = readdirSync(seeds).filter((f) => f.endsWith('.txt'));
    expect(seedFiles.length).toBe(5);
    for (const file of seedFiles) expect(texts.has(file), file).toBe(true);
  });

  it('maps the sources the documents answer or report, each only through a document', () => {
    for (const id of ['cs-letter-2022', 'ec-proposal-2022', 'be-compromise-2024', 'dk-proposal-2025', 'ep-position-2023', 'edpb-edps-2022']) {
      const source = map.sources.find((s) => s.id === id);
      expect(source, id).toBeDefined();
      expect(source!.text, id).toBeUndefined();
      expect(source!.reportedBy, id).toBeDefined();
      expect(map.claims.some((c) => c.sourceId === id), id).toBe(true);
    }
  });

  it('keeps the two texts of 003 apart, with their own authors', () => {
    const both = map.sources.filter((s) => s.text === '003_65622169a660f39a.txt');
    expect(both.map((s) => s.id).sort()).toEqual(['encryption-post-2024', 'gec-statement-2024']);
    expect(both[0]!.authors).not.toEqual(both[1]!.authors);
  });

  it('quotes none of the noise of 004 and maps its repeated letter once', () => {
    const claims = map.claims.filter((c) => c.sourceId === 'tuta-letter-2024');
    expect(claims.length).toBeGreaterThan(5);
    for (const quote of claims.flatMap((c) => c.quotes)) {
      expect(quote).not.toMatch(/algeria|whatsapp|5 million/i);
      expect(quote).not.toMatch(/Below is the joint letter/);
    }
  });

  it('has a claim for every point of the industry letter, and several for most', () => {
    const points = new Map<string, number>();
    for (const c of map.claims.filter((c) => c.sourceId === 'industry-2023')) {
      const point = /^point (\d)/.exec(c.locator ?? '')?.[1];
      if (point) points.set(point, (points.get(point) ?? 0) + 1);
    }
    expect([...points.keys()].sort()).toEqual(['1', '2', '3', '4', '5']);
    expect([...points.values()].reduce((a, b) => a + b, 0)).toBeGreaterThan(15);
  });

  it('cites every evidence entry from some claim, and every footnote of the corpus', () => {
    const cited = new Set(map.claims.flatMap((c) => c.evidence));
    for (const e of map.evidence) expect(cited.has(e.id), e.id).toBe(true);
    for (const id of ['tech-coalition-grooming-2022', 'ftc-press-release-2025-08', 'eu-digital-age-strategy', 'impact-assessment-consultation', 'edpb-edps-opinion-2022', 'council-legal-service-opinion']) {
      expect(cited.has(id), id).toBe(true);
    }
  });

  it("has later documents contradict what the Commission's reply asserted", () => {
    const reply = map.sources.find((s) => s.id === 'ec-reply-2022')!;
    for (const id of ['ec-reply-2022.technology-neutral', 'ec-reply-2022.provider-safeguards', 'ec-reply-2022.not-all-scanned', 'ec-reply-2022.full-respect']) {
      const { status, answers } = claimStatus(graph, id);
      expect(status, id).toBe('answered');
      for (const a of answers) {
        const from = map.sources.find((s) => s.id === map.claims.find((c) => c.id === a.from)!.sourceId)!;
        expect((from.date ?? '') >= (reply.date ?? ''), a.from).toBe(true);
      }
    }
  });

  it('runs no support from a consequence to its reason: a sentence that opens with "therefore", "this is why", "ultimately"... never supports the sentence before it', () => {
    // "A. Therefore B": A supports B. A claim whose quote opens with a conclusion marker draws
    // on what precedes it, so it may not support a claim quoted earlier in the same text.
    const marker = /^(therefore|thus|hence|this is why|for this (exact )?reason|ultimately|as a result|consequently|this will)\b/i;
    const textOf = (claimId: string): { text: string; at: number } | undefined => {
      const claim = map.claims.find((c) => c.id === claimId)!;
      const source = map.sources.find((s) => s.id === (claim.reportedBy ?? claim.sourceId))!;
      const holder = source.text ? source : map.sources.find((s) => s.id === source.reportedBy);
      if (!holder?.text || claim.quotes.length === 0) return undefined;
      const text = readFileSync(path.join(seeds, holder.text), 'utf8').replace(/\s+/g, ' ');
      return { text: holder.text, at: text.indexOf(claim.quotes[0]!.replace(/\s+/g, ' ').slice(0, 40)) };
    };
    const inverted: string[] = [];
    let checked = 0;
    for (const claim of map.claims) {
      if (!claim.quotes.length || !marker.test(claim.quotes[0]!.trim())) continue;
      for (const r of claim.relations.filter((rel) => rel.kind === 'supports')) {
        const [a, b] = [textOf(claim.id), textOf(r.to)];
        if (!a || !b || a.text !== b.text || a.at < 0 || b.at < 0) continue;
        checked++;
        if (b.at < a.at) inverted.push(`${claim.id} supports ${r.to}`);
      }
    }
    expect(inverted).toEqual([]);
    // The check has cases to check: the consequence sentences of the SME and industry letters.
    expect(map.claims.filter((c) => c.quotes.length && marker.test(c.quotes[0]!.trim())).length).toBeGreaterThanOrEqual(4);
    expect(checked).toBeGreaterThan(0);
  });

  it('uses undercuts only where the text attacks an inference', () => {
    // An undercut attacks an inference. These are the ones the texts bear out: the consent
    // regime does not catch offenders who move elsewhere, upload moderation does not solve
    // the spread, scanning only visual content is circumvented by embedding.
    const undercuts = map.claims.flatMap((c) => c.relations.filter((r) => r.kind === 'undercuts').map((r) => `${c.id} -> ${r.to}`)).sort();
    expect(undercuts).toEqual([
      'encryption-post-2024.offenders-move -> be-compromise-2024.user-consent',
      'gec-statement-2024.easily-circumvented -> be-compromise-2024.visual-content-only',
      'gec-statement-2024.wont-solve -> be-compromise-2024.upload-moderation',
    ]);
    // Each says in its note which inference it attacks: what may hold, and what does not follow.
    for (const claim of map.claims) {
      for (const r of claim.relations.filter((rel) => rel.kind === 'undercuts')) expect(r.note, `${claim.id} -> ${r.to}`).toMatch(/may .*, yet /);
    }
  });

  it('types as demands what the letters ask of their addressees', () => {
    // Worded as a demand: an imperative, "should"/"must", or "we call on / urge / propose / warn against".
    const demandWording = /^(reject|protect|preserve|ensure|pursue|narrow)\b|\b(should|must|we (call on|urge|propose|warn against))\b/i;
    const notDemands: Record<string, string> = {
      'ec-reply-2022.both-aims': 'the Commission states its own principle',
      'ec-reply-2022.technology-neutral': '"should not be understood as": how to read the proposal',
      'ec-reply-2022.provider-safeguards': 'what the proposal asks of providers, not of the letter it answers',
      'industry-2023.five-points': 'announces the five points, each typed on its own',
      'sme-letter-2025.sensitive-information-at-risk': '"should the regulation move forward" is a condition',
    };
    const addressed = new Set(map.sources.filter((s) => s.addressedTo.length > 0).map((s) => s.id));
    const worded = map.claims.filter((c) => addressed.has(c.sourceId) && demandWording.test(c.quotes.join(' ')));
    const untyped = worded.filter((c) => c.claimType !== 'demand' && !(c.id in notDemands)).map((c) => c.id);
    expect(untyped).toEqual([]);
    for (const id of Object.keys(notDemands)) expect(worded.some((c) => c.id === id), id).toBe(true);
    // Every letter of 2023-2025 makes demands of its addressees.
    for (const id of ['industry-2023', 'gec-statement-2024', 'tuta-letter-2024', 'sme-letter-2025']) {
      expect(map.claims.some((c) => c.sourceId === id && c.claimType === 'demand'), id).toBe(true);
    }
  });

  it('leaves the letters of 2023-2025 unanswered: nothing in the map answers them', () => {
    const later = ['industry-2023', 'encryption-post-2024', 'gec-statement-2024', 'tuta-letter-2024', 'sme-letter-2025'];
    for (const claim of map.claims.filter((c) => later.includes(c.sourceId))) {
      expect(claimStatus(graph, claim.id).status, claim.id).toBe('unanswered');
    }
  });
});

