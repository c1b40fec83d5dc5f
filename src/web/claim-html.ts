import { LABEL_NAMES, shortAuthor, shownDate } from '../render/labels.js';
import type { Source } from '../model.js';
import { externalLink, html, join, type SafeHtml } from './html.js';
import type { Link, PageClaim, PageModel } from './page-model.js';

/** Element ids: claims and sources of a map have ids of [a-z0-9.-], which stay valid in a fragment. */
export const claimAnchor = (id: string): string => `c-${id}`;
export const sourceAnchor = (id: string): string => `s-${id}`;

const STATUS_SIGN = { answered: '✓', challenged: '?', unanswered: '✗' } as const;
const LABEL_SIGN = { in: '●', out: '○', undecided: '◐' } as const;

/** The response status in words with a sign: colour is never the only signal. */
export function statusBadge(claim: PageClaim): SafeHtml {
  return html`<span class="badge status st-${claim.status}" title="Response status"><span aria-hidden="true">${STATUS_SIGN[claim.status]}</span> ${claim.status}</span>`;
}

export function labelBadge(claim: PageClaim): SafeHtml {
  return html`<span class="badge label lb-${claim.label}" title="Grounded label: whether the claim stands given every attack in the map"><span aria-hidden="true">${LABEL_SIGN[claim.label]}</span> ${LABEL_NAMES[claim.label]}</span>`;
}

export function sourceName(source: Source): string {
  return shortAuthor(source, 60);
}

export function claimLink(model: PageModel, id: string): SafeHtml {
  return html`<a href="#${claimAnchor(id)}" class="claim-link${model.byId.has(id) ? '' : ' missing'}">${id}</a>`;
}

function relationList(model: PageModel, label: string, links: readonly Link[], className: string): SafeHtml {
  if (links.length === 0) return html``;
  const items = links.map((l) => html`<li><span class="kind k-${l.kind}">${l.kind}</span> ${claimLink(model, l.id)}</li>`);
  return html`<div class="rels ${className}"><span class="rels-label">${label}</span><ul>${join(items)}</ul></div>`;
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
    ? html`<div class="rels evidence"><span class="rels-label">Evidence</span><ul>${join(page.evidence.map((e) => html`<li>${e.url ? externalLink(e.url, e.title) : e.title}${e.publisher ? html` <span class="muted">(${e.publisher}${e.date ? `, ${e.date}` : ''})</span>` : ''}</li>`))}</ul></div>`
    : html``;
  return html`<div class="row">${relation ? html`<span class="kind k-${relation.kind}">${relation.kind}</span> ` : ''}<span class="summary">${claim.summary}</span>${
    claim.claimType !== 'assertion' ? html` <span class="badge ctype">${claim.claimType}</span>` : ''
  }<div class="meta"><a href="#${sourceAnchor(source.id)}" class="src">${sourceName(source)}</a> <span class="date">${shownDate(source)}</span> ${statusBadge(page)} ${labelBadge(page)} <a href="#${claimAnchor(claim.id)}" class="cid" title="Link to this claim">${claim.id}</a></div>${
    relation?.note ? html`<p class="relnote">${relation.note}</p>` : ''
  }${quotes}${evidence}${relationList(model, 'Responds to', page.relatesTo, 'out')}${relationList(model, 'Responses', page.relatedBy, 'in')}${
    claim.note ? html`<p class="note">${claim.note}</p>` : ''
  }</div>`;
}
