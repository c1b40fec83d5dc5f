import { groundedLabelling, type Label } from '../graph/acceptability.js';
import type { DebateGraph } from '../graph/build.js';
import { claimStatus, type ResponseStatus } from '../graph/status.js';
import { messageOf, type Diagnostic } from '../diagnostics.js';
import type { Claim, DebateMap, RelationKind, Source } from '../model.js';

/** One side of a diff: the map as loaded and checked, and its graph. */
export interface DiffSide {
  map: DebateMap;
  graph: DebateGraph;
  diagnostics: readonly Diagnostic[];
}

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

export interface ClaimRef {
  id: string;
  source: string;
  summary: string;
}

export interface RelationRef {
  from: string;
  to: string;
  kind: RelationKind;
}

export interface StatusChange extends ClaimRef {
  before: ResponseStatus;
  after: ResponseStatus;
}

export interface LabelChange extends ClaimRef {
  before: Label;
  after: Label;
}

export interface QuoteProblem extends ClaimRef {
  message: string;
}

export interface MapDiff {
  sources: { added: Source[]; removed: Source[]; changed: { id: string; changes: FieldChange[] }[] };
  claims: { added: ClaimRef[]; removed: ClaimRef[]; renamed: { from: string; to: string; summary: string }[]; changed: (ClaimRef & { changes: FieldChange[] })[] };
  relations: { added: RelationRef[]; removed: RelationRef[]; changedKind: { from: string; to: string; before: RelationKind; after: RelationKind }[] };
  /** What the change does to the debate. */
  consequences: {
    becameAnswered: StatusChange[];
    becameUnanswered: StatusChange[];
    /** Every other change of response status (answered to challenged, and so on). */
    otherStatus: StatusChange[];
    labels: LabelChange[];
    evidenceAdded: { claim: string; evidence: string }[];
    evidenceDropped: { claim: string; evidence: string }[];
    /** Quotes that do not check against their texts in HEAD and did (or did not exist) in BASE. */
    quotesBroken: QuoteProblem[];
    quotesFixed: ClaimRef[];
  };
}

const SOURCE_FIELDS: [string, (s: Source) => unknown][] = [
  ['kind', (s) => s.kind],
  ['title', (s) => s.title],
  ['authors', (s) => s.authors],
  ['short_name', (s) => s.shortName],
  ['signatories', (s) => s.signatories],
  ['date', (s) => s.date],
  ['date_inferred', (s) => s.dateInferred],
  ['url', (s) => s.url],
  ['text', (s) => s.text],
  ['reported_by', (s) => s.reportedBy],
  ['answers', (s) => s.answers],
  ['addressed_to', (s) => s.addressedTo],
  ['note', (s) => s.note],
];

const CLAIM_FIELDS: [string, (c: Claim) => unknown][] = [
  ['source', (c) => c.sourceId],
  ['type', (c) => c.claimType],
  ['summary', (c) => c.summary],
  ['quote', (c) => c.quotes],
  ['locator', (c) => c.locator],
  ['reported_by', (c) => c.reportedBy],
  ['tags', (c) => c.tags],
  ['evidence', (c) => c.evidence],
  ['note', (c) => c.note],
];

/** Field values are strings, lists of strings, or absent: compared without serialising, as most are equal. */
function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => x === b[i]);
  return (a ?? null) === (b ?? null);
}

function fieldChanges<T>(fields: [string, (x: T) => unknown][], before: T, after: T): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const [field, get] of fields) {
    const [a, b] = [get(before), get(after)];
    if (!same(a, b)) changes.push({ field, before: a ?? null, after: b ?? null });
  }
  return changes;
}

const ref = (claim: Claim): ClaimRef => ({ id: claim.id, source: claim.sourceId, summary: claim.summary });

/** What a claim says, whatever its id: a claim removed and one added with the same content were renamed. */
const content = (claim: Claim): string => JSON.stringify([claim.sourceId, claim.summary, claim.quotes]);

