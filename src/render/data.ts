/** JSON shapes of the read-only commands (documented in docs/format.md). */
import type { Claim, Source } from '../model.js';
import { claimOf, type DebateGraph } from '../graph/build.js';
import type { Label } from '../graph/acceptability.js';
import { rowCounts, type ClaimRow } from '../graph/claim-rows.js';
import type { CoverageRow } from '../graph/coverage.js';
import type { Answer, Explanation } from '../graph/explain.js';
import type { MapStats } from '../graph/stats.js';
import { claimStatus, type ResponseStatus } from '../graph/status.js';
import { ROW_CYCLE, ROW_SHOWN_ABOVE, treeRows, type TreeLayout, type TreeRows, type TreeSection } from '../graph/tree.js';
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

/** A node of the tree as JSON has these fields, `children` last (documented in docs/format.md). */
function treeNodeData(graph: DebateGraph, rows: TreeRows, row: number, labels?: ReadonlyMap<string, Label>, statuses?: ReadonlyMap<string, ResponseStatus>): Record<string, unknown> {
  const claimId = rows.claimIds[row]!;
  const relation = rows.relations[row];
  const data: Record<string, unknown> = { id: claimId, relation: relation?.kind ?? null };
  if (relation?.note) data.note = relation.note;
  const flags = rows.flags[row]!;
  if (flags & (ROW_CYCLE | ROW_SHOWN_ABOVE)) {
    data.reference = flags & ROW_CYCLE ? 'cycle' : 'shown-above';
    return data;
  }
  const claim = rows.claims[row] ?? claimOf(graph, claimId);
  data.source = claim?.sourceId ?? null;
  data.summary = claim?.summary ?? '';
  data.status = statuses?.get(claimId) ?? claimStatus(graph, claimId).status;
  if (labels) data.label = labels.get(claimId) ?? null;
  data.hidden = rows.hidden[row];
  return data;
}

/**
 * The tree as JSON, row by row: the text of JSON.stringify(tree, null, 2), made as the rows come,
 * at any depth, with no tree of objects built first. Each node is stringified alone and indented
 * to its depth; its `children` list stays open until the rows below it are written.
 */
export function* treeJsonChunks(graph: DebateGraph, layout: TreeLayout, labels?: ReadonlyMap<string, Label>, statuses?: ReadonlyMap<string, ResponseStatus>, chunkSize = OUTPUT_CHUNK_CHARS): Generator<string> {
  const { rows, sections } = layout;
  const indents: string[] = [];
  const indent = (level: number): string => (indents[level] ??= ' '.repeat(2 * level));
  let out = '{\n  "version": 1,\n  "sections": [';
  for (let i = 0; i < sections.length; i++) {
    const { source, roots } = sections[i]!;
    out += `${i > 0 ? ',' : ''}\n    {\n      "source": ${nestedJson(sourceData(source), 3).trimStart()},\n      "roots": [`;
    for (let j = 0; j < roots.length; j++) {
      const root = roots[j]!;
      const base = rows.depths[root]!;
      /** The rows whose `children` list is open, and whether each has had a child yet. */
      const open: boolean[] = [];
      const close = (depth: number): void => {
        while (open.length > depth) {
          const level = 4 + 2 * (open.length - 1);
          out += open.pop() ? `\n${indent(level + 1)}]\n${indent(level)}}` : `]\n${indent(level)}}`;
        }
      };
      for (let row = root, end = rows.end(root); row < end; row++) {
        const depth = rows.depths[row]! - base;
        close(depth);
        // A comma before every node but the first of its list.
        const first = depth > 0 ? !open[depth - 1] : j === 0;
        if (depth > 0) open[depth - 1] = true;
        const level = 4 + 2 * depth;
        const text = JSON.stringify(treeNodeData(graph, rows, row, labels, statuses), null, 2).replaceAll('\n', `\n${indent(level)}`);
        out += `${first ? '' : ','}\n${indent(level)}`;
        if (rows.flags[row]! & (ROW_CYCLE | ROW_SHOWN_ABOVE)) out += text;
        else {
          // Every field but the last brace, then the list of responses, left open.
          out += `${text.slice(0, text.lastIndexOf('\n'))},\n${indent(level + 1)}"children": [`;
          open.push(false);
        }
        if (out.length >= chunkSize) {
          yield out;
          out = '';
        }
      }
      close(0);
    }
    out += roots.length > 0 ? '\n      ]\n    }' : ']\n    }';
  }
  yield out + (sections.length > 0 ? '\n  ]\n}\n' : ']\n}\n');
}

export function treeJson(graph: DebateGraph, sections: readonly TreeSection[], labels?: ReadonlyMap<string, Label>, statuses?: ReadonlyMap<string, ResponseStatus>): string {
  return [...treeJsonChunks(graph, treeRows(sections), labels, statuses)].join('');
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
