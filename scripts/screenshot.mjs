// Screenshot of the shipped map's web page for the docs (docs/web-page.png), taken in the
// system's Chromium. Run after `npm run build`, with the source texts in ../shared/seeds:
//   node scripts/screenshot.mjs [path/to/texts]
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const texts = process.argv[2] ?? path.resolve(root, '..', 'shared', 'seeds');
const dir = mkdtempSync(path.join(os.tmpdir(), 'riposte-screenshot-'));
try {
  const page = path.join(dir, 'map.html');
  execFileSync(process.execPath, [path.join(root, 'bin', 'riposte.js'), 'html', '--texts', texts, '-o', page, '--title', 'The EU Chat Control debate'], { cwd: root, stdio: 'inherit' });
  const executablePath = spawnSync('which', ['chromium'], { encoding: 'utf8' }).stdout.trim();
  if (!executablePath) throw new Error('Chromium is missing: apt-get install -y --no-install-recommends chromium');
  const browser = await chromium.launch({ executablePath });
  const tab = await browser.newPage({ viewport: { width: 1280, height: 860 }, deviceScaleFactor: 1 });
  await tab.goto(`${pathToFileURL(page).href}#q=encryption`);
  await tab.evaluate(() => globalThis.scrollTo(0, 0));
  await tab.screenshot({ path: path.join(root, 'docs', 'web-page.png') });
  await browser.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
