/** The debate map as riposte works with it, built from the files' data. */

export const RELATION_KINDS = ['supports', 'rebuts', 'undermines', 'undercuts', 'concedes', 'questions'] as const;
export type RelationKind = (typeof RELATION_KINDS)[number];

/** Relations that answer their target. `questions` challenges; `supports` never answers. */
export const ANSWERING_KINDS: ReadonlySet<RelationKind> = new Set(['rebuts', 'undermines', 'undercuts', 'concedes']);

interface Located {
  /** The map file that defines it, and the JSON pointer of its entry there. */
  file: string;
  pointer: string;
}

export interface Source extends Located {
  id: string;
  kind: string;
  title: string;
  authors: string[];
  signatories: string[];
  date?: string;
  dateInferred?: string;
  url?: string;
  text?: string;
  reportedBy?: string;
  answers: string[];
  note?: string;
}

export interface Relation extends Located {
  kind: RelationKind;
  from: string;
  to: string;
  note?: string;
}

export interface Claim extends Located {
  id: string;
  sourceId: string;
  summary: string;
  quotes: string[];
  /** Where each quote is in the file, for diagnostics. */
  quotePointers: string[];
  /** Whether the file gives a `quote` at all (a malformed one is the schema's to report). */
  quoteGiven: boolean;
  locator?: string;
  tags: string[];
  evidence: string[];
  relations: Relation[];
  note?: string;
}

export interface Evidence extends Located {
  id: string;
  kind: string;
  title: string;
  publisher?: string;
  date?: string;
  url?: string;
  note?: string;
}

export interface DebateMap {
  sources: Source[];
  claims: Claim[];
  evidence: Evidence[];
}

type Data = Record<string, unknown>;

const isObject = (value: unknown): value is Data => value !== null && typeof value === 'object' && !Array.isArray(value);
const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
/** Dates may be written as a bare year (`date: 2024`), which YAML reads as a number. */
const dateOf = (value: unknown): string | undefined =>
  typeof value === 'string' ? value : typeof value === 'number' && Number.isInteger(value) ? String(value) : undefined;
const strings = (value: unknown): string[] =>
  typeof value === 'string' ? [value] : Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];

/**
 * Build the model from parsed files. Tolerant by design: the schema reports malformed
 * entries; this skips what it cannot use so that map-level checks still run on the rest.
 */
export function buildModel(files: readonly { file: string; data: unknown }[]): DebateMap {
  const map: DebateMap = { sources: [], claims: [], evidence: [] };
  for (const { file, data } of files) {
    if (!isObject(data)) continue;
    const source = isObject(data.source) ? data.source : undefined;
    const sourceId = str(source?.id);
    if (source && sourceId) {
      map.sources.push({
        id: sourceId,
        kind: str(source.kind) ?? 'other',
        title: str(source.title) ?? sourceId,
        authors: strings(source.authors),
        signatories: strings(source.signatories),
        date: dateOf(source.date),
        dateInferred: str(source.date_inferred),
        url: str(source.url),
        text: str(source.text),
        reportedBy: str(source.reported_by),
        answers: strings(source.answers),
        note: str(source.note),
        file,
        pointer: '/source',
      });
    }
    if (Array.isArray(data.claims) && sourceId) {
      data.claims.forEach((entry, index) => {
        const id = isObject(entry) ? str(entry.id) : undefined;
        if (!isObject(entry) || !id) return;
        const pointer = `/claims/${index}`;
        const relations: Relation[] = [];
        for (const kind of RELATION_KINDS) {
          const value = entry[kind];
          const targets = Array.isArray(value) ? value : value === undefined ? [] : [value];
          targets.forEach((target, i) => {
            const to = typeof target === 'string' ? target : isObject(target) ? str(target.to) : undefined;
            if (!to) return;
            const at = Array.isArray(value) ? `${pointer}/${kind}/${i}` : `${pointer}/${kind}`;
            const note = isObject(target) ? str(target.note) : undefined;
            relations.push({ kind, from: id, to, note, file, pointer: isObject(target) ? `${at}/to` : at });
          });
        }
        map.claims.push({
          id,
          sourceId,
          summary: str(entry.summary) ?? '',
          quotes: strings(entry.quote),
          quoteGiven: entry.quote !== undefined,
          quotePointers: Array.isArray(entry.quote)
            ? entry.quote.flatMap((q, i) => (typeof q === 'string' ? [`${pointer}/quote/${i}`] : []))
            : [`${pointer}/quote`],
          locator: str(entry.locator),
          tags: strings(entry.tags),
          evidence: strings(entry.evidence),
          relations,
          note: str(entry.note),
          file,
          pointer,
        });
      });
    }
    if (Array.isArray(data.evidence)) {
      data.evidence.forEach((entry, index) => {
        const id = isObject(entry) ? str(entry.id) : undefined;
        if (!isObject(entry) || !id) return;
        map.evidence.push({
          id,
          kind: str(entry.kind) ?? 'other',
          title: str(entry.title) ?? id,
          publisher: str(entry.publisher),
          date: dateOf(entry.date),
          url: str(entry.url),
          note: str(entry.note),
          file,
          pointer: `/evidence/${index}`,
        });
      });
    }
  }
  return map;
}
