import { ANSWERING_KINDS, type Source } from '../model.js';
import { claims, sourceOf, type DebateGraph, type Response } from './build.js';

export type ResponseStatus = 'answered' | 'challenged' | 'unanswered';

export interface ClaimStatus {
  status: ResponseStatus;
  /** Responses from claims of other sources that answer it (rebut, undermine, undercut, concede). */
  answers: Response[];
  /** Claims of other sources that question it. */
  questions: Response[];
}

/**
 * A claim is answered when a claim of another source rebuts, undermines, undercuts or
 * concedes it; challenged when it is only questioned; unanswered otherwise. Support is
 * never a response, and a source cannot answer itself. With `by`, only responses from
 * sources it accepts count ("which points did the Commission never answer?").
 */
export function claimStatus(graph: DebateGraph, claimId: string, by?: (source: Source) => boolean): ClaimStatus {
  const answers: Response[] = [];
  const questions: Response[] = [];
  // The callback hands over both ends' attributes: no lookups per edge on large maps.
  graph.forEachInEdge(claimId, (_edge, attributes, from, _to, fromAttributes, toAttributes) => {
    if (attributes.type !== 'relation' || fromAttributes.type !== 'claim' || toAttributes.type !== 'claim') return;
    if (fromAttributes.claim.sourceId === toAttributes.claim.sourceId) return;
    if (by) {
      const source = sourceOf(graph, fromAttributes.claim.sourceId);
      if (!source || !by(source)) return;
    }
    const response: Response = { from, kind: attributes.kind, ...(attributes.note ? { note: attributes.note } : {}) };
    if (ANSWERING_KINDS.has(attributes.kind)) answers.push(response);
    else if (attributes.kind === 'questions') questions.push(response);
  });
  const status: ResponseStatus = answers.length > 0 ? 'answered' : questions.length > 0 ? 'challenged' : 'unanswered';
  return { status, answers, questions };
}

/** Each claim's response status alone, for the renderers: computed once, handed to them. */
export function responseStatusMap(graph: DebateGraph): Map<string, ResponseStatus> {
  const statuses = new Map<string, ResponseStatus>();
  for (const claim of claims(graph)) statuses.set(claim.id, claimStatus(graph, claim.id).status);
  return statuses;
}

export function responseStatuses(graph: DebateGraph): Map<string, ClaimStatus> {
  const statuses = new Map<string, ClaimStatus>();
  for (const claim of claims(graph)) statuses.set(claim.id, claimStatus(graph, claim.id));
  return statuses;
}
