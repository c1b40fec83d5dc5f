import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './browser.js';
import { runBin, seeds, tempDir } from './helpers.js';
import { HOSTILE, hostileMap } from './web-fixtures.js';

/** The shipped map as the page's user sees it, computed by other commands to check the page against. */
interface Row {
  id: string;
  source: string;
  summary: string;
  quotes: string[];
  tags: string[];
  status: string;
  label: string;
}
interface SourceRow {
  id: string;
  authors: string[];
  signatories: string[];
  shortName: string | null;
}

let browser: Browser;
let shipped: string;
let rows: Row[];
let sourceRows: SourceRow[];

beforeAll(async () => {
  browser = await launchBrowser();
  const dir = tempDir();
  const file = path.join(dir, 'map.html');
  expect(runBin(['html', '--texts', seeds, '-o', file]).code).toBe(0);
  shipped = pathToFileURL(file).href;
  rows = JSON.parse(runBin(['status', '--texts', seeds, '--format', 'json']).stdout).claims;
  sourceRows = JSON.parse(runBin(['export', 'json', '--texts', seeds]).stdout).sources;
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

interface Opened {
  page: Page;
  /** Console errors and warnings, uncaught errors, dialogs, and every request but the page itself. */
  problems: string[];
}

async function open(url: string, options: BrowserContextOptions = {}): Promise<Opened> {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`error: ${error.message}`));
  page.on('dialog', (dialog) => {
    problems.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on('request', (request) => {
    if (!(request.isNavigationRequest() && request.frame() === page.mainFrame() && request.url().startsWith('file:'))) problems.push(`request: ${request.url()}`);
  });
  await page.goto(url);
  return { page, problems };
}

/** Ids of the claims shown as matches (not only as context for a match below them). */
const matchedClaims = (page: Page): Promise<string[]> =>
  page.$$eval('#tree li.claim', (items) => items.filter((li) => li.checkVisibility() && !li.classList.contains('context')).map((li) => li.id.slice(2)));

const ids = (list: readonly Row[]): string[] => list.map((r) => r.id).sort();

async function expectShown(page: Page, expected: readonly Row[]): Promise<void> {
  expect((await matchedClaims(page)).sort()).toEqual(ids(expected));
  const total = rows.length;
  await expect.poll(() => page.textContent('#counts')).toContain(expected.length === total ? `${total} claims:` : `Showing ${expected.length} of ${total} claims.`);
}

describe('the page of the shipped map in Chromium', () => {
  it('shows every claim, makes no request and logs no error', async () => {
    const { page, problems } = await open(shipped);
    expect((await matchedClaims(page)).sort()).toEqual(ids(rows));
    expect(await page.locator('#filters').isVisible()).toBe(true);
    expect(await page.locator('#tree[role="tree"] li[role="treeitem"]').count()).toBeGreaterThan(rows.length);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('filters by source, author, tag, response status and label, and counts what it shows', async () => {
    const { page, problems } = await open(shipped);
    const source = 'ec-reply-2022';
    await page.selectOption('#f-source', source);
    await expectShown(page, rows.filter((r) => r.source === source));
    await page.selectOption('#f-source', '');

    const who = (id: string): string => {
      const s = sourceRows.find((x) => x.id === id)!;
      return [s.shortName ?? '', ...s.authors, ...s.signatories].join('\n').toLowerCase();
    };
    await page.fill('#f-author', 'Commission');
    await expectShown(page, rows.filter((r) => who(r.source).includes('commission')));
    await page.fill('#f-author', '');

    const tag = rows.flatMap((r) => r.tags).sort()[0]!;
    await page.selectOption('#f-tag', { label: tag });
    await expectShown(page, rows.filter((r) => r.tags.includes(tag)));
    await page.selectOption('#f-tag', '');

    for (const status of ['answered', 'challenged', 'unanswered']) {
      await page.selectOption('#f-status', status);
      await expectShown(page, rows.filter((r) => r.status === status));
    }
    await page.selectOption('#f-status', '');
    for (const label of ['in', 'out']) {
      await page.selectOption('#f-label', label);
      await expectShown(page, rows.filter((r) => r.label === label));
    }
    // Filters combine, and the unanswered list follows them.
    await page.selectOption('#f-status', 'unanswered');
    const both = rows.filter((r) => r.label === 'out' && r.status === 'unanswered');
    await expectShown(page, both);
    const listed = await page.$$eval('#unanswered li[data-i]', (items) => items.filter((li) => li.checkVisibility()).length);
    expect(listed).toBe(both.length);

    await page.click('#filters button[type="reset"]');
    await expectShown(page, rows);
    await expect.poll(() => page.evaluate(() => location.hash)).toBe('');
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('searches summaries and quotes, ignoring case, and marks each match', async () => {
    const { page, problems } = await open(shipped);
    await page.fill('#q', 'Encryption');
    const expected = rows.filter((r) => [r.summary, ...r.quotes].join('\n').toLowerCase().includes('encryption'));
    expect(expected.length).toBeGreaterThan(5);
    await expectShown(page, expected);
    // Chromium paints matches with the CSS Custom Highlight API: ranges over the text, no new elements.
    const marks = await page.evaluate(() => [...(CSS.highlights.get('riposte-search') ?? [])].map((r) => (r as Range).toString().toLowerCase()));
    expect(marks.length).toBeGreaterThanOrEqual(expected.length);
    expect(new Set(marks)).toEqual(new Set(['encryption']));
    expect(await page.locator('#tree mark').count()).toBe(0);
    // A match in a quote opens it.
    const inQuoteOnly = expected.find((r) => !r.summary.toLowerCase().includes('encryption'));
    if (inQuoteOnly) expect(await page.$eval(`[id="c-${inQuoteOnly.id}"] > .row > details.quote`, (d) => (d as HTMLDetailsElement).open)).toBe(true);
    await page.fill('#q', '');
    expect(await page.evaluate(() => CSS.highlights.has('riposte-search'))).toBe(false);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('collapses and expands with the mouse', async () => {
    const { page } = await open(shipped);
    const parent = page.locator('#tree li.claim[aria-expanded]').first();
    const child = parent.locator(':scope > ul > li').first();
    await expect.poll(() => child.isVisible()).toBe(true);
    await parent.locator(':scope > .row > .twisty').click();
    expect(await parent.getAttribute('aria-expanded')).toBe('false');
    expect(await child.isVisible()).toBe(false);
    await parent.locator(':scope > .row > .twisty').click();
    expect(await child.isVisible()).toBe(true);
    // Collapse all leaves the openings of each source in view, and nothing below them.
    await page.click('#collapse-all');
    expect(await parent.isVisible()).toBe(true);
    expect(await child.isVisible()).toBe(false);
    await page.click('#expand-all');
    expect(await child.isVisible()).toBe(true);
    await page.context().close();
  });

  it('moves through the tree with the keyboard (WAI-ARIA tree pattern)', async () => {
    const { page } = await open(shipped);
    const focused = (): Promise<string> => page.evaluate(() => {
      const li = document.activeElement as HTMLElement;
      return li.id || `group-${li.dataset.s}`;
    });
    const order: string[] = await page.$$eval('#tree li[role="treeitem"]', (items) => items.map((li) => li.id || `group-${(li as HTMLElement).dataset.s}`));
    await page.locator('#tree li[role="treeitem"]').first().focus();
    expect(await focused()).toBe('group-0');
    await page.keyboard.press('ArrowDown');
    expect(await focused()).toBe(order[1]);
    await page.keyboard.press('ArrowDown');
    expect(await focused()).toBe(order[2]);
    await page.keyboard.press('ArrowUp');
    expect(await focused()).toBe(order[1]);
    await page.keyboard.press('ArrowLeft'); // collapse the first claim...
    expect(await page.getAttribute(`[id="${order[1]}"]`, 'aria-expanded')).toBe('false');
    await page.keyboard.press('ArrowDown'); // ...so down skips its responses
    const afterSubtree = await page.evaluate((id) => {
      const items = [...document.querySelectorAll('#tree li[role="treeitem"]')];
      const li = document.getElementById(id)!;
      return items.find((other, i) => i > items.indexOf(li) && !li.contains(other))!.id;
    }, order[1]!);
    expect(await focused()).toBe(afterSubtree);
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowRight'); // expand again
    expect(await page.getAttribute(`[id="${order[1]}"]`, 'aria-expanded')).toBe('true');
    await page.keyboard.press('ArrowRight'); // into the first response
    expect(await focused()).toBe(order[2]);
    await page.keyboard.press('ArrowLeft'); // collapses it...
    expect(await focused()).toBe(order[2]);
    await page.keyboard.press('ArrowLeft'); // ...then goes up to its parent
    expect(await focused()).toBe(order[1]);
    await page.keyboard.press('End');
    expect(await focused()).toBe(order[order.length - 1]);
    await page.keyboard.press('Home');
    expect(await focused()).toBe('group-0');
    // One tab stop for the whole tree.
    expect(await page.locator('#tree li[role="treeitem"][tabindex="0"]').count()).toBe(1);
    await page.context().close();
  });

  it('keeps the state in the URL fragment, and a link to one claim reveals it', async () => {
    const source = rows[rows.length - 1]!.source;
    const expected = rows.filter((r) => r.source === source && r.status === 'unanswered');
    const { page, problems } = await open(`${shipped}#status=unanswered&source=${source}`);
    expect(await page.inputValue('#f-status')).toBe('unanswered');
    await expectShown(page, expected);
    await page.selectOption('#f-status', 'answered');
    expect(await page.evaluate(() => location.hash)).toBe(`#source=${source}&status=answered`);

    // The deepest claim, hidden under a collapsed tree, is opened up and focused by its link.
    await page.click('#filters button[type="reset"]');
    const deepest = await page.$$eval('#tree li.claim', (items) => {
      const depth = (li: Element): number => (li.parentElement?.closest('li') ? 1 + depth(li.parentElement.closest('li')!) : 0);
      return items.reduce((best, li) => (depth(li) > depth(best) ? li : best)).id;
    });
    await page.click('#collapse-all');
    expect(await page.locator(`[id="${deepest}"]`).isVisible()).toBe(false);
    await page.evaluate((id) => {
      location.hash = `#${id}`;
    }, deepest);
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe(deepest);
    expect(await page.locator(`[id="${deepest}"]`).isVisible()).toBe(true);
    expect(await page.locator(`[id="${deepest}"]`).evaluate((li) => li.classList.contains('target'))).toBe(true);

    // A fresh page opened at a claim's link lands on it.
    const fresh = await open(`${shipped}#${deepest}`);
    await expect.poll(() => fresh.page.evaluate(() => document.activeElement?.id)).toBe(deepest);
    expect([...problems, ...fresh.problems]).toEqual([]);
    await page.context().close();
    await fresh.page.context().close();
  });

  it('is readable without JavaScript', async () => {
    const { page } = await open(shipped, { javaScriptEnabled: false });
    expect((await matchedClaims(page)).sort()).toEqual(ids(rows));
    expect(await page.locator('#filters').isVisible()).toBe(false);
    expect(await page.locator('#tree [role]').count()).toBe(0);
    // Quotes still open and close (details/summary).
    const quote = page.locator('#tree details.quote').first();
    await quote.locator('summary').click();
    expect(await quote.locator('blockquote').first().isVisible()).toBe(true);
    await page.context().close();
  });

  it('prints every branch, without the side panel', async () => {
    const { page } = await open(shipped);
    await page.click('#collapse-all');
    const child = page.locator('#tree li.claim[aria-expanded] > ul > li').first();
    expect(await child.isVisible()).toBe(false);
    await page.emulateMedia({ media: 'print' });
    expect(await child.isVisible()).toBe(true);
    expect(await page.locator('aside.panel').isVisible()).toBe(false);
    await page.context().close();
  });

  it('follows the reader’s colour scheme and motion preference', async () => {
    const dark = await open(shipped, { colorScheme: 'dark', reducedMotion: 'reduce' });
    const light = await open(shipped, { colorScheme: 'light', reducedMotion: 'no-preference' });
    const look = (page: Page) =>
      page.evaluate(() => ({ background: getComputedStyle(document.body).backgroundColor, scroll: getComputedStyle(document.documentElement).scrollBehavior }));
    expect(await look(dark.page)).toEqual({ background: 'rgb(13, 17, 23)', scroll: 'auto' });
    expect(await look(light.page)).toEqual({ background: 'rgb(255, 255, 255)', scroll: 'smooth' });
    await dark.page.context().close();
    await light.page.context().close();
  });
});

describe('a hostile map in Chromium', () => {
  it('runs no script, opens no dialog, and shows the text as text', async () => {
    const dir = hostileMap();
    const file = path.join(dir, 'map.html');
    expect(runBin(['html', '--no-texts', '-o', file], { cwd: dir }).code).toBe(0);
    const { page, problems } = await open(pathToFileURL(file).href);
    // Hover and click everything a handler could have been hidden on.
    for (const element of await page.locator('a, span, p, li').all()) await element.dispatchEvent('mouseover');
    await page.fill('#q', '<script>');
    expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
    expect(problems).toEqual([]);
    expect(await page.textContent('[id="c-attacker.script"] > .row > .summary')).toBe(HOSTILE.script);
    expect(await page.textContent('[id="c-attacker.image"] > .row > .summary')).toBe(HOSTILE.image);
    expect(await page.textContent('[id="c-attacker.bidi"] > .row > .summary')).toBe('Accepted\\u202e reversed \\u2066isolated');
    // The search treated '<script>' as text: it found the two claims that contain it.
    expect((await matchedClaims(page)).sort()).toEqual(['attacker.script', 'defender.claim']);
    // Only http(s) URLs are links; the one trying to leave its attribute stayed inside it.
    const hrefs = await page.$$eval('a[href]', (links) => links.map((a) => a.getAttribute('href')!).filter((h) => !h.startsWith('#')));
    expect(hrefs).toEqual(['https://example.org/%22onmouseover=%22window.__pwned=1%22']);
    expect(await page.$$eval('img, iframe, object, embed', (found) => found.length)).toBe(0);
    await page.context().close();
  }, 60_000);
});
