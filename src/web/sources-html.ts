import { plural, shownDate } from '../render/labels.js';
import { claimAnchor, sourceAnchor, sourceName, statusBadge } from './claim-html.js';
import { externalLink, html, join, type SafeHtml } from './html.js';
import type { PageModel, PageSource, SourceLink } from './page-model.js';

function sourceLinks(links: readonly SourceLink[]): SafeHtml {
  return join(
    links.map((l) => {
      const what = [l.claims > 0 ? plural(l.claims, 'claim') : '', l.wholeDocument ? 'the document as a whole' : ''].filter(Boolean).join(' and ');
      return html`<li><a href="#${sourceAnchor(l.source.id)}">${sourceName(l.source)}</a> <span class="muted">${shownDate(l.source)}: ${what}</span></li>`;
    }),
  );
}

/** Addressees as the map gives them: a source id becomes a link to that source. */
function addressees(names: readonly string[], byId: ReadonlyMap<string, PageSource>): SafeHtml | undefined {
  if (names.length === 0) return undefined;
  return join(
    names.map((name) => {
      const target = byId.get(name);
      return target ? html`<a href="#${sourceAnchor(name)}">${sourceName(target.source)}</a>` : html`${name}`;
    }),
    '; ',
  );
}

function field(label: string, value: SafeHtml | string | undefined): SafeHtml {
  return value === undefined || value === '' ? html`` : html`<dt>${label}</dt><dd>${value}</dd>`;
}

function sourceArticle(page: PageSource, index: number, byId: ReadonlyMap<string, PageSource>): SafeHtml {
  const { source } = page;
  const counts = { answered: 0, challenged: 0, unanswered: 0 };
  for (const claim of page.claims) counts[claim.status]++;
  const reporter = source.reportedBy ? byId.get(source.reportedBy) : undefined;
  const signatories = source.signatories.length
    ? html`<details><summary>${plural(source.signatories.length, 'signatory', 'signatories')}</summary><p>${source.signatories.join('; ')}</p></details>`
    : undefined;
  return html`<article class="source" id="${sourceAnchor(source.id)}" data-s="${index}">
<h3>${source.title}</h3>
<dl>${field('By', source.authors.join('; '))}${field('Date', source.dateInferred ? html`${shownDate(source)} <span class="muted">(inferred: ${source.dateInferred})</span>` : shownDate(source))}${field('Kind', source.kind)}${field('Addressed to', addressees(source.addressedTo, byId))}${field('Reported by', reporter ? html`<a href="#${sourceAnchor(reporter.source.id)}">${sourceName(reporter.source)}</a>` : source.reportedBy)}${field('Signatories', signatories)}${field(
    'Online',
    source.url ? externalLink(source.url) : undefined,
  )}${field('Note', source.note)}<dt>Id</dt><dd><code>${source.id}</code></dd></dl>
<div class="answers"><h4>Answers</h4>${page.answers.length ? html`<ul>${sourceLinks(page.answers)}</ul>` : html`<p class="muted">No other source of the map.</p>`}
<h4>Answered by</h4>${page.answeredBy.length ? html`<ul>${sourceLinks(page.answeredBy)}</ul>` : html`<p class="muted">No source of the map.</p>`}</div>
<details class="source-claims"><summary>${plural(page.claims.length, 'claim')}: ${counts.answered} answered, ${counts.challenged} challenged, ${counts.unanswered} unanswered</summary><ol>${join(
    page.claims.map((c) => html`<li><a href="#${claimAnchor(c.claim.id)}">${c.claim.summary}</a> ${statusBadge(c)}</li>`),
  )}</ol></details>
</article>`;
}

/** Each document of the map: who wrote it and when, whom it answers, who answered it, its claims. */
export function* sourcesHtml(model: PageModel): Generator<string> {
  const byId = new Map(model.sources.map((s) => [s.source.id, s]));
  for (let i = 0; i < model.sources.length; i++) yield sourceArticle(model.sources[i]!, i, byId).value + '\n';
}

const ROW = 30;
const DOT_X_MIN = 40;

/**
 * The debate over time as an arc diagram: sources down the page in debate order, an arrow
 * from each source to every source it answered, thicker for more claims answered.
 */
export function timelineSvg(model: PageModel): SafeHtml {
  const n = model.sources.length;
  if (n === 0) return html`<p class="muted">No sources.</p>`;
  const index = new Map(model.sources.map((s, i) => [s.source.id, i]));
  const arcs: { from: number; to: number; link: SourceLink; responder: PageSource }[] = [];
  for (const responder of model.sources) {
    for (const link of responder.answers) arcs.push({ from: index.get(responder.source.id)!, to: index.get(link.source.id)!, link, responder });
  }
  const bulge = (span: number): number => Math.min(16 + 14 * span, 220);
  const dotX = arcs.reduce((x, a) => Math.max(x, bulge(Math.abs(a.from - a.to)) + 12), DOT_X_MIN);
  const y = (i: number): number => 20 + i * ROW;
  const height = y(n - 1) + 20;
  const width = dotX + 560;
  let year = '';
  const rows = model.sources.map((page, i) => {
    const date = shownDate(page.source);
    const thisYear = page.source.date?.slice(0, 4) ?? 'undated';
    const rule = thisYear !== year ? html`<line class="year" x1="0" x2="${width}" y1="${y(i) - ROW / 2}" y2="${y(i) - ROW / 2}"/>` : html``;
    year = thisYear;
    return html`${rule}<a href="#${sourceAnchor(page.source.id)}"><circle cx="${dotX}" cy="${y(i)}" r="6" class="dot"/><text x="${dotX + 14}" y="${y(i) + 5}"><tspan class="tl-date">${date}</tspan> ${sourceName(page.source)}</text></a>`;
  });
  const paths = arcs.map(({ from, to, link, responder }) => {
    const w = bulge(Math.abs(from - to));
    const stroke = 1.5 + Math.min(4, Math.log2(1 + link.claims));
    const what = [link.claims > 0 ? plural(link.claims, 'claim') : '', link.wholeDocument ? 'the document as a whole' : ''].filter(Boolean).join(' and ');
    return html`<path d="M ${dotX - 7} ${y(from)} C ${dotX - w} ${y(from)}, ${dotX - w} ${y(to)}, ${dotX - 9} ${y(to)}" stroke-width="${stroke.toFixed(1)}" class="arc" marker-end="url(#arrow)"><title>${sourceName(responder.source)} answered ${sourceName(link.source)}: ${what}</title></path>`;
  });
  return html`<svg class="timeline" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="timeline-title timeline-desc">
<title id="timeline-title">Timeline of the debate</title><desc id="timeline-desc">Sources in the order of the debate, earliest first; an arrow runs from each source to each source it answered. The same links are listed under each source below.</desc>
<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerUnits="userSpaceOnUse" markerWidth="9" markerHeight="9" orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" class="arrowhead"/></marker></defs>
<line x1="${dotX}" x2="${dotX}" y1="${y(0)}" y2="${y(n - 1)}" class="spine"/>${join(paths)}${join(rows)}</svg>`;
}
