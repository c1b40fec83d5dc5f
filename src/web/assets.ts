import { readFile } from 'node:fs/promises';
import type { PageAssets } from './page.js';

/**
 * The page's script and style sheet, read from riposte's own files (never from the map's
 * project). Each must be safe to inline: nothing in them may close the element it sits in.
 */
export async function loadPageAssets(): Promise<PageAssets> {
  const [script, style] = await Promise.all([
    readFile(new URL('./client/app.js', import.meta.url), 'utf8'),
    readFile(new URL('./client/style.css', import.meta.url), 'utf8'),
  ]);
  if (/<\/script/i.test(script) || /<\/style/i.test(style)) throw new Error('the page assets may not contain a closing </script> or </style>');
  return { script, style };
}