/** Claims whose quotes do not check against their texts, with the first message, by id. */
function quoteProblems(side: DiffSide): Map<string, string> {
  const at = new Map<string, string>();
  for (const claim of side.map.claims) at.set(`${claim.file}\0${claim.pointer}`, claim.id);
  const problems = new Map<string, string>();
  for (const d of side.diagnostics) {
    if (d.code !== 'quote-not-found') continue;
    const claimPointer = /^\/claims\/\d+/.exec(d.pointer)?.[0];
    const id = claimPointer ? at.get(`${d.file}\0${claimPointer}`) : undefined;
    if (id && !problems.has(id)) problems.set(id, messageOf(d));
  }
  return problems;
}

function firstById<T extends { id: string }>(list: readonly T[]): Map<string, T> {
  const byId = new Map<string, T>();
  for (const item of list) if (!byId.has(item.id)) byId.set(item.id, item);
  return byId;
}

/**
 * Compare two maps as data: sources and claims added, removed and changed (a claim moved to a
 * new id unchanged is a rename, not a removal and an addition), relations added, removed and
 * changed in kind, and the consequences for the debate: response statuses, grounded labels,
 * evidence, and quotes that stopped checking against their texts.
 */
export function compareMaps(base: DiffSide, head: DiffSide): MapDiff {
  const baseSources = firstById(base.map.sources);
  const headSources = firstById(head.map.sources);
  const sources: MapDiff['sources'] = {
    added: [...headSources.values()].filter((s) => !baseSources.has(s.id)),
    removed: [...baseSources.values()].filter((s) => !headSources.has(s.id)),
    changed: [],
  };
  for (const [id, after] of headSources) {
    const before = baseSources.get(id);
    if (!before) continue;
    const changes = fieldChanges(SOURCE_FIELDS, before, after);
    if (changes.length > 0) sources.changed.push({ id, changes });
  }

  const baseClaims = firstById(base.map.claims);
  const headClaims = firstById(head.map.claims);
  let added = [...headClaims.values()].filter((c) => !baseClaims.has(c.id));
  let removed = [...baseClaims.values()].filter((c) => !headClaims.has(c.id));
  // Renames: an added claim saying exactly what one removed claim said, and no other did.
  const removedByContent = new Map<string, Claim[]>();
  for (const claim of removed) removedByContent.set(content(claim), [...(removedByContent.get(content(claim)) ?? []), claim]);
  const addedByContent = new Map<string, Claim[]>();
  for (const claim of added) addedByContent.set(content(claim), [...(addedByContent.get(content(claim)) ?? []), claim]);
  const renamedTo = new Map<string, string>();
  for (const [key, was] of removedByContent) {
    const now = addedByContent.get(key);
    if (was.length === 1 && now?.length === 1) renamedTo.set(was[0]!.id, now[0]!.id);
  }
  const renamedFrom = new Set(renamedTo.values());
  removed = removed.filter((c) => !renamedTo.has(c.id));
  added = added.filter((c) => !renamedFrom.has(c.id));
  /** A base id as it is called in head. */
  const inHead = (id: string): string => renamedTo.get(id) ?? id;

  const claims: MapDiff['claims'] = {
    added: added.map(ref),
    removed: removed.map(ref),
    renamed: [...renamedTo].map(([from, to]) => ({ from, to, summary: headClaims.get(to)!.summary })),
    changed: [],
  };
  const pairs: [Claim, Claim][] = [];
  for (const before of baseClaims.values()) {
    const after = headClaims.get(inHead(before.id));
    if (after) pairs.push([before, after]);
  }
  for (const [before, after] of pairs) {
    const changes = fieldChanges(CLAIM_FIELDS, before, after);
    const relations = (c: Claim, map: (id: string) => string) => c.relations.map((r) => `${r.kind} ${map(r.to)}`).sort();
    const [a, b] = [relations(before, inHead), relations(after, (id) => id)];
    if (!same(a, b)) changes.push({ field: 'relations', before: a, after: b });
    if (changes.length > 0) claims.changed.push({ ...ref(after), changes });
  }

  // Relations, keyed by both ends in head's ids.
  const relationKinds = (map: DebateMap, rename: (id: string) => string) => {
    const kinds = new Map<string, Set<RelationKind>>();
    for (const claim of map.claims) {
      for (const r of claim.relations) {
        const key = `${rename(r.from)}\0${rename(r.to)}`;
        kinds.set(key, (kinds.get(key) ?? new Set<RelationKind>()).add(r.kind));
      }
    }
    return kinds;
  };
  const before = relationKinds(base.map, inHead);
  const after = relationKinds(head.map, (id) => id);
  const relations: MapDiff['relations'] = { added: [], removed: [], changedKind: [] };
  for (const key of new Set([...before.keys(), ...after.keys()])) {
    const [from, to] = key.split('\0') as [string, string];
    const was = [...(before.get(key) ?? [])];
    const now = [...(after.get(key) ?? [])];
    const gone = was.filter((k) => !now.includes(k));
    const come = now.filter((k) => !was.includes(k));
    if (gone.length === 1 && come.length === 1) {
      relations.changedKind.push({ from, to, before: gone[0]!, after: come[0]! });
      continue;
    }
    for (const kind of gone) relations.removed.push({ from, to, kind });
    for (const kind of come) relations.added.push({ from, to, kind });
  }

  // Consequences, for the claims on both sides.
  const labels = [groundedLabelling(base.graph).labels, groundedLabelling(head.graph).labels];
  const consequences: MapDiff['consequences'] = { becameAnswered: [], becameUnanswered: [], otherStatus: [], labels: [], evidenceAdded: [], evidenceDropped: [], quotesBroken: [], quotesFixed: [] };
  for (const [was, now] of pairs) {
    const [b, a] = [claimStatus(base.graph, was.id).status, claimStatus(head.graph, now.id).status];
    if (b !== a) {
      const change = { ...ref(now), before: b, after: a };
      if (a === 'answered') consequences.becameAnswered.push(change);
      else if (a === 'unanswered') consequences.becameUnanswered.push(change);
      else consequences.otherStatus.push(change);
    }
    const [lb, la] = [labels[0]!.get(was.id), labels[1]!.get(now.id)];
    if (lb && la && lb !== la) consequences.labels.push({ ...ref(now), before: lb, after: la });
    for (const e of now.evidence) if (!was.evidence.includes(e)) consequences.evidenceAdded.push({ claim: now.id, evidence: e });
    for (const e of was.evidence) if (!now.evidence.includes(e)) consequences.evidenceDropped.push({ claim: now.id, evidence: e });
  }
  for (const claim of added) for (const e of claim.evidence) consequences.evidenceAdded.push({ claim: claim.id, evidence: e });
  const [quotesBefore, quotesAfter] = [quoteProblems(base), quoteProblems(head)];
  const baseIdOf = new Map([...renamedTo].map(([from, to]) => [to, from]));
  for (const [id, message] of quotesAfter) {
    if (quotesBefore.has(baseIdOf.get(id) ?? id)) continue;
    consequences.quotesBroken.push({ ...ref(headClaims.get(id)!), message });
  }
  for (const id of quotesBefore.keys()) {
    const now = headClaims.get(inHead(id));
    if (now && !quotesAfter.has(now.id)) consequences.quotesFixed.push(ref(now));
  }
  return { sources, claims, relations, consequences };
}

/** Whether the diff changes anything at all. */
export function isEmptyDiff(diff: MapDiff): boolean {
  const { sources, claims, relations } = diff;
  return [sources.added, sources.removed, sources.changed, claims.added, claims.removed, claims.renamed, claims.changed, relations.added, relations.removed, relations.changedKind].every((list) => list.length === 0);
}
