import type { Claim, ClaimType, DebateMap, RelationKind, Source } from '../model.js';

/** Model entities for readers of other formats: what a map file would give, with no file yet. */

export function newSource(id: string, fields: { kind: string; title: string; authors: string[]; date?: string; note?: string; answers?: string[] }): Source {
  return {
    type: 'source',
    id,
    kind: fields.kind,
    title: fields.title,
    authors: fields.authors,
    signatories: [],
    answers: fields.answers ?? [],
    addressedTo: [],
    ...(fields.date ? { date: fields.date } : {}),
    ...(fields.note ? { note: fields.note } : {}),
    file: `${id}.yaml`,
    pointer: '/source',
  };
}

export function newClaim(id: string, source: Source, summary: string, fields: { quotes?: string[]; locator?: string; tags?: string[]; note?: string; claimType?: ClaimType } = {}): Claim {
  return {
    type: 'claim',
    id,
    claimType: fields.claimType ?? 'assertion',
    sourceId: source.id,
    summary,
    quotes: fields.quotes ?? [],
    quoteGiven: (fields.quotes ?? []).length > 0,
    quoteIsList: (fields.quotes ?? []).length > 1,
    tags: fields.tags ?? [],
    evidence: [],
    relations: [],
    ...(fields.locator ? { locator: fields.locator } : {}),
    ...(fields.note ? { note: fields.note } : {}),
    file: source.file,
    pointer: '',
  };
}

/** Add a relation once: the same kind to the same target is never listed twice. */
export function relate(claim: Claim, kind: RelationKind, to: string, note?: string): void {
  if (to === claim.id || claim.relations.some((r) => r.kind === kind && r.to === to)) return;
  claim.relations.push({ kind, from: claim.id, to, ...(note ? { note } : {}), file: claim.file, pointer: claim.pointer });
}

export function emptyMap(): DebateMap {
  return { sources: [], claims: [], evidence: [] };
}
