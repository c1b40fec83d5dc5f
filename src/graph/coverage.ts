import { ANSWERING_KINDS, type Source } from '../model.js';
import { claims, sourceOf, sources, type DebateGraph } from './build.js';
import { addresseeSources } from './filters.js';
import { debateOrder } from './order.js';

/** Time between two dates at the precision both give: days for full dates, else months or years, marked partial. */
export interface Delay {
  unit: 'days' | 'months' | 'years';
  amount: number;
  /** One of the dates lacks a day (or a month): the delay is never given more precisely than both. */
  partial: boolean;
}

export interface Responder {
  source: Source;
  /** Claims of the covered source this source answered (rebut, undermine, undercut, concede). */
  claims: number;
  /** Whether it also says, as a whole, that it answers the covered source (`answers`). */
  answersDocument: boolean;
  /** Whether it is one of the covered source's addressees. */
  addressee: boolean;
  delay?: Delay;
}

export interface CoverageRow {
  source: Source;
  /** Whom the source is addressed to, as it says. */
  addressedTo: string[];
  /** The sources of the map that stand for those addressees. */
  addressees: Source[];
  claims: number;
  /** Claims answered by an addressee, and by any other source. */
  answeredByAddressees: number;
  answeredByAnyone: number;
  responders: Responder[];
}

const DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/;

/** The delay from `from` to `to` at the precision both dates have; undefined when either is missing. */
export function delayBetween(from: string | undefined, to: string | undefined): Delay | undefined {
  const a = from ? DATE.exec(from) : null;
  const b = to ? DATE.exec(to) : null;
  if (!a || !b) return undefined;
  if (a[3] && b[3]) {
    const days = Math.round((Date.UTC(+b[1]!, +b[2]! - 1, +b[3]!) - Date.UTC(+a[1]!, +a[2]! - 1, +a[3]!)) / 86_400_000);
    return { unit: 'days', amount: days, partial: false };
  }
  if (a[2] && b[2]) return { unit: 'months', amount: (+b[1]! - +a[1]!) * 12 + (+b[2]! - +a[2]!), partial: true };
  return { unit: 'years', amount: +b[1]! - +a[1]!, partial: true };
}

/**
 * Who answered whom: every source addressed to someone (`addressed_to`) or answered by
 * another source, with how many of its claims its addressees answered, which sources
 * answered, and how long they took. Sources whose addressees never answered come first,
 * then the rest, each group in debate order.
 */
export function coverage(graph: DebateGraph): CoverageRow[] {
  const all = sources(graph);
  const claimsOf = new Map<string, number>();
  for (const claim of claims(graph)) claimsOf.set(claim.sourceId, (claimsOf.get(claim.sourceId) ?? 0) + 1);
  // For each source, which sources answered which of its claims.
  const answeredBy = new Map<string, Map<string, Set<string>>>();
  graph.forEachEdge((_edge, attributes, _from, to, fromAttributes, toAttributes) => {
    if (attributes.type !== 'relation' || !ANSWERING_KINDS.has(attributes.kind)) return;
    if (fromAttributes.type !== 'claim' || toAttributes.type !== 'claim') return;
    const [responder, target] = [fromAttributes.claim.sourceId, toAttributes.claim.sourceId];
    if (responder === target) return;
    const bySource = answeredBy.get(target) ?? new Map<string, Set<string>>();
    const answered = bySource.get(responder) ?? new Set<string>();
    answered.add(to);
    bySource.set(responder, answered);
    answeredBy.set(target, bySource);
  });
  const answersDocument = new Map<string, Set<string>>();
  for (const source of all) {
    for (const target of source.answers) {
      if (target === source.id) continue;
      const set = answersDocument.get(target) ?? new Set<string>();
      set.add(source.id);
      answersDocument.set(target, set);
    }
  }

  const rows: CoverageRow[] = [];
  for (const source of debateOrder(graph)) {
    const bySource = answeredBy.get(source.id) ?? new Map<string, Set<string>>();
    const whole = answersDocument.get(source.id) ?? new Set<string>();
    if (source.addressedTo.length === 0 && bySource.size === 0 && whole.size === 0) continue;
    const addressees = [...new Set(source.addressedTo.flatMap((name) => addresseeSources(name, all)))].filter((s) => s.id !== source.id);
    const addresseeIds = new Set(addressees.map((s) => s.id));
    const responderIds = [...new Set([...bySource.keys(), ...whole])];
    const responders = responderIds
      .map((id): Responder | undefined => {
        const responder = sourceOf(graph, id);
        if (!responder) return undefined;
        const delay = delayBetween(source.date, responder.date);
        return { source: responder, claims: bySource.get(id)?.size ?? 0, answersDocument: whole.has(id), addressee: addresseeIds.has(id), ...(delay ? { delay } : {}) };
      })
      .filter((r): r is Responder => r !== undefined)
      .sort((a, b) => Number(b.addressee) - Number(a.addressee) || b.claims - a.claims || (a.source.id < b.source.id ? -1 : 1));
    const union = (filter: (id: string) => boolean): number => {
      const answered = new Set<string>();
      for (const [id, set] of bySource) if (filter(id)) for (const claim of set) answered.add(claim);
      return answered.size;
    };
    rows.push({
      source,
      addressedTo: source.addressedTo,
      addressees,
      claims: claimsOf.get(source.id) ?? 0,
      answeredByAddressees: union((id) => addresseeIds.has(id)),
      answeredByAnyone: union(() => true),
      responders,
    });
  }
  // Addressed, and no addressee answered anything, the whole document included: first.
  const unanswered = (row: CoverageRow): boolean => row.addressedTo.length > 0 && !row.responders.some((r) => r.addressee);
  return [...rows.filter(unanswered), ...rows.filter((row) => !unanswered(row))];
}
