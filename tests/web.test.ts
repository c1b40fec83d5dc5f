import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { html, jsonForScript, safeHref, text } from '../src/web/html.js';
import { runBin, seeds, tempDir } from './helpers.js';
import { HOSTILE, hostileMap } from './web-fixtures.js';

const sha256 = (s: string): string => createHash('sha256').update(s, 'utf8').digest('base64');

describe('HTML building blocks', () => {
  it('escapes every interpolation, in text and in attributes', () => {
    const made = html`<p title="${HOSTILE.attribute}">${HOSTILE.script}</p>`.value;
    expect(made).not.toContain('<script>');
    expect(made).not.toMatch(/title="[^"]*"[^>]*onmouseover/);
    expect(made).toBe(`<p title="${text(HOSTILE.attribute)}">${text(HOSTILE.script)}</p>`);
    expect(text('a < b & "c" \'d\'')).toBe('a &lt; b &amp; &quot;c&quot; &#39;d&#39;');
  });

  it('shows controls and bidi overrides as visible escapes', () => {
    expect(text(HOSTILE.bidi)).toBe('Accepted\\u202e reversed \\u2066isolated');
    expect(text('bell\u0007')).toBe('bell\\x07');
  });

  it('links only http(s) URLs', () => {
    expect(safeHref('https://example.org/a?b=c')).toBe('https://example.org/a?b=c');
    expect(safeHref('HTTP://EXAMPLE.ORG')).toBe('http://example.org/');
    for (const url of ['javascript:alert(1)', ' javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'data:text/html,<script>', 'vbscript:x', '//example.org', 'not a url']) {
      expect(safeHref(url), url).toBeUndefined();
    }
  });

  it('writes JSON that cannot close its script element and reads back the same', () => {
    const value = { a: HOSTILE.closeScript, b: '<!--', c: '\u2028\u2029', d: '&amp;' };
    const json = jsonForScript(value);
    expect(json).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(json)).toEqual(value);
  });
});

