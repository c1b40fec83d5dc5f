import { groundedLabelling, type Label } from '../graph/acceptability.js';
import { claimsBySource, type DebateGraph } from '../graph/build.js';
import { debateOrder } from '../graph/order.js';
import { claimStatus, type ResponseStatus } from '../graph/status.js';
import { debateTree, type TreeSection } from '../graph/tree.js';
import { ANSWERING_KINDS, type Claim, type DebateMap, type Evidence, type RelationKind, type Source } from '../model.js';

export interface Link {
  /** The claim at the other end of the relation. */
  id: string;
  kind: RelationKind;
}

export interface PageClaim {
  claim: Claim;
  /** Position in the page's claim table: the client script's handle on it. */
  index: number;
  sourceIndex: number;
  status: ResponseStatus;
  label: Label;
  /** Claims this claim relates to, and claims that relate to it. */
  relatesTo: Link[];
  relatedBy: Link[];
  evidence: Evidence[];
}

export interface SourceLink {
  source: Source;
  /** Claims answered (rebutted, undermined, undercut, conceded or questioned) across the two sources. */
  claims: number;
  /** Whether the answering source says it answers the other as a whole (`answers`). */
  wholeDocument: boolean;
}

export interface PageSource {
  source: Source;
  claims: PageClaim[];
  /** Sources whose claims this one answered, and sources that answered its claims. */
  answers: SourceLink[];
  answeredBy: SourceLink[];
}

export interface PageModel {
  /** Sources in debate order. */
  sources: PageSource[];
  /** Every claim, in debate order of their sources and file order within each. */
  claims: PageClaim[];
  byId: Map<string, PageClaim>;
  tree: TreeSection[];
  tags: string[];
  authors: string[];
}

/** Relations that count as one source answering another: every answer, and questions. */
const isResponse = (kind: RelationKind): boolean => ANSWERING_KINDS.has(kind) || kind === 'questions';

/**
 * What the web page shows, computed once from the graph: the tree in debate order, each
 * claim with its response status, grounded label and relations both ways, and each source
 * with who it answered and who answered it.
 */
export function pageModel(map: DebateMap, graph: DebateGraph): PageModel {
  const order = debateOrder(graph);
  const sourceIndex = new Map(order.map((s, i) => [s.id, i]));
  const { labels } = groundedLabelling(graph);
  const evidence = new Map(map.evidence.map((e) => [e.id, e]));
  const bySource = claimsBySource(graph);

  const claims: PageClaim[] = [];
  const byId = new Map<string, PageClaim>();
  for (const source of order) {
    for (const claim of bySource.get(source.id) ?? []) {
      const page: PageClaim = {
        claim,
        index: claims.length,
        sourceIndex: sourceIndex.get(source.id)!,
        status: claimStatus(graph, claim.id).status,
        label: labels.get(claim.id) ?? 'undecided',
        relatesTo: [],
        relatedBy: [],
        evidence: claim.evidence.map((id) => evidence.get(id)).filter((e): e is Evidence => e !== undefined),
      };
      claims.push(page);
      byId.set(claim.id, page);
    }
  }

  // Claim relations both ways, and who answered whom at the level of documents.
  const answered = new Map<string, Map<string, number>>();
  graph.forEachEdge((_edge, attributes, from, to, fromAttributes, toAttributes) => {
    if (attributes.type !== 'relation' || fromAttributes.type !== 'claim' || toAttributes.type !== 'claim') return;
    byId.get(from)?.relatesTo.push({ id: to, kind: attributes.kind });
    byId.get(to)?.relatedBy.push({ id: from, kind: attributes.kind });
    const [responder, target] = [fromAttributes.claim.sourceId, toAttributes.claim.sourceId];
    if (responder === target || !isResponse(attributes.kind)) return;
    const counts = answered.get(responder) ?? new Map<string, number>();
    counts.set(target, (counts.get(target) ?? 0) + 1);
    answered.set(responder, counts);
  });

  const sources: PageSource[] = order.map((source) => ({ source, claims: [], answers: [], answeredBy: [] }));
  const pageSource = new Map(sources.map((s) => [s.source.id, s]));
  for (const claim of claims) sources[claim.sourceIndex]!.claims.push(claim);
  for (const responder of sources) {
    const counts = answered.get(responder.source.id) ?? new Map<string, number>();
    const targets = new Set([...counts.keys(), ...responder.source.answers.filter((id) => id !== responder.source.id && pageSource.has(id))]);
    for (const id of [...targets].sort((a, b) => sourceIndex.get(a)! - sourceIndex.get(b)!)) {
      const target = pageSource.get(id)!;
      const link = { claims: counts.get(id) ?? 0, wholeDocument: responder.source.answers.includes(id) };
      responder.answers.push({ source: target.source, ...link });
      target.answeredBy.push({ source: responder.source, ...link });
    }
  }
  for (const source of sources) source.answeredBy.sort((a, b) => sourceIndex.get(a.source.id)! - sourceIndex.get(b.source.id)!);

  const collator = new Intl.Collator('en');
  const tags = [...new Set(claims.flatMap((c) => c.claim.tags))].sort(collator.compare);
  const authors = [...new Set(order.flatMap((s) => [...s.authors, ...s.signatories]))].sort(collator.compare);
  return { sources, claims, byId, tree: debateTree(graph), tags, authors };
}
