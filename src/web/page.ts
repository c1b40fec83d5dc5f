import { createHash } from 'node:crypto';
import { LABELS } from '../graph/acceptability.js';
import { LABEL_NAMES, plural, shownDate } from '../render/labels.js';
import { claimAnchor, sourceName, statusBadge } from './claim-html.js';
import { html, join, jsonForScript, SafeHtml } from './html.js';
import type { PageModel } from './page-model.js';
import { sourcesHtml, timelineSvg } from './sources-html.js';
import { treeHtml } from './tree-html.js';

/** The page's own script and style sheet, inlined so the file needs nothing else. */
export interface PageAssets {
  script: string;
  style: string;
}

export interface PageOptions {
  title: string;
  version: string;
  /** Leave the script out: the page as a browser without JavaScript shows it (a baseline for the benchmark). */
  script?: boolean;
}

/** How many claims the side panel lists as unanswered; the response filter shows them all. */
export const UNANSWERED_LISTED = 1000;

const STATUS_CODES = { answered: 0, challenged: 1, unanswered: 2 } as const;
const LABEL_CODES = { in: 0, out: 1, undecided: 2 } as const;

const sha256 = (text: string): string => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/**
 * The policy that keeps the page inert and offline: nothing may be fetched, and only the
 * page's own script and style run (by hash), so even markup that slipped through could do nothing.
 */
function contentSecurityPolicy(assets: PageAssets, withScript: boolean): string {
  return [
    "default-src 'none'",
    withScript ? `script-src ${sha256(assets.script)}` : "script-src 'none'",
    `style-src ${sha256(assets.style)}`,
    'img-src data:',
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

/** What the script filters on, one compact row per claim (the text it searches is read from the page). */
function clientData(model: PageModel): unknown {
  const tagIndex = new Map(model.tags.map((t, i) => [t, i]));
  return {
    version: 1,
    sources: model.sources.map(({ source }) => ({
      id: source.id,
      name: sourceName(source),
      who: [source.shortName ?? '', ...source.authors, ...source.signatories].join('\n').toLowerCase(),
    })),
    tags: model.tags,
    claims: model.claims.map((c) => [c.sourceIndex, STATUS_CODES[c.status], LABEL_CODES[c.label], c.claim.tags.map((t) => tagIndex.get(t)!)]),
  };
}

function counts(model: PageModel): SafeHtml {
  const status = { answered: 0, challenged: 0, unanswered: 0 };
  const label = { in: 0, out: 0, undecided: 0 };
  for (const c of model.claims) {
    status[c.status]++;
    label[c.label]++;
  }
  return html`${plural(model.claims.length, 'claim')}: ${status.answered} answered, ${status.challenged} challenged, ${status.unanswered} unanswered; ${label.in} stand, ${label.out} defeated, ${label.undecided} undecided`;
}

function filters(model: PageModel): SafeHtml {
  const option = (value: string | number, label: string): SafeHtml => html`<option value="${value}">${label}</option>`;
  return html`<form id="filters" role="search" aria-label="Filter the claims" hidden>
<label for="q">Search summaries and quotes</label><input type="search" id="q" name="q" autocomplete="off">
<label for="f-source">Source</label><select id="f-source" name="source"><option value="">All sources</option>${join(model.sources.map((s) => option(s.source.id, `${sourceName(s.source)}, ${shownDate(s.source)}`)))}</select>
<label for="f-author">Author or signatory</label><input id="f-author" name="author" list="authors" autocomplete="off"><datalist id="authors">${join(model.authors.map((a) => html`<option value="${a}"></option>`))}</datalist>
<label for="f-tag">Tag</label><select id="f-tag" name="tag"><option value="">All tags</option>${join(model.tags.map((t, i) => option(i, t)))}</select>
<label for="f-status">Response</label><select id="f-status" name="status"><option value="">Any response status</option>${join(Object.keys(STATUS_CODES).map((s) => option(s, s)))}</select>
<label for="f-label">Grounded label</label><select id="f-label" name="label"><option value="">Any label</option>${join(LABELS.map((l) => option(l, LABEL_NAMES[l])))}</select>
<button type="reset">Clear filters</button>
</form>`;
}

function unansweredList(model: PageModel): SafeHtml {
  const listed = model.claims.filter((c) => c.status !== 'answered');
  const shown = listed.slice(0, UNANSWERED_LISTED);
  const more = listed.length - shown.length;
  return html`<section id="unanswered" aria-labelledby="unanswered-h"><h2 id="unanswered-h">Unanswered claims <span class="muted">(${listed.length})</span></h2>
<p class="muted">Claims no other source rebutted, undermined, undercut or conceded; questioned ones are marked challenged.</p>
<ol class="unanswered">${join(
    shown.map((c) => html`<li data-i="${c.index}"><a href="#${claimAnchor(c.claim.id)}">${c.claim.summary}</a> <span class="muted">${sourceName(model.sources[c.sourceIndex]!.source)}</span>${c.status === 'challenged' ? html` ${statusBadge(c)}` : ''}</li>`),
  )}</ol>${more > 0 ? html`<p class="muted">And ${more} more: choose “unanswered” under Response to see them all in the tree.</p>` : ''}</section>`;
}

/**
 * The map as one self-contained HTML page, in chunks: the tree, sources and timeline are
 * plain HTML (readable without JavaScript, printable); the inlined script adds filters,
 * search, collapsing and keyboard navigation. Nothing is loaded from anywhere.
 */
export function* pageChunks(model: PageModel, assets: PageAssets, options: PageOptions): Generator<string> {
  const withScript = options.script ?? true;
  const relations = model.claims.reduce((n, c) => n + c.relatesTo.length, 0);
  yield html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(assets, withScript)}">
<meta name="referrer" content="no-referrer">
<meta name="generator" content="riposte ${options.version}">
<title>${options.title}</title>
<link rel="icon" href="data:,">
<style>${new SafeHtml(assets.style)}</style>
</head>
<body>
<a class="skip" href="#debate">Skip to the debate</a>
<header class="top"><h1>${options.title}</h1>
<p class="muted">${plural(model.sources.length, 'source')} · ${plural(model.claims.length, 'claim')} · ${plural(relations, 'relation')}</p>
<nav aria-label="Sections"><a href="#debate">Debate</a> <a href="#sources">Sources</a> <a href="#timeline">Timeline</a> <a href="#unanswered">Unanswered</a></nav></header>
<div class="layout">
<aside class="panel" aria-label="Filters and unanswered claims">
${filters(model)}
<p id="counts" class="counts" aria-live="polite">${counts(model)}</p>
${unansweredList(model)}
</aside>
<main>
<section id="debate" aria-labelledby="debate-h"><h2 id="debate-h">The debate</h2>
<div class="toolbar" hidden><button type="button" id="expand-all">Expand all</button> <button type="button" id="collapse-all">Collapse all</button></div>
`.value;
  yield* treeHtml(model);
  yield '\n</section>\n<section id="sources" aria-labelledby="sources-h"><h2 id="sources-h">Sources</h2>\n';
  yield* sourcesHtml(model);
  yield html`</section>
<section id="timeline" aria-labelledby="timeline-h"><h2 id="timeline-h">Timeline</h2>
${timelineSvg(model)}
</section>
</main>
</div>
<footer class="muted">Made with riposte ${options.version}. Response statuses and grounded labels are computed from the relations the map records.</footer>
`.value;
  if (withScript) {
    yield `<script type="application/json" id="riposte-data">${jsonForScript(clientData(model))}</script>\n`;
    yield `<script>${assets.script}</script>\n`;
  }
  yield '</body>\n</html>\n';
}

