import type { ClaimRef, MapDiff } from './compare.js';

/** What `--fail-on` can refuse in a change, for CI. */
export const DIFF_GATES = ['newly-unanswered', 'removed', 'label-changed', 'broken-quote', 'any'] as const;
export type DiffGate = (typeof DIFF_GATES)[number];

/**
 * The gates a diff fails, with how many findings each. With `sources`, only claims of those
 * sources count ("no claim of the 2022 letter may lose its answer").
 */
export function failedGates(diff: MapDiff, gates: readonly DiffGate[], sources: readonly string[] = []): { gate: DiffGate; count: number }[] {
  const mine = (claim: ClaimRef): boolean => sources.length === 0 || sources.includes(claim.source);
  const count = (gate: DiffGate): number => {
    switch (gate) {
      case 'newly-unanswered':
        return diff.consequences.becameUnanswered.filter(mine).length;
      case 'removed':
        return diff.claims.removed.filter(mine).length + (sources.length === 0 ? diff.sources.removed.length : diff.sources.removed.filter((s) => sources.includes(s.id)).length);
      case 'label-changed':
        return diff.consequences.labels.filter(mine).length;
      case 'broken-quote':
        return diff.consequences.quotesBroken.filter(mine).length;
      case 'any': {
        const { sources: s, claims: c, relations: r } = diff;
        return s.added.length + s.removed.length + s.changed.length + c.added.length + c.removed.length + c.renamed.length + c.changed.length + r.added.length + r.removed.length + r.changedKind.length;
      }
    }
  };
  return gates.map((gate) => ({ gate, count: count(gate) })).filter((g) => g.count > 0);
}
