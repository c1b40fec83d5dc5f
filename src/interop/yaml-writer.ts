import { RELATION_KINDS, type Claim, type DebateMap, type Source } from '../model.js';
import { emitMapFile } from './yaml-emit.js';

export interface MapFile {
  /** File name, `<source id>.yaml`. */
  name: string;
  text: string;
}

function sourceData(source: Source): Record<string, unknown> {
  return {
    id: source.id,
    kind: source.kind,
    title: source.title,
    authors: source.authors,
    ...(source.shortName ? { short_name: source.shortName } : {}),
    ...(source.signatories.length ? { signatories: source.signatories } : {}),
    ...(source.date ? { date: source.date } : {}),
    ...(source.dateInferred ? { date_inferred: source.dateInferred } : {}),
    ...(source.url ? { url: source.url } : {}),
    ...(source.text ? { text: source.text } : {}),
    ...(source.reportedBy ? { reported_by: source.reportedBy } : {}),
    ...(source.answers.length ? { answers: source.answers } : {}),
    ...(source.addressedTo.length ? { addressed_to: source.addressedTo } : {}),
    ...(source.note ? { note: source.note } : {}),
  };
}

function claimData(claim: Claim): Record<string, unknown> {
  const relations: Record<string, unknown> = {};
  for (const kind of RELATION_KINDS) {
    const list = claim.relations.filter((r) => r.kind === kind);
    if (list.length === 0) continue;
    relations[kind] = list.map((r) => (r.note ? { to: r.to, note: r.note } : r.to));
    if (list.length === 1 && !list[0]!.note) relations[kind] = list[0]!.to;
  }
  return {
    id: claim.id,
    ...(claim.claimType !== 'assertion' ? { type: claim.claimType } : {}),
    summary: claim.summary,
    ...(claim.quotes.length === 1 ? { quote: claim.quotes[0] } : claim.quotes.length > 1 ? { quote: claim.quotes } : {}),
    ...(claim.locator ? { locator: claim.locator } : {}),
    ...(claim.reportedBy ? { reported_by: claim.reportedBy } : {}),
    ...(claim.tags.length ? { tags: claim.tags } : {}),
    ...(claim.evidence.length ? { evidence: claim.evidence } : {}),
    ...relations,
    ...(claim.note ? { note: claim.note } : {}),
  };
}

/**
 * The map as riposte map files: one per source with its claims, evidence in `evidence.yaml`,
 * each in the canonical form `riposte fmt` writes, under the schema modeline that editors read.
 */
export function mapToFiles(map: DebateMap, schemaPath: string): MapFile[] {
  const claimsBySource = new Map<string, Claim[]>();
  for (const claim of map.claims) {
    const list = claimsBySource.get(claim.sourceId);
    if (list) list.push(claim);
    else claimsBySource.set(claim.sourceId, [claim]);
  }
  const files: MapFile[] = [];
  const write = (name: string, data: Record<string, unknown>): void => {
    files.push({ name, text: emitMapFile(`# yaml-language-server: $schema=${schemaPath}`, data as Parameters<typeof emitMapFile>[1]) });
  };
  for (const source of map.sources) {
    const claims = (claimsBySource.get(source.id) ?? []).map(claimData);
    write(`${source.id}.yaml`, { source: sourceData(source), ...(claims.length > 0 ? { claims } : {}) });
  }
  if (map.evidence.length > 0) {
    write('evidence.yaml', {
      evidence: map.evidence.map((e) => ({ id: e.id, kind: e.kind, title: e.title, ...(e.publisher ? { publisher: e.publisher } : {}), ...(e.date ? { date: e.date } : {}), ...(e.url ? { url: e.url } : {}), ...(e.note ? { note: e.note } : {}) })),
    });
  }
  return files;
}
