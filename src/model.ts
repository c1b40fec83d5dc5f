/** The debate map as riposte works with it, built from the files' data. */

export const RELATION_KINDS = ['supports', 'rebuts', 'undermines', 'undercuts', 'concedes', 'questions'] as const;
export type RelationKind = (typeof RELATION_KINDS)[number];

/**
 * Relations that attack their target: it is false, rests on a false premise, or does not
 * follow. Supports, concedes and questions do not attack.
 */
export const ATTACK_KINDS: ReadonlySet<RelationKind> = new Set(['rebuts', 'undermines', 'undercuts']);

/** Relations that answer their target. `questions` challenges; `supports` never answers. */
export const ANSWERING_KINDS: ReadonlySet<RelationKind> = new Set(['rebuts', 'undermines', 'undercuts', 'concedes']);

interface Located {
  /** The map file that defines it, and the JSON pointer of its entry there. */
  file: string;
  pointer: string;
}

export interface Source extends Located {
  type: 'source';
  id: string;
  kind: string;
  title: string;
  authors: string[];
  shortName?: string;
  signatories: string[];
  date?: string;
  dateInferred?: string;
  url?: string;
  text?: string;
  reportedBy?: string;
  answers: string[];
  /** Who the document is addressed to: names as its text gives them, or source ids. */
  addressedTo: string[];
  note?: string;
}

/** What a claim does: asserts (the default), demands an action, or asks. */
export const CLAIM_TYPES = ['assertion', 'demand', 'question'] as const;
export type ClaimType = (typeof CLAIM_TYPES)[number];

export interface Relation extends Located {
  kind: RelationKind;
  from: string;
  to: string;
  note?: string;
}

export interface Claim extends Located {
  type: 'claim';
  id: string;
  /** `type` in the file; assertion when absent. */
  claimType: ClaimType;
  sourceId: string;
  summary: string;
  quotes: string[];
  /** Whether `quote` is written as a list (for the JSON pointer of each quote). */
  quoteIsList: boolean;
  /** Whether the file gives a `quote` at all (a malformed one is the schema's to report). */
  quoteGiven: boolean;
  locator?: string;
  /** The source whose text holds the quotes, when not the claim's own source or its reporter. */
  reportedBy?: string;
  tags: string[];
  evidence: string[];
  relations: Relation[];
  note?: string;
}

