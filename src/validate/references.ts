import { finding, type Finding } from '../diagnostics.js';
import { ANSWERING_KINDS, ATTACK_KINDS, type Claim, type DebateMap, type Evidence, type Source } from '../model.js';
import { compareDates, isRealDate } from '../dates.js';
import { didYouMean } from '../suggest.js';

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
      const args = { id: entity.id, firstType: first.type, firstFile: first.file, firstPointer: first.pointer };
      findings.push(finding('duplicate-id', args, { file: entity.file, pointer: `${entity.pointer}/id` }));
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
      findings.push(finding('relation-target-kind', { role, id, actual: entry.type, expected: kind }, { file, pointer }));
    } else if (!recoveredIds.has(id)) {
      const suggested = didYouMean(id, namesOf(kind));
      findings.push(finding('dangling-reference', { kind, id, ...(suggested ? { suggested } : {}) }, { file, pointer }));
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
        findings.push(finding('self-relation', { why: 'reported-by-itself', source: source.id }, { file: source.file, pointer: at }));
      } else {
        resolve(source.reportedBy, 'source', source.file, at, 'reported_by');
      }
      if (source.text !== undefined) {
        findings.push(finding('reported-source-with-text', { why: 'source', source: source.id }, { file: source.file, pointer: `${source.pointer}/text` }));
      }
    }
    source.answers.forEach((target, i) => {
      const at = `${source.pointer}/answers/${i}`;
      if (target === source.id) {
        findings.push(finding('self-relation', { why: 'answers-itself', source: source.id }, { file: source.file, pointer: at }));
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
        findings.push(finding('self-relation', { why: 'reported-by-own-source', claim: claim.id }, { file: claim.file, pointer: at }));
      } else if (resolve(claim.reportedBy, 'source', claim.file, at, 'reported_by') && own?.text !== undefined) {
        findings.push(finding('reported-source-with-text', { why: 'claim', claim: claim.id, source: claim.sourceId }, { file: claim.file, pointer: at }));
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
        const place = { file: relation.file, pointer: relation.pointer };
        findings.push(
          attack
            ? finding('self-attack', { claim: claim.id, relation: relation.kind }, place)
            : finding('self-relation', { why: 'relation', claim: claim.id, relation: relation.kind }, place),
        );
        continue;
      }
      const target = resolve(relation.to, 'claim', relation.file, relation.pointer, relation.kind);
      if (!target) continue;
      const kinds = kindsByTarget?.get(relation.to) ?? [];
      if (kinds.includes(relation.kind)) {
        findings.push(finding('duplicate-value', { why: 'relation', claim: claim.id, relation: relation.kind, target: relation.to }, { file: relation.file, pointer: relation.pointer }));
      } else if (
        (relation.kind === 'supports' && kinds.some((k) => ATTACKS.has(k))) ||
        (ATTACKS.has(relation.kind) && kinds.includes('supports'))
      ) {
        findings.push(finding('conflicting-relations', { claim: claim.id, target: relation.to }, { file: relation.file, pointer: relation.pointer }));
      }
      if (kindsByTarget) {
        kinds.push(relation.kind);
        kindsByTarget.set(relation.to, kinds);
      }

      if (relation.kind !== 'supports' && target.sourceId === claim.sourceId) {
        const args = { claim: claim.id, relation: relation.kind, target: relation.to, source: claim.sourceId };
        findings.push(finding('same-source-response', args, { file: relation.file, pointer: relation.pointer }));
      }
      const from = sourceById(claim.sourceId);
      const to = sourceById(target.sourceId);
      if (ANSWERING_KINDS.has(relation.kind) || relation.kind === 'questions') {
        // An invalid date is reported once, where it is written; it is compared with nothing.
        if (from?.date && to?.date && isRealDate(from.date) && isRealDate(to.date) && compareDates(from.date, to.date) < 0) {
          const args = { claim: claim.id, claimDate: from.date, relation: relation.kind, target: relation.to, targetDate: to.date };
          findings.push(finding('response-predates-target', args, { file: relation.file, pointer: relation.pointer }));
        }
      }
    }
  }
  return findings;
}
