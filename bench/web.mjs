// The web page in the benchmark: generating it (time, memory, size) against `riposte unanswered`
// on the same map, and in Debian's Chromium the time to first render and to apply filters,
// against the same page with its script taken out (what a browser without JavaScript shows).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

function chromiumPath() {
  for (const name of [process.env.CHROMIUM_PATH, 'chromium', 'chromium-browser']) {
    if (!name) continue;
    const found = name.startsWith('/') ? name : spawnSync('which', [name], { encoding: 'utf8' }).stdout.trim();
    if (found && existsSync(found)) return found;
  }
  return undefined;
}

/** Load the page `runs` times in fresh tabs: first contentful paint and the load event (script run), in ms. */
async function renderTimes(browser, url, runs) {
  const paints = [];
  const loads = [];
  for (let i = 0; i < runs; i++) {
    const page = await browser.newPage();
    await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
    const t = await page.evaluate(() => ({
      paint: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
      load: performance.getEntriesByType('navigation')[0].loadEventEnd,
    }));
    paints.push(t.paint);
    loads.push(t.load);
    await page.close();
  }
  return { paint: median(paints), load: median(loads) };
}

/** In the page: set a filter field and time the page's response, synchronous and to the next painted frame. */
function timeChange([id, value]) {
  return new Promise((resolve) => {
    const element = document.getElementById(id);
    const start = performance.now();
    element.value = value;
    element.dispatchEvent(new Event(id === 'q' ? 'input' : 'change', { bubbles: true }));
    void document.body.offsetHeight; // style and layout, which the filter causes
    const synchronous = performance.now() - start;
    requestAnimationFrame(() => setTimeout(() => resolve({ synchronous, frame: performance.now() - start })));
  });
}

/** Apply each filter `runs` times from a given state: script and layout, then to the next frame painted. */
async function filterTimes(browser, url, runs) {
  const page = await browser.newPage();
  await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
  const source = await page.$eval('#f-source option:nth-child(3)', (o) => o.value);
  const cases = [
    // [name, state before (not measured), change measured, runs]
    ['response status', [], ['f-status', 'unanswered'], runs],
    ['source', [], ['f-source', source], runs],
    ['search, first after load', [], ['q', 'privacy'], 1],
    ['search', [], ['q', 'encryption'], runs],
    ['clear the response filter', [['f-status', 'unanswered']], ['f-status', ''], runs],
  ];
  const results = {};
  for (const [name, before, change, n] of cases) {
    const sync = [];
    const frame = [];
    for (let i = 0; i < n; i++) {
      await page.evaluate(() => document.getElementById('filters').reset());
      // Let the reset's own work finish, layout included, before anything is measured.
      await page.evaluate(() => new Promise((resolve) => setTimeout(() => requestAnimationFrame(() => setTimeout(() => resolve(void document.body.offsetHeight))), 0)));
      for (const step of before) await page.evaluate(timeChange, step);
      const t = await page.evaluate(timeChange, change);
      sync.push(t.synchronous);
      frame.push(t.frame);
    }
    results[name] = { synchronous: median(sync), frame: median(frame) };
  }
  await page.close();
  return results;
}

/**
 * Returns the report's lines. `maps` are the benchmark's generated maps ({claims, dir, unanswered});
 * pages are generated for those of 10k claims and more, and the 10k page is opened in Chromium.
 */
export async function webBench({ maps, riposte, measureAll, fmtMs, fmtMb }) {
  const lines = ['', 'The web page (`riposte html`): generating it, median of 3, with peak memory and size; `riposte unanswered --format json` on the same map for scale:', ''];
  lines.push('| claims | riposte html | page size | unanswered | html / unanswered |', '|---:|---:|---:|---:|---:|');
  const pages = [];
  for (const map of maps.filter((m) => m.claims >= 10_000)) {
    process.stderr.write(`web page at ${map.claims} claims...\n`);
    const measured = measureAll({ html: { args: [riposte, 'html', 'arguments', '-o', 'page.html'], status: 0 } }, map.dir, 3);
    const file = path.join(map.dir, 'page.html');
    const size = statSync(file).size;
    lines.push(`| ${map.claims} | ${fmtMs(measured.html.ms)}, ${fmtMb(measured.html.mb)} | ${(size / 1e6).toFixed(1)} MB | ${fmtMs(map.unanswered.ms)} | ${(measured.html.ms / map.unanswered.ms).toFixed(2)}x |`);
    pages.push({ claims: map.claims, file });
  }
  const page = pages.find((p) => p.claims === 10_000) ?? pages[0];
  const executablePath = chromiumPath();
  if (!page) return lines;
  if (!executablePath) {
    lines.push('', 'Chromium not found: the page was not measured in a browser (apt-get install chromium).');
    return lines;
  }
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath });
  try {
    // The baseline: the same page without its script.
    const html = readFileSync(page.file, 'utf8');
    const bare = path.join(path.dirname(page.file), 'page-no-script.html');
    writeFileSync(bare, html.replace(/<script type="application\/json" id="riposte-data">[\s\S]*?<\/script>\n<script>[\s\S]*?<\/script>\n/, ''));
    process.stderr.write(`the ${page.claims}-claim page in Chromium...\n`);
    const withScript = await renderTimes(browser, pathToFileURL(page.file).href, 5);
    const without = await renderTimes(browser, pathToFileURL(bare).href, 5);
    const filters = await filterTimes(browser, pathToFileURL(page.file).href, 5);
    lines.push('', `In Chromium ${browser.version()}, the ${page.claims}-claim page, median of 5 loads: first contentful paint ${fmtMs(withScript.paint)} with the script and ${fmtMs(without.paint)} without it (${(withScript.paint / without.paint).toFixed(2)}x); load event (script run: tree, roles, filters ready) ${fmtMs(withScript.load)} against ${fmtMs(without.load)} (${(withScript.load / without.load).toFixed(2)}x).`);
    lines.push('', 'Applying a filter on that page, median of 5: script, style and layout (synchronous), and until the next frame is painted:', '', '| filter | synchronous | to next frame |', '|---|---:|---:|');
    for (const [name, t] of Object.entries(filters)) lines.push(`| ${name} | ${fmtMs(t.synchronous)} | ${fmtMs(t.frame)} |`);
  } finally {
    await browser.close();
  }
  return lines;
}