export interface Evidence extends Located {
  type: 'evidence';
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
const same = (text: string): string => text;
/**
 * A copy of `text` that shares no memory with the file it was parsed from. V8 makes a long
 * substring a view of the whole string it was cut from, so one id kept from a file keeps all
 * of that file's text alive; flattening a concatenation makes a fresh string.
 */
const detached = (text: string): string => (text.length < 13 ? text : (' ' + text).slice(1));
type Keep = (text: string) => string;
const str = (value: unknown, keep: Keep = same): string | undefined => (typeof value === 'string' ? keep(value) : undefined);
/** Dates may be written as a bare year (`date: 2024`), which YAML reads as a number. */
const dateOf = (value: unknown, keep: Keep = same): string | undefined =>
  typeof value === 'string' ? keep(value) : typeof value === 'number' && Number.isInteger(value) ? String(value) : undefined;
const NONE: string[] = [];
const NO_RELATIONS: Relation[] = [];
/** A string or a list of strings; the parsed list itself is reused when it holds only strings and they are kept as they are. */
const strings = (value: unknown, keep: Keep = same): string[] => {
  if (typeof value === 'string') return [keep(value)];
  if (!Array.isArray(value)) return NONE;
  if (keep === same && value.every((v) => typeof v === 'string')) return value as string[];
  return value.filter((v): v is string => typeof v === 'string').map(keep);
};

/**
 * One string for each JSON pointer of a claim or relation: every file of a large map has a claim
 * 0, 1, 2..., and a string per entry per file cost about 9 MB at 100k claims. The strings kept
 * are bounded, so a library process that reads many maps does not grow.
 */
const pointers = new Map<string, string>();
const POINTERS_KEPT = 1 << 16;
function sharedPointer(pointer: string): string {
  const known = pointers.get(pointer);
  if (known !== undefined) return known;
  if (pointers.size < POINTERS_KEPT) pointers.set(pointer, pointer);
  return pointer;
}

/** The JSON pointer of a claim's i-th quote. */
export function quotePointer(claim: Claim, index: number): string {
  return claim.quoteIsList ? `${claim.pointer}/quote/${index}` : `${claim.pointer}/quote`;
}

/**
 * Build the model from parsed files. Tolerant by design: the schema reports malformed
 * entries; this skips what it cannot use so that map-level checks still run on the rest.
 */
export interface ModelOptions {
  /**
   * Keep each claim's summary (default true). Off, every summary is '' and every string the
   * model keeps is a copy, so nothing in it holds on to a file's text: a large map's text is
   * freed file by file as it is checked (validate needs ids and references, not the debate).
   */
  summaries?: boolean;
}

export function buildModel(files: readonly { file: string; data: unknown }[]): DebateMap {
  const map: DebateMap = { sources: [], claims: [], evidence: [] };
  for (const { file, data } of files) addToModel(map, file, data);
  return map;
}

/** Add one file's data to `map`, so the loader can drop the data as soon as it is read. */
export function addToModel(map: DebateMap, file: string, data: unknown, options: ModelOptions = {}): void {
  const summaries = options.summaries !== false;
  const keep = summaries ? same : detached;
  {
    if (!isObject(data)) return;
    const source = isObject(data.source) ? data.source : undefined;
    const sourceId = str(source?.id, keep);
    if (source && sourceId) {
      map.sources.push({
        type: 'source',
        id: sourceId,
        kind: str(source.kind, keep) ?? 'other',
        title: str(source.title, keep) ?? sourceId,
        authors: strings(source.authors, keep),
        shortName: str(source.short_name, keep),
        signatories: strings(source.signatories, keep),
        date: dateOf(source.date, keep),
        dateInferred: str(source.date_inferred, keep),
        url: str(source.url, keep),
        text: str(source.text, keep),
        reportedBy: str(source.reported_by, keep),
        answers: strings(source.answers, keep),
        addressedTo: strings(source.addressed_to, keep),
        note: str(source.note, keep),
        file,
        pointer: '/source',
      });
    }
    if (Array.isArray(data.claims) && sourceId) {
      const entries = data.claims as unknown[];
      for (let index = 0; index < entries.length; index++) {
        const entry = entries[index];
        const id = isObject(entry) ? str(entry.id, keep) : undefined;
        if (!isObject(entry) || !id) continue;
        const pointer = sharedPointer(`/claims/${index}`);
        let relations: Relation[] = NO_RELATIONS;
        for (const kind of RELATION_KINDS) {
          const value = entry[kind];
          if (value === undefined) continue;
          const targets: unknown[] = Array.isArray(value) ? value : [value];
          for (let i = 0; i < targets.length; i++) {
            const target = targets[i];
            const to = isObject(target) ? str(target.to, keep) : str(target, keep);
            if (!to) continue;
            const at = Array.isArray(value) ? `${pointer}/${kind}/${i}` : `${pointer}/${kind}`;
            const note = isObject(target) ? str(target.note, keep) : undefined;
            if (relations === NO_RELATIONS) relations = [];
            relations.push({ kind, from: id, to, note, file, pointer: sharedPointer(isObject(target) ? `${at}/to` : at) });
          }
        }
        const claimType = str(entry.type, keep);
        map.claims.push({
          type: 'claim',
          id,
          claimType: (CLAIM_TYPES as readonly string[]).includes(claimType ?? '') ? (claimType as ClaimType) : 'assertion',
          sourceId,
          summary: summaries ? (str(entry.summary) ?? '') : '',
          quotes: strings(entry.quote, keep),
          quoteGiven: entry.quote !== undefined,
          quoteIsList: Array.isArray(entry.quote),
          locator: str(entry.locator, keep),
          reportedBy: str(entry.reported_by, keep),
          tags: strings(entry.tags, keep),
          evidence: strings(entry.evidence, keep),
          relations,
          note: str(entry.note, keep),
          file,
          pointer,
        });
      }
    }
    if (Array.isArray(data.evidence)) {
      data.evidence.forEach((entry, index) => {
        const id = isObject(entry) ? str(entry.id, keep) : undefined;
        if (!isObject(entry) || !id) return;
        map.evidence.push({
          type: 'evidence',
          id,
          kind: str(entry.kind, keep) ?? 'other',
          title: str(entry.title, keep) ?? id,
          publisher: str(entry.publisher, keep),
          date: dateOf(entry.date, keep),
          url: str(entry.url, keep),
          note: str(entry.note, keep),
          file,
          pointer: `/evidence/${index}`,
        });
      });
    }
  }
}
