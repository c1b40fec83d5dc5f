import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const INSTALL_CHROMIUM = 'apt-get update && apt-get install -y --no-install-recommends chromium';

/** The system's Chromium (Debian's package): playwright-core never downloads a browser here. */
export function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, ...['chromium', 'chromium-browser'].map((name) => spawnSync('which', [name], { encoding: 'utf8' }).stdout.trim())];
  const found = candidates.find((p): p is string => Boolean(p) && existsSync(p!));
  if (!found) throw new Error(`Chromium is missing, and the browser tests need it. Install it with: ${INSTALL_CHROMIUM}`);
  return found;
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath() });
}
