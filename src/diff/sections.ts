import type { FieldChange, MapDiff } from './compare.js';

/** A piece of a line: an id or keyword (shown as code), or prose from the map (untrusted text). */
export type Part = { code: string } | { text: string };

export interface Line {
  /** + added, - removed, ~ changed, ✓ became answered, ✗ became unanswered, ! a problem. */
  sign: '+' | '-' | '~' | '✓' | '✗' | '!';
  parts: Part[];
}

export interface Section {
  title: string;
  /** What the title counts: lines, or for changes, the claims or sources changed. */
  count: number;
  /** Consequences for the debate come first and are what a reviewer must not miss. */
  kind: 'consequence' | 'change';
  lines: Line[];
}

const code = (value: string): Part => ({ code: value });
const text = (value: string): Part => ({ text: value });

/** A field's value in a line: lists joined, long values shortened (the JSON output has them whole). */
function value(v: unknown): string {
  const shown = v === null || v === undefined ? '(none)' : Array.isArray(v) ? (v.length ? v.join('; ') : '(none)') : String(v);
  return shown.length > 160 ? `${shown.slice(0, 159)}…` : shown;
}

function changeParts(change: FieldChange): Part[] {
  return [code(change.field), text(`: ${value(change.before)} → ${value(change.after)}`)];
}

/** The diff as titled sections of lines, the same for every output format. */
export function diffSections(diff: MapDiff): Section[] {
  const { sources, claims, relations, consequences: c } = diff;
  const sections: Omit<Section, 'count'>[] = [
    { title: 'Claims that lost their answers', kind: 'consequence', lines: c.becameUnanswered.map((s) => ({ sign: '✗', parts: [code(s.id), text(' '), code(`${s.before} → ${s.after}`), text(`: ${s.summary}`)] })) },
    { title: 'Claims now answered', kind: 'consequence', lines: c.becameAnswered.map((s) => ({ sign: '✓', parts: [code(s.id), text(' '), code(`${s.before} → ${s.after}`), text(`: ${s.summary}`)] })) },
    { title: 'Other changes of response status', kind: 'consequence', lines: c.otherStatus.map((s) => ({ sign: '~', parts: [code(s.id), text(' '), code(`${s.before} → ${s.after}`), text(`: ${s.summary}`)] })) },
    { title: 'Grounded labels changed', kind: 'consequence', lines: c.labels.map((l) => ({ sign: '~', parts: [code(l.id), text(' '), code(`${l.before} → ${l.after}`), text(`: ${l.summary}`)] })) },
    { title: 'Quotes that no longer check against their texts', kind: 'consequence', lines: c.quotesBroken.map((q) => ({ sign: '!', parts: [code(q.id), text(` ${q.message}`)] })) },
    { title: 'Quotes that check again', kind: 'consequence', lines: c.quotesFixed.map((q) => ({ sign: '✓', parts: [code(q.id), text(` ${q.summary}`)] })) },
    { title: 'Evidence added', kind: 'consequence', lines: c.evidenceAdded.map((e) => ({ sign: '+', parts: [code(e.claim), text(' cites '), code(e.evidence)] })) },
    { title: 'Evidence dropped', kind: 'consequence', lines: c.evidenceDropped.map((e) => ({ sign: '-', parts: [code(e.claim), text(' no longer cites '), code(e.evidence)] })) },
    { title: 'Claims added', kind: 'change', lines: claims.added.map((x) => ({ sign: '+', parts: [code(x.id), text(` ${x.summary}`)] })) },
    { title: 'Claims removed', kind: 'change', lines: claims.removed.map((x) => ({ sign: '-', parts: [code(x.id), text(` ${x.summary}`)] })) },
    { title: 'Claims renamed', kind: 'change', lines: claims.renamed.map((r) => ({ sign: '~', parts: [code(`${r.from} → ${r.to}`), text(` ${r.summary}`)] })) },
    { title: 'Claims changed', kind: 'change', lines: claims.changed.flatMap((x) => x.changes.map((change): Line => ({ sign: '~', parts: [code(x.id), text(' '), ...changeParts(change)] }))) },
    { title: 'Relations added', kind: 'change', lines: relations.added.map((r) => ({ sign: '+', parts: [code(`${r.from} ${r.kind} ${r.to}`)] })) },
    { title: 'Relations removed', kind: 'change', lines: relations.removed.map((r) => ({ sign: '-', parts: [code(`${r.from} ${r.kind} ${r.to}`)] })) },
    { title: 'Relations changed in kind', kind: 'change', lines: relations.changedKind.map((r) => ({ sign: '~', parts: [code(`${r.from} ${r.before} → ${r.after} ${r.to}`)] })) },
    { title: 'Sources added', kind: 'change', lines: sources.added.map((s) => ({ sign: '+', parts: [code(s.id), text(` ${s.title}`)] })) },
    { title: 'Sources removed', kind: 'change', lines: sources.removed.map((s) => ({ sign: '-', parts: [code(s.id), text(` ${s.title}`)] })) },
    { title: 'Sources changed', kind: 'change', lines: sources.changed.flatMap((x) => x.changes.map((change): Line => ({ sign: '~', parts: [code(x.id), text(' '), ...changeParts(change)] }))) },
  ];
  return sections.filter((s) => s.lines.length > 0).map((s) => ({ ...s, count: s.title === 'Claims changed' ? claims.changed.length : s.title === 'Sources changed' ? sources.changed.length : s.lines.length }));
}

/** One sentence: what changed, then what it does to the debate. */
export function diffSummary(diff: MapDiff): string {
  const { sources, claims, relations, consequences: c } = diff;
  const counted = (items: [number, string][]): string =>
    items
      .filter(([n]) => n > 0)
      .map(([n, what]) => `${n} ${what}`)
      .join(', ');
  const changes = [
    counted([
      [claims.added.length, 'added'],
      [claims.removed.length, 'removed'],
      [claims.renamed.length, 'renamed'],
      [claims.changed.length, 'changed'],
    ]),
    counted([
      [relations.added.length, 'added'],
      [relations.removed.length, 'removed'],
      [relations.changedKind.length, 'changed in kind'],
    ]),
    counted([
      [sources.added.length, 'added'],
      [sources.removed.length, 'removed'],
      [sources.changed.length, 'changed'],
    ]),
  ];
  const parts = [changes[0] && `claims: ${changes[0]}`, changes[1] && `relations: ${changes[1]}`, changes[2] && `sources: ${changes[2]}`].filter(Boolean);
  if (parts.length === 0) return 'No change to the map.';
  const effects = counted([
    [c.becameUnanswered.length, c.becameUnanswered.length === 1 ? 'claim lost its answers' : 'claims lost their answers'],
    [c.becameAnswered.length, c.becameAnswered.length === 1 ? 'claim now answered' : 'claims now answered'],
    [c.labels.length, c.labels.length === 1 ? 'label changed' : 'labels changed'],
    [c.quotesBroken.length, c.quotesBroken.length === 1 ? 'quote no longer checks' : 'quotes no longer check'],
  ]);
  return `${parts.join('; ')}.${effects ? ` ${effects[0]!.toUpperCase()}${effects.slice(1)}.` : ' No claim changed its status or label.'}`;
}
