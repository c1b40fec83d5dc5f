import { distance } from 'fastest-levenshtein';

/** The candidate closest to `input`, if it is close enough to be a likely typo. */
export function didYouMean(input: string, candidates: Iterable<string>): string | undefined {
  const limit = Math.max(1, Math.floor(input.length / 3));
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const d = distance(input.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance || (d === bestDistance && best !== undefined && candidate < best)) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best !== undefined && bestDistance <= limit ? best : undefined;
}

export function suggestion(input: string, candidates: Iterable<string>): string {
  const best = didYouMean(input, candidates);
  return best ? ` (did you mean '${best}'?)` : '';
}

/**
 * Up to `count` candidates closest to `input`: those sharing its longest part (the text after
 * the last '.', or all of it) first, then by edit distance. For ids mistyped on the command line.
 */
export function closestIds(input: string, candidates: readonly string[], count = 3): string[] {
  const needle = input.toLowerCase();
  const tail = needle.slice(needle.lastIndexOf('.') + 1);
  return candidates
    .map((candidate) => {
      const lower = candidate.toLowerCase();
      const shares = tail.length >= 3 && lower.includes(tail) ? 0 : 1;
      return { candidate, shares, d: distance(needle, lower) };
    })
    .sort((a, b) => a.shares - b.shares || a.d - b.d || (a.candidate < b.candidate ? -1 : 1))
    .slice(0, count)
    .filter((x) => x.shares === 0 || x.d <= Math.max(3, Math.floor(needle.length / 3)))
    .map((x) => x.candidate);
}
