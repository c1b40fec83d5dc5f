import { LABEL_NAMES, shortAuthor, shownDate } from '../render/labels.js';
import type { Source } from '../model.js';
import { externalLink, html, join, type SafeHtml } from './html.js';
import type { Link, PageClaim, PageModel } from './page-model.js';

/** Element ids: claims and sources of a map have ids of [a-z0-9.-], which stay valid in a fragment. */
export const claimAnchor = (id: string): string => `c-${id}`;
export const sourceAnchor = (id: string): string => `s-${id}`;

/**
 * The response status and grounded label in words; the signs before them (✓ ? ✗, ● ○ ◐) come
 * from the style sheet, so colour is never the only signal and each badge is one element.
 */
export function statusBadge(claim: PageClaim): SafeHtml {
  return html`<span class="badge st-${claim.status}">${claim.status}</span>`;
}

export function labelBadge(claim: PageClaim): SafeHtml {
  return html`<span class="badge lb-${claim.label}">${LABEL_NAMES[claim.label]}</span>`;
}

export function sourceName(source: Source): string {
  return shortAuthor(source, 60);
}

/** Links along the claim's relations, one element each: "rebuts ec-reply-2022.last-resort". */
function relationList(model: PageModel, label: string, links: readonly Link[], className: string): SafeHtml {
  if (links.length === 0) return html``;
  const items = links.map((l) => html` <a href="#${claimAnchor(l.id)}" class="k-${l.kind}${model.byId.has(l.id) ? '' : ' missing'}">${l.kind} ${l.id}</a>`);
  return html`<p class="rels ${className}"><span class="rels-label">${label}:</span>${join(items)}</p>`;
}

/**
 * One claim's block in the tree: relation to its parent, summary, source and date, status
 * and label, the quote to expand, evidence, and links both ways along its relations.
 */
export function claimBody(model: PageModel, page: PageClaim, relation: { kind: string; note?: string } | undefined): SafeHtml {
  const { claim } = page;
  const source = model.sources[page.sourceIndex]!.source;
  const quotes = claim.quotes.length
    ? html`<details class="quote"><summary>Quote${claim.quotes.length > 1 ? ` (${claim.quotes.length} passages)` : ''}</summary>${join(claim.quotes.map((q) => html`<blockquote>${q}</blockquote>`))}${claim.locator ? html`<p class="locator">${claim.locator}</p>` : ''}</details>`
    : html``;
  const evidence = page.evidence.length
    ? html`<p class="rels evidence"><span class="rels-label">Evidence:</span>${join(page.evidence.map((e) => html` ${e.url ? externalLink(e.url, e.title) : e.title}${e.publisher || e.date ? ` (${[e.publisher, e.date].filter(Boolean).join(', ')})` : ''}`), ';')}</p>`
    : html``;
  return html`<div class="row">${relation ? html`<span class="kind k-${relation.kind}">${relation.kind}</span> ` : ''}<span class="summary">${claim.summary}</span>${
    claim.claimType !== 'assertion' ? html` <span class="badge ctype">${claim.claimType}</span>` : ''
  }<div class="meta"><a href="#${sourceAnchor(source.id)}" class="src">${sourceName(source)}</a> <span class="date">${shownDate(source)}</span> ${statusBadge(page)} ${labelBadge(page)} <a href="#${claimAnchor(claim.id)}" class="cid">${claim.id}</a></div>${
    relation?.note ? html`<p class="relnote">${relation.note}</p>` : ''
  }${quotes}${evidence}${relationList(model, 'Responds to', page.relatesTo, 'out')}${relationList(model, 'Responses', page.relatedBy, 'in')}${
    claim.note ? html`<p class="note">${claim.note}</p>` : ''
  }</div>`;
}
