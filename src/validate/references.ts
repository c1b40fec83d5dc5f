import type { Finding } from '../diagnostics.js';
import { ANSWERING_KINDS, ATTACK_KINDS, type Claim, type DebateMap, type Evidence, type Source } from '../model.js';
import { compareDates, isRealDate } from '../dates.js';
import { suggestion } from '../suggest.js';

type Entity = Source | Claim | Evidence;
type EntityKind = Entity['type'];
type EntityOf<K extends EntityKind> = Extract<Entity, { type: K }>;

const ATTACKS = new Set(['rebuts', 'undermines', 'undercuts']);

/**
 * Checks that need the whole map: unique ids, references that resolve to the right kind
 * of thing, relations that make sense. `recoveredIds` are ids of files that failed to
 * parse: references to them are not reported, so one syntax error does not cascade.
 */
export function checkReferences(map: DebateMap, recoveredIds: ReadonlySet<string> = new Set()): Finding[] {
  const findings: Finding[] = [];
  const entries = new Map<string, Entity>();
  const register = (entity: Entity): void => {
    const first = entries.get(entity.id);
    if (first) {
      findings.push({
        code: 'duplicate-id',
        message: `duplicate id '${entity.id}': already used by the ${first.type} in ${first.file} (${first.pointer.slice(1)}); ids are unique across the map`,
        file: entity.file,
        pointer: `${entity.pointer}/id`,
      });
    } else {
      entries.set(entity.id, entity);
    }
  };
  for (const s of map.sources) register(s);
  for (const c of map.claims) register(c);
  for (const e of map.evidence) register(e);

  const idsOf = (kind: EntityKind): string[] => [...entries].filter(([, e]) => e.type === kind).map(([id]) => id);
  const candidates = new Map<EntityKind, string[]>();
  const namesOf = (kind: EntityKind): string[] => {
    let list = candidates.get(kind);
    if (!list) candidates.set(kind, (list = idsOf(kind)));
    return list;
  };

  /** The entity `id` names when it is of `kind`; otherwise reports why not. */
  const resolve = <K extends EntityKind>(id: string, kind: K, file: string, pointerOf: string | (() => string), role: string): EntityOf<K> | undefined => {
    const entry = entries.get(id);
    if (entry?.type === kind) return entry as EntityOf<K>;
    const pointer = typeof pointerOf === 'string' ? pointerOf : pointerOf();
    if (entry) {
      findings.push({
        code: 'relation-target-kind',
        message: `${role} '${id}' is a ${entry.type}, not a ${kind}${kindAdvice(entry.type, kind)}`,
        file,
        pointer,
      });
    } else if (!recoveredIds.has(id)) {
      findings.push({
        code: 'dangling-reference',
        message: `no ${kind} '${id}'${suggestion(id, namesOf(kind))}`,
        file,
        pointer,
      });
    }
    return undefined;
  };
  const sourceById = (id: string): Source | undefined => {
    const entry = entries.get(id);
    return entry?.type === 'source' ? entry : undefined;
  };

  for (const source of map.sources) {
    if (source.reportedBy !== undefined) {
      const at = `${source.pointer}/reported_by`;
      if (source.reportedBy === source.id) {
        findings.push({ code: 'self-relation', message: `source '${source.id}' cannot be reported by itself`, file: source.file, pointer: at });
      } else {
        resolve(source.reportedBy, 'source', source.file, at, 'reported_by');
      }
      if (source.text !== undefined) {
        findings.push({
          code: 'reported-source-with-text',
          message: `source '${source.id}' has both 'text' and 'reported_by': a source known through another document is quoted from that document's text; remove one`,
          file: source.file,
          pointer: `${source.pointer}/text`,
        });
      }
    }
    source.answers.forEach((target, i) => {
      const at = `${source.pointer}/answers/${i}`;
      if (target === source.id) {
        findings.push({ code: 'self-relation', message: `source '${source.id}' cannot answer itself`, file: source.file, pointer: at });
      } else {
        resolve(target, 'source', source.file, at, 'answers');
      }
    });
  }

  for (const claim of map.claims) {
    if (claim.reportedBy !== undefined) {
      const at = `${claim.pointer}/reported_by`;
      const own = sourceById(claim.sourceId);
      if (claim.reportedBy === claim.sourceId) {
        findings.push({ code: 'self-relation', message: `claim '${claim.id}' cannot be reported by its own source`, file: claim.file, pointer: at });
      } else if (resolve(claim.reportedBy, 'source', claim.file, at, 'reported_by') && own?.text !== undefined) {
        findings.push({
          code: 'reported-source-with-text',
          message: `claim '${claim.id}' has 'reported_by' but its source '${claim.sourceId}' has a text of its own; quote that text, or remove the source's 'text'`,
          file: claim.file,
          pointer: at,
        });
      }
    }
    for (let i = 0; i < claim.evidence.length; i++) {
      resolve(claim.evidence[i]!, 'evidence', claim.file, () => `${claim.pointer}/evidence/${i}`, 'evidence');
    }
    if (claim.relations.length === 0) continue;
    // Only a claim with several relations can repeat or contradict one.
    const kindsByTarget = claim.relations.length > 1 ? new Map<string, string[]>() : undefined;
    for (const relation of claim.relations) {
      if (relation.to === claim.id) {
        // A claim that attacks itself is self-defeating (it can never stand): frameworks read
        // from other formats have them, so it is a warning. Supporting itself says nothing.
        const attack = ATTACK_KINDS.has(relation.kind);
        findings.push({
          code: attack ? 'self-attack' : 'self-relation',
          message: attack
            ? `claim '${claim.id}' ${relation.kind} itself, so it can never stand; keep it only if the claim defeats itself`
            : `claim '${claim.id}' ${relation.kind} itself; a relation connects two different claims`,
          file: relation.file,
          pointer: relation.pointer,
        });
        continue;
      }
      const target = resolve(relation.to, 'claim', relation.file, relation.pointer, relation.kind);
      if (!target) continue;
      const kinds = kindsByTarget?.get(relation.to) ?? [];
      if (kinds.includes(relation.kind)) {
        findings.push({
          code: 'duplicate-value',
          message: `claim '${claim.id}' ${relation.kind} '${relation.to}' twice; list each target once`,
          file: relation.file,
          pointer: relation.pointer,
        });
      } else if (
        (relation.kind === 'supports' && kinds.some((k) => ATTACKS.has(k))) ||
        (ATTACKS.has(relation.kind) && kinds.includes('supports'))
      ) {
        findings.push({
          code: 'conflicting-relations',
          message: `claim '${claim.id}' both supports and attacks '${relation.to}'; split it into two claims, or use 'concedes' with a note for a qualified agreement`,
          file: relation.file,
          pointer: relation.pointer,
        });
      }
      if (kindsByTarget) {
        kinds.push(relation.kind);
        kindsByTarget.set(relation.to, kinds);
      }

      if (relation.kind !== 'supports' && target.sourceId === claim.sourceId) {
        findings.push({
          code: 'same-source-response',
          message: `claim '${claim.id}' ${relation.kind} '${relation.to}', a claim of the same source '${claim.sourceId}'; a response comes from another source (map a quoted opponent as its own source with reported_by)`,
          file: relation.file,
          pointer: relation.pointer,
        });
      }
      const from = sourceById(claim.sourceId);
      const to = sourceById(target.sourceId);
      if (ANSWERING_KINDS.has(relation.kind) || relation.kind === 'questions') {
        // An invalid date is reported once, where it is written; it is compared with nothing.
        if (from?.date && to?.date && isRealDate(from.date) && isRealDate(to.date) && compareDates(from.date, to.date) < 0) {
          findings.push({
            code: 'response-predates-target',
            message: `'${claim.id}' (${from.date}) ${relation.kind} '${relation.to}' (${to.date}), which came later; check the dates or the direction of the relation`,
            file: relation.file,
            pointer: relation.pointer,
          });
        }
      }
    }
  }
  return findings;
}

function kindAdvice(actual: EntityKind, expected: EntityKind): string {
  if (expected === 'claim' && actual === 'source') return `; relations connect claims: point at one of its claims, or use the source's 'answers'`;
  if (expected === 'claim' && actual === 'evidence') return `; cite evidence under the claim's 'evidence' key`;
  if (expected === 'evidence' && actual === 'claim') return `; to lean on another claim, use 'supports'`;
  return '';
}
