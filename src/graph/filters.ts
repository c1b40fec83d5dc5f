import type { Claim, ClaimType, Source } from '../model.js';

/** Which claims a listing shows: each filter given narrows it (values of one filter are alternatives). */
export interface ClaimFilters {
  /** Source ids; a claim must belong to one of them. */
  sources?: readonly string[];
  /** Case-insensitive substrings of an author, signatory or short name of the claim's source. */
  authors?: readonly string[];
  /** Tags; a claim must carry one of them. */
  tags?: readonly string[];
  /** Claim types; a claim must be of one of them. */
  types?: readonly ClaimType[];
  /** Case-insensitive substrings of whom the claim's source is addressed to. */
  addressedTo?: readonly string[];
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
  if (filters.types?.length && !filters.types.includes(claim.claimType)) return false;
  if (filters.addressedTo?.length && !addressedTo(source, filters.addressedTo)) return false;
  return true;
}

/** Whether the source is addressed to any of `needles` (any case, part of a name or an id). */
export function addressedTo(source: Source, needles: readonly string[]): boolean {
  const names = source.addressedTo.map((n) => n.toLowerCase());
  return needles.some((needle) => names.some((name) => name.includes(needle.toLowerCase())));
}

/**
 * The sources an addressee stands for: a source id names that source; a name ('European
 * Commission', 'Council of the EU') every source with an author, signatory or short name
 * containing it, any case.
 */
export function addresseeSources(addressee: string, all: readonly Source[]): Source[] {
  const byId = all.filter((s) => s.id === addressee);
  return byId.length > 0 ? byId : all.filter((s) => sourceNamed(s, [addressee]));
}
