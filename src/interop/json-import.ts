import type { ClaimType, DebateMap, RelationKind } from '../model.js';
import { CLAIM_TYPES, RELATION_KINDS } from '../model.js';
import { ImportError } from './import-error.js';
import { emptyMap, newClaim, newSource, relate } from './model-builder.js';

type Json = Record<string, unknown>;
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const strs = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

/**
 * riposte's own JSON export (`riposte export json`, version 1) read back as a map: sources,
 * claims, relations and evidence as they were, ids kept.
 */
export function jsonToMap(text: string): DebateMap {
  let data: Json;
  try {
    data = JSON.parse(text) as Json;
  } catch (error) {
    const at = /position (\d+)/.exec((error as Error).message);
    throw new ImportError(`not JSON: ${(error as Error).message}`, at ? text.slice(0, Number(at[1])).split('\n').length : 1);
  }
  if (!data || typeof data !== 'object' || data.version !== 1 || !Array.isArray(data.sources) || !Array.isArray(data.claims)) {
    throw new ImportError("not riposte's JSON export: it has version 1 and lists of 'sources' and 'claims' (riposte export json)", 1);
  }
  const map = emptyMap();
  const sources = new Map<string, ReturnType<typeof newSource>>();
  for (const raw of data.sources as Json[]) {
    const id = str(raw.id);
    if (!id) continue;
    const source = newSource(id, { kind: str(raw.kind) ?? 'other', title: str(raw.title) ?? id, authors: strs(raw.authors), ...(str(raw.date) ? { date: str(raw.date)! } : {}), ...(str(raw.note) ? { note: str(raw.note)! } : {}), answers: strs(raw.answers) });
    Object.assign(source, {
      signatories: strs(raw.signatories),
      addressedTo: strs(raw.addressedTo),
      ...(str(raw.shortName) ? { shortName: str(raw.shortName) } : {}),
      ...(str(raw.dateInferred) ? { dateInferred: str(raw.dateInferred) } : {}),
      ...(str(raw.url) ? { url: str(raw.url) } : {}),
      ...(str(raw.text) ? { text: str(raw.text) } : {}),
      ...(str(raw.reportedBy) ? { reportedBy: str(raw.reportedBy) } : {}),
    });
    sources.set(id, source);
    map.sources.push(source);
  }
  const claims = new Map<string, ReturnType<typeof newClaim>>();
  for (const raw of data.claims as Json[]) {
    const id = str(raw.id);
    const source = sources.get(str(raw.source) ?? '');
    if (!id || !source) continue;
    const type = str(raw.type);
    const claim = newClaim(id, source, str(raw.summary) ?? '', {
      quotes: strs(raw.quotes),
      ...(str(raw.locator) ? { locator: str(raw.locator)! } : {}),
      tags: strs(raw.tags),
      ...(str(raw.note) ? { note: str(raw.note)! } : {}),
      ...((CLAIM_TYPES as readonly string[]).includes(type ?? '') ? { claimType: type as ClaimType } : {}),
    });
    claim.evidence = strs(raw.evidence);
    if (str(raw.reportedBy)) claim.reportedBy = str(raw.reportedBy)!;
    claims.set(id, claim);
    map.claims.push(claim);
  }
  for (const raw of (Array.isArray(data.relations) ? data.relations : []) as Json[]) {
    const from = claims.get(str(raw.from) ?? '');
    const kind = str(raw.kind) as RelationKind;
    if (!from || !(RELATION_KINDS as readonly string[]).includes(kind) || !str(raw.to)) continue;
    relate(from, kind, str(raw.to)!, str(raw.note));
  }
  for (const raw of (Array.isArray(data.evidence) ? data.evidence : []) as Json[]) {
    const id = str(raw.id);
    if (!id) continue;
    map.evidence.push({
      type: 'evidence',
      id,
      kind: str(raw.kind) ?? 'other',
      title: str(raw.title) ?? id,
      ...(str(raw.publisher) ? { publisher: str(raw.publisher) } : {}),
      ...(str(raw.date) ? { date: str(raw.date) } : {}),
      ...(str(raw.url) ? { url: str(raw.url) } : {}),
      ...(str(raw.note) ? { note: str(raw.note) } : {}),
      file: 'evidence.yaml',
      pointer: '',
    });
  }
  return map;
}