describe('riposte html', () => {
  const claimsOfShippedMap = (): { id: string }[] => JSON.parse(runBin(['status', '--texts', seeds, '--format', 'json']).stdout).claims;

  it('writes the shipped map as one page with every claim once, and loads nothing', () => {
    const dir = tempDir();
    const out = path.join(dir, 'site', 'map.html');
    const result = runBin(['html', '--texts', seeds, '-o', out, '--title', 'Chat Control']);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^wrote .*map\.html: 13 sources, \d+ claims\n$/);
    const page = readFileSync(out, 'utf8');
    const claims = claimsOfShippedMap();
    for (const { id } of claims) expect(page.split(`id="c-${id}"`).length - 1, id).toBe(1);
    expect(page).toContain('<title>Chat Control</title>');
    // Nothing is fetched: no src attributes, no stylesheets or scripts by URL, no imports.
    expect(page).not.toMatch(/\ssrc=|<link[^>]+stylesheet|@import|url\(\s*['"]?https?:/i);
    // The policy allows exactly the inline script and style sheet, by hash.
    const script = /<script>([\s\S]*?)<\/script>/.exec(page)![1]!;
    const style = /<style>([\s\S]*?)<\/style>/.exec(page)![1]!;
    const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(page)![1]!.replaceAll('&#39;', "'");
    expect(csp).toContain(`script-src 'sha256-${sha256(script)}'`);
    expect(csp).toContain(`style-src 'sha256-${sha256(style)}'`);
    expect(csp).toContain("default-src 'none'");
  });

  it('prints the page to stdout without -o, the same bytes as the file', () => {
    const dir = tempDir();
    const out = path.join(dir, 'map.html');
    runBin(['html', '--texts', seeds, '-o', out]);
    const printed = runBin(['html', '--texts', seeds]);
    expect(printed.code).toBe(0);
    expect(printed.stdout).toBe(readFileSync(out, 'utf8'));
  });

  it('keeps hostile map text inert in the markup', () => {
    const dir = hostileMap();
    const result = runBin(['html', '--no-texts'], { cwd: dir });
    expect(result.code).toBe(0);
    const page = result.stdout;
    // The only script elements are the page's data and its own script.
    expect(page.match(/<script/g)).toHaveLength(2);
    // Map text appears only escaped: no element of it, and no event handler attribute in any tag.
    expect(page).not.toMatch(/<img|<svg onload/i);
    // (Attribute values are always double-quoted with quotes escaped inside: drop them first.)
    expect(page.replace(/"[^"]*"/g, '""')).not.toMatch(/<[^>]*\son[a-z]+\s*=/i);
    expect(page).not.toContain('\u202e');
    expect(page).not.toMatch(/href="javascript:/i);
    expect(page).toContain('href="https://example.org/%22onmouseover=%22window.__pwned=1%22"');
    const data = /<script type="application\/json" id="riposte-data">([\s\S]*?)<\/script>/.exec(page)![1]!;
    const sources: { name: string; who: string }[] = JSON.parse(data).sources;
    expect(sources.some((s) => s.who.includes(HOSTILE.closeScript.toLowerCase()))).toBe(true);
    expect(sources.map((s) => s.name)).toContain(HOSTILE.shortName);
  });

  it('refuses a map with errors and writes nothing (exit 1)', () => {
    const dir = tempDir({ 'riposte.config.yaml': 'maps: [arguments]\n', 'arguments/a.yaml': 'source: {id: a}\nclaims: [{id: a.x, summary: x, rebuts: nowhere}]\n' });
    const result = runBin(['html', '--no-texts', '-o', 'map.html'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('fix them first');
    expect(existsSync(path.join(dir, 'map.html'))).toBe(false);
  });

  it('says why it cannot write the page (exit 2)', () => {
    const dir = tempDir({ 'blocker': 'a file, not a directory' });
    const result = runBin(['html', '--texts', seeds, '-o', path.join(dir, 'blocker', 'map.html')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^riposte: cannot write the page: /);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('the page model', () => {
  const map = (files: Record<string, string>) => tempDir({ 'riposte.config.yaml': 'maps: [arguments]\n', ...Object.fromEntries(Object.entries(files).map(([k, v]) => [`arguments/${k}`, v])) });

  it('says who answered whom, with claim counts and whole-document answers, and draws one arrow per pair', async () => {
    const dir = map({
      'a.yaml': 'source: {id: a, kind: letter, title: A, authors: [Alpha], date: 2024-01-01}\nclaims:\n  - {id: a.one, summary: One.}\n  - {id: a.two, summary: Two.}\n',
      'b.yaml': 'source: {id: b, kind: reply, title: B, authors: [Beta], date: 2024-02-01, answers: [a]}\nclaims:\n  - {id: b.no, summary: No., rebuts: a.one}\n  - {id: b.why, summary: Why?, questions: a.two}\n  - {id: b.yes, summary: Yes., supports: a.one}\n',
      'c.yaml': 'source: {id: c, kind: statement, title: C, authors: [Gamma], date: 2024-03-01}\nclaims:\n  - {id: c.but, summary: But., undermines: b.no}\n',
    });
    const { openMap } = await import('../src/api.js');
    const { pageModel } = await import('../src/web/page-model.js');
    const { timelineSvg } = await import('../src/web/sources-html.js');
    const opened = await openMap([], { cwd: dir, texts: false, strict: false, limits: {} });
    const model = pageModel(opened.map, opened.graph);
    const links = (id: string, side: 'answers' | 'answeredBy') =>
      model.sources.find((s) => s.source.id === id)![side].map((l) => [l.source.id, l.claims, l.wholeDocument]);
    // A rebuttal and a question count as answers between documents; support does not.
    expect(links('b', 'answers')).toEqual([['a', 2, true]]);
    expect(links('a', 'answeredBy')).toEqual([['b', 2, true]]);
    expect(links('c', 'answers')).toEqual([['b', 1, false]]);
    expect(links('b', 'answeredBy')).toEqual([['c', 1, false]]);
    expect(links('a', 'answers')).toEqual([]);
    // Relations both ways on each claim.
    expect(model.byId.get('a.one')!.relatedBy.map((l) => `${l.kind} ${l.id}`).sort()).toEqual(['rebuts b.no', 'supports b.yes']);
    expect(model.byId.get('b.no')!.relatesTo).toEqual([{ id: 'a.one', kind: 'rebuts' }]);
    expect(model.byId.get('a.one')!.status).toBe('answered');
    expect(model.byId.get('a.two')!.status).toBe('challenged');
    expect(model.byId.get('b.no')!.label).toBe('out');
    expect(model.byId.get('a.one')!.label).toBe('in');
    const svg = timelineSvg(model).value;
    expect(svg.match(/class="arc"/g)).toHaveLength(2);
    expect(svg).toContain('<title>Beta answered Alpha: 2 claims and the document as a whole</title>');
  });
});
