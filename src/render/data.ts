/** JSON shapes of the read-only commands (documented in docs/format.md). */
import type { Claim, Source } from '../model.js';
import { claimOf, type DebateGraph } from '../graph/build.js';
import type { Label } from '../graph/acceptability.js';
import { rowCounts, type ClaimRow } from '../graph/claim-rows.js';
import type { CoverageRow } from '../graph/coverage.js';
import type { Answer, Explanation } from '../graph/explain.js';
import type { MapStats } from '../graph/stats.js';
import { claimStatus, type ResponseStatus } from '../graph/status.js';
import type { TreeNode, TreeSection } from '../graph/tree.js';
import type { UnansweredGroup } from '../graph/unanswered.js';
import { OUTPUT_CHUNK_CHARS } from './chunks.js';
import { prettyJsonChunks } from './json.js';

const stringify = (value: unknown): string => JSON.stringify(value, null, 2) + '\n';

function sourceData(source: Source) {
  return {
    id: source.id,
    kind: source.kind,
    title: source.title,
    authors: source.authors,
    date: source.date ?? null,
    dateInferred: source.dateInferred ?? null,
    reportedBy: source.reportedBy ?? null,
    file: source.file,
  };
}

function claimData(claim: Claim) {
  return {
    id: claim.id,
    source: claim.sourceId,
    summary: claim.summary,
    quotes: claim.quotes,
    tags: claim.tags,
    file: claim.file,
    pointer: claim.pointer,
  };
}

/** Built field by field (a spread costs more than the rest of the object on a large report). */
function unansweredClaimData({ claim, status, label }: UnansweredGroup['claims'][number]) {
  const data: ReturnType<typeof claimData> & { status?: ResponseStatus; label?: Label } = claimData(claim);
  data.status = status;
  if (label) data.label = label;
  return data;
}

/**
 * JSON.stringify(value, null, 2) as it reads `levels` deep in a larger document, indentation
 * included: the value is wrapped in that many lists and their lines dropped, which costs far
 * less than indenting the text again, line by line.
 */
function nestedJson(value: unknown, levels: number): string {
  let wrapped = value;
  for (let i = 0; i < levels; i++) wrapped = [wrapped];
  const text = JSON.stringify(wrapped, null, 2);
  let start = 0;
  let end = text.length;
  for (let i = 0; i < levels; i++) {
    start = text.indexOf('\n', start) + 1;
    end = text.lastIndexOf('\n', end - 1);
  }
  return text.slice(start, end);
}

/**
 * The unanswered report as JSON, in chunks of about `chunkSize` characters: the same text as
 * one JSON.stringify(report, null, 2). Each claim is stringified alone, which is about three
 * times faster than one call over a source of thousands of claims (V8 grows one huge string),
 * and no whole report is held in memory twice.
 */
export function* unansweredJsonChunks(groups: readonly UnansweredGroup[], chunkSize = OUTPUT_CHUNK_CHARS): Generator<string> {
  const total = groups.reduce((n, g) => n + g.claims.length, 0);
  let buffer = `{\n  "version": 1,\n  "total": ${total},\n  "groups": [`;
  for (let i = 0; i < groups.length; i++) {
    const { source, claims } = groups[i]!;
    buffer += `${i > 0 ? ',' : ''}\n    {\n      "source": ${nestedJson(sourceData(source), 3).trimStart()},\n      "claims": [`;
    for (let j = 0; j < claims.length; j++) {
      buffer += (j > 0 ? ',\n' : '\n') + nestedJson(unansweredClaimData(claims[j]!), 4);
      if (buffer.length >= chunkSize) {
        yield buffer;
        buffer = '';
      }
    }
    buffer += claims.length > 0 ? '\n      ]\n    }' : ']\n    }';
  }
  yield buffer + (groups.length > 0 ? '\n  ]\n}\n' : ']\n}\n');
}

export function unansweredJson(groups: readonly UnansweredGroup[]): string {
  return [...unansweredJsonChunks(groups)].join('');
}

