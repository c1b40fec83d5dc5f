import { ANSWERING_KINDS } from '../model.js';
import { claimOf, claims, incomingRelations, type DebateGraph, type Response } from './build.js';

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
 * never a response, and a source cannot answer itself.
 */
export function claimStatus(graph: DebateGraph, claimId: string): ClaimStatus {
  const target = claimOf(graph, claimId);
  const answers: Response[] = [];
  const questions: Response[] = [];
  for (const response of incomingRelations(graph, claimId)) {
    const from = claimOf(graph, response.from);
    if (!from || !target || from.sourceId === target.sourceId) continue;
    if (ANSWERING_KINDS.has(response.kind)) answers.push(response);
    else if (response.kind === 'questions') questions.push(response);
  }
  const status: ResponseStatus = answers.length > 0 ? 'answered' : questions.length > 0 ? 'challenged' : 'unanswered';
  return { status, answers, questions };
}

export function responseStatuses(graph: DebateGraph): Map<string, ClaimStatus> {
  const statuses = new Map<string, ClaimStatus>();
  for (const claim of claims(graph)) statuses.set(claim.id, claimStatus(graph, claim.id));
  return statuses;
}
