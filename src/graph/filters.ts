import type { Claim, Source } from '../model.js';

/** Which claims a listing shows: each filter given narrows it (values of one filter are alternatives). */
export interface ClaimFilters {
  /** Source ids; a claim must belong to one of them. */
  sources?: readonly string[];
  /** Case-insensitive substrings of an author, signatory or short name of the claim's source. */
  authors?: readonly string[];
  /** Tags; a claim must carry one of them. */
  tags?: readonly string[];
}

/** Whether any of `needles` (any case) occurs in a name of the source: authors, signatories, short name. */
export function sourceNamed(source: Source, needles: readonly string[]): boolean {
  const names = [...source.authors, ...source.signatories, ...(source.shortName ? [source.shortName] : [])].map((n) => n.toLowerCase());
  return needles.some((needle) => names.some((name) => name.includes(needle.toLowerCase())));
}

export function claimMatches(claim: Claim, source: Source, filters: ClaimFilters): boolean {
  if (filters.sources?.length && !filters.sources.includes(source.id)) return false;
  if (filters.authors?.length && !sourceNamed(source, filters.authors)) return false;
  if (filters.tags?.length && !filters.tags.some((tag) => claim.tags.includes(tag))) return false;
  return true;
}
