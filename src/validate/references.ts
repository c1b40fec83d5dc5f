import type { Finding } from '../diagnostics.js';
import { ANSWERING_KINDS, type DebateMap } from '../model.js';
import { compareDates } from './dates.js';
import { suggestion } from './suggest.js';

type EntityKind = 'source' | 'claim' | 'evidence';

interface Entry {
  kind: EntityKind;
  file: string;
  pointer: string;
}

const ATTACKS = new Set(['rebuts', 'undermines', 'undercuts']);

/**
 * Checks that need the whole map: unique ids, references that resolve to the right kind
 * of thing, relations that make sense. `recoveredIds` are ids of files that failed to
 * parse: references to them are not reported, so one syntax error does not cascade.
 */
export function checkReferences(map: DebateMap, recoveredIds: ReadonlySet<string> = new Set()): Finding[] {
  const findings: Finding[] = [];
  const entries = new Map<string, Entry>();
  const register = (id: string, kind: EntityKind, file: string, pointer: string): void => {
    const first = entries.get(id);
    if (first) {
      findings.push({
        code: 'duplicate-id',
        severity: 'error',
        message: `duplicate id '${id}': already used by the ${first.kind} in ${first.file} (${first.pointer.slice(1)}); ids are unique across the map`,
        file,
        pointer: `${pointer}/id`,
      });
    } else {
      entries.set(id, { kind, file, pointer });
    }
  };
  for (const s of map.sources) register(s.id, 'source', s.file, s.pointer);
  for (const c of map.claims) register(c.id, 'claim', c.file, c.pointer);
  for (const e of map.evidence) register(e.id, 'evidence', e.file, e.pointer);

  const idsOf = (kind: EntityKind): string[] => [...entries].filter(([, e]) => e.kind === kind).map(([id]) => id);
  const candidates = new Map<EntityKind, string[]>();
  const namesOf = (kind: EntityKind): string[] => {
    let list = candidates.get(kind);
    if (!list) candidates.set(kind, (list = idsOf(kind)));
    return list;
  };

  /** True when `id` names an entity of `kind`; otherwise reports why not. */
  const resolve = (id: string, kind: EntityKind, file: string, pointer: string, role: string): boolean => {
    const entry = entries.get(id);
    if (entry?.kind === kind) return true;
    if (entry) {
      findings.push({
        code: 'relation-target-kind',
        severity: 'error',
        message: `${role} '${id}' is a ${entry.kind}, not a ${kind}${kindAdvice(entry.kind, kind)}`,
        file,
        pointer,
      });
    } else if (!recoveredIds.has(id)) {
      findings.push({
        code: 'dangling-reference',
        severity: 'error',
        message: `no ${kind} '${id}'${suggestion(id, namesOf(kind))}`,
        file,
        pointer,
      });
    }
    return false;
  };

  const sourcesById = new Map(map.sources.map((s) => [s.id, s]));
  const claimsById = new Map(map.claims.map((c) => [c.id, c]));

  for (const source of map.sources) {
    if (source.reportedBy !== undefined) {
      const at = `${source.pointer}/reported_by`;
      if (source.reportedBy === source.id) {
        findings.push({ code: 'self-relation', severity: 'error', message: `source '${source.id}' cannot be reported by itself`, file: source.file, pointer: at });
      } else {
        resolve(source.reportedBy, 'source', source.file, at, 'reported_by');
      }
      if (source.text !== undefined) {
        findings.push({
          code: 'reported-source-with-text',
          severity: 'error',
          message: `source '${source.id}' has both 'text' and 'reported_by': a source known through another document is quoted from that document's text; remove one`,
          file: source.file,
          pointer: `${source.pointer}/text`,
        });
      }
    }
    source.answers.forEach((target, i) => {
      const at = `${source.pointer}/answers/${i}`;
      if (target === source.id) {
        findings.push({ code: 'self-relation', severity: 'error', message: `source '${source.id}' cannot answer itself`, file: source.file, pointer: at });
      } else {
        resolve(target, 'source', source.file, at, 'answers');
      }
    });
  }

  for (const claim of map.claims) {
    claim.evidence.forEach((id, i) => resolve(id, 'evidence', claim.file, `${claim.pointer}/evidence/${i}`, 'evidence'));
    const kindsByTarget = new Map<string, string[]>();
    for (const relation of claim.relations) {
      if (relation.to === claim.id) {
        findings.push({
          code: 'self-relation',
          severity: 'error',
          message: `claim '${claim.id}' ${relation.kind} itself; a relation connects two different claims`,
          file: relation.file,
          pointer: relation.pointer,
        });
        continue;
      }
      if (!resolve(relation.to, 'claim', relation.file, relation.pointer, relation.kind)) continue;
      const kinds = kindsByTarget.get(relation.to) ?? [];
      if (kinds.includes(relation.kind)) {
        findings.push({
          code: 'duplicate-value',
          severity: 'error',
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
          severity: 'error',
          message: `claim '${claim.id}' both supports and attacks '${relation.to}'; split it into two claims, or use 'concedes' with a note for a qualified agreement`,
          file: relation.file,
          pointer: relation.pointer,
        });
      }
      kinds.push(relation.kind);
      kindsByTarget.set(relation.to, kinds);

      const target = claimsById.get(relation.to)!;
      if (relation.kind !== 'supports' && target.sourceId === claim.sourceId) {
        findings.push({
          code: 'same-source-response',
          severity: 'warning',
          message: `claim '${claim.id}' ${relation.kind} '${relation.to}', a claim of the same source '${claim.sourceId}'; a response comes from another source (map a quoted opponent as its own source with reported_by)`,
          file: relation.file,
          pointer: relation.pointer,
        });
      }
      const from = sourcesById.get(claim.sourceId);
      const to = sourcesById.get(target.sourceId);
      if (ANSWERING_KINDS.has(relation.kind) || relation.kind === 'questions') {
        if (from?.date && to?.date && compareDates(from.date, to.date) < 0) {
          findings.push({
            code: 'response-predates-target',
            severity: 'warning',
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