/** The tree as data: built with an explicit stack, so a chain of any depth fits. */
function treeData(graph: DebateGraph, root: TreeNode, labels?: ReadonlyMap<string, Label>, statuses?: ReadonlyMap<string, ResponseStatus>): Record<string, unknown> {
  const make = (n: TreeNode): Record<string, unknown> => {
    const claim = claimOf(graph, n.claimId);
    return {
      id: n.claimId,
      relation: n.relation?.kind ?? null,
      ...(n.relation?.note ? { note: n.relation.note } : {}),
      ...(n.reference
        ? { reference: n.reference }
        : {
            source: claim?.sourceId ?? null,
            summary: claim?.summary ?? '',
            status: statuses?.get(n.claimId) ?? claimStatus(graph, n.claimId).status,
            ...(labels ? { label: labels.get(n.claimId) ?? null } : {}),
            hidden: n.hidden,
            children: [],
          }),
    };
  };
  const data = make(root);
  const stack: [TreeNode, Record<string, unknown>][] = [[root, data]];
  while (stack.length > 0) {
    const [node, made] = stack.pop()!;
    for (const child of node.children) {
      const childData = make(child);
      (made.children as unknown[]).push(childData);
      stack.push([child, childData]);
    }
  }
  return data;
}

/** The tree as JSON, in chunks: the text of JSON.stringify(tree, null, 2), at any depth. */
/** The tree as JSON, in pieces; `statuses` and `labels` are the analysis, computed once by the caller. */
export function* treeJsonChunks(graph: DebateGraph, sections: readonly TreeSection[], labels?: ReadonlyMap<string, Label>, statuses?: ReadonlyMap<string, ResponseStatus>): Generator<string> {
  const data = { version: 1, sections: sections.map((s) => ({ source: sourceData(s.source), roots: s.roots.map((root) => treeData(graph, root, labels, statuses)) })) };
  yield* prettyJsonChunks(data);
  yield '\n';
}

export function treeJson(graph: DebateGraph, sections: readonly TreeSection[], labels?: ReadonlyMap<string, Label>, statuses?: ReadonlyMap<string, ResponseStatus>): string {
  return [...treeJsonChunks(graph, sections, labels, statuses)].join('');
}

export function statsJson(stats: MapStats): string {
  return stringify({ version: 1, ...stats });
}

/** `riposte status --format json`: the rows and their counts. */
export function statusJson(rows: readonly ClaimRow[]): string {
  const { labels, status } = rowCounts(rows);
  return stringify({
    version: 1,
    total: rows.length,
    counts: { labels, status },
    claims: rows.map((r) => ({ ...claimData(r.claim), date: r.source.date ?? null, status: r.status, label: r.label })),
  });
}

/** `riposte explain --format json`: the label, its explanation tree, and who answered the claim. */
export function* explanationJsonChunks(graph: DebateGraph, explanation: Explanation): Generator<string> {
  const answer = (a: Answer) => ({ from: a.from, kind: a.kind, source: a.source?.id ?? null, date: a.source?.date ?? null });
  const claim = claimOf(graph, explanation.tree.claimId);
  yield* prettyJsonChunks({
    version: 1,
    claim: claim ? claimData(claim) : { id: explanation.tree.claimId },
    label: explanation.tree.label,
    status: explanation.status,
    explanation: explanation.tree,
    answers: explanation.answers.map(answer),
    questions: explanation.questions.map(answer),
  });
  yield '\n';
}

/** `riposte coverage --format json`: who answered whom, with counts and delays. */
export function coverageJson(rows: readonly CoverageRow[]): string {
  return stringify({
    version: 1,
    sources: rows.map((row) => ({
      source: sourceData(row.source),
      addressedTo: row.addressedTo,
      addressees: row.addressees.map((s) => s.id),
      claims: row.claims,
      answeredByAddressees: row.answeredByAddressees,
      answeredByAnyone: row.answeredByAnyone,
      responders: row.responders.map((r) => ({ source: r.source.id, date: r.source.date ?? null, claims: r.claims, answersDocument: r.answersDocument, addressee: r.addressee, delay: r.delay ?? null })),
    })),
  });
}
