import { describe, expect, it } from 'vitest';
import { openMap } from '../src/api.js';
import { debateTree } from '../src/graph/tree.js';
import { unansweredClaims } from '../src/graph/unanswered.js';
import { buildGraph } from '../src/graph/build.js';
import { buildModel } from '../src/model.js';
import { parseMapText } from '../src/load/parse.js';
import { diagnosticFormatters, streamedFormatters } from '../src/render/formatters/index.js';
import { OUTPUT_CHUNK_CHARS } from '../src/render/chunks.js';
import type { Diagnostic } from '../src/diagnostics.js';
import { codeFrame } from '../src/render/frame.js';
import { safeInline, safeText } from '../src/render/sanitize.js';
import { renderTree } from '../src/render/tree.js';
import { treeJson } from '../src/render/data.js';
import { responseStatusMap } from '../src/graph/status.js';
import { renderUnanswered, renderUnansweredChunks } from '../src/render/unanswered.js';
import fc from 'fast-check';
import realStringWidth from 'string-width';
import { ONE_COLUMN, TWO_COLUMN_RANGES, stringWidth, truncate, wrap, wrapBySpaces, wrapByWords, wrapWideBySpaces } from '../src/render/wrap.js';
import { repoRoot } from './helpers.js';

// eslint-disable-next-line no-control-regex -- the point of the test
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

describe('sanitising untrusted text', () => {
  it('shows escape sequences, bells and bidi overrides as visible escapes', () => {
    expect(safeInline('a\u001b[31mred\u0007\u202eevil\u2066')).toBe('a\\x1b[31mred\\x07\\u202eevil\\u2066');
    expect(safeInline('two\nlines')).toBe('two\\nlines');
    expect(safeText('two\nlines\r')).toBe('two\nlines\\r');
    expect(safeInline('\u009b31m C1')).toBe('\\x9b31m C1');
  });
  it('leaves ordinary text, accents and typographic quotes alone', () => {
    expect(safeInline('Šuica’s “letter” – ok ✓')).toBe('Šuica’s “letter” – ok ✓');
  });
});

describe('wrap', () => {
  it('keeps every line within the width, counting wide characters double', () => {
    const text = 'Le règlement 检测所有私人通信 would compel all providers to scan all private communications';
    for (const width of [10, 20, 33]) {
      for (const line of wrap(text, width)) expect(stringWidth(line)).toBeLessThanOrEqual(width);
    }
    expect(wrap(text, 33).join(' ').replace(/\s+/g, '')).toBe(text.replace(/\s+/g, ''));
  });

  it('the one-column fast path agrees with string-width on every character it accepts', () => {
    for (let code = 0; code <= 0xffff; code++) {
      const ch = String.fromCharCode(code);
      if (ONE_COLUMN.test(ch)) expect(realStringWidth(ch), code.toString(16)).toBe(1);
    }
  });

  it('the two-column fast path agrees with string-width on every character it counts double', () => {
    for (const [from, to] of TWO_COLUMN_RANGES) {
      for (let code = from; code <= to; code++) expect(realStringWidth(String.fromCharCode(code)), code.toString(16)).toBe(2);
    }
  });

  it('cuts a word longer than a line between graphemes: never inside an emoji sequence or before a combining mark', () => {
    const grapheme = fc.constantFrom('a', 'é', 'e\u0301', '检', '👩‍👩‍👧', '🇪🇺', '✓', 'ﬁ', '👍🏽');
    fc.assert(
      fc.property(fc.array(grapheme, { minLength: 1, maxLength: 200 }), fc.integer({ min: 8, max: 30 }), (parts, width) => {
        const word = parts.join('');
        const lines = wrap(word, width);
        expect(lines.join('')).toBe(word);
        const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
        const boundaries = new Set([...segmenter.segment(word)].map((s) => s.index));
        let at = 0;
        for (const line of lines) {
          expect(boundaries.has(at) || at === 0, `cut at ${at}`).toBe(true);
          expect(realStringWidth(line)).toBeLessThanOrEqual(width);
          at += line.length;
        }
      }),
      { numRuns: 300 },
    );
  });

  it('slicing at spaces gives the lines that wrapping word by word gives', () => {
    const word = fc.stringMatching(/^[a-zé’–.,]{1,14}$/);
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 60 }), fc.integer({ min: 8, max: 40 }), (words, limit) => {
        const text = words.join(' ');
        const sliced = wrapBySpaces(text, limit);
        const expected = wrapByWords(text, limit, (w) => w.length);
        // Undefined only when a word is longer than a line, which the word path cuts.
        if (sliced === undefined) expect(words.some((w) => w.length > limit)).toBe(true);
        else expect(sliced).toEqual(expected);
        expect(wrap(text, limit)).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });

  it('slicing text with CJK, kana, Hangul and emoji at spaces gives the lines that wrapping word by word gives', () => {
    const grapheme = fc.constantFrom('a', 'z', 'é', '’', '–', '.', '检', '㐀', '鿿', 'ひ', 'カ', 'ー', '・', '한', '힣', '👩‍👩‍👧', '🔒', 'e\u0301', '✓', '🇪🇺');
    const word = fc.array(grapheme, { minLength: 1, maxLength: 10 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 60 }), fc.integer({ min: 8, max: 40 }), (words, limit) => {
        const text = words.join(' ');
        const sliced = wrapWideBySpaces(text, limit);
        const expected = wrapByWords(text, limit, realStringWidth);
        if (sliced === undefined) expect(words.some((w) => realStringWidth(w) > limit)).toBe(true);
        else expect(sliced).toEqual(expected);
        expect(wrap(text, limit)).toEqual(expected);
        for (const line of wrap(text, limit)) expect(realStringWidth(line)).toBeLessThanOrEqual(limit);
      }),
      { numRuns: 500 },
    );
  });

  it('any spacing (runs, tabs, line breaks, no-break and ideographic spaces, spaces at the ends) wraps as word by word', () => {
    // One-column words (the slicing path) or words with wide characters and emoji (the counting path).
    const words = (graphemes: string[]) => fc.array(fc.constantFrom(...graphemes), { minLength: 1, maxLength: 6 }).map((parts) => parts.join(''));
    const word = fc.oneof(words(['a', 'é', 'z', '–']), words(['a', 'é', '检', 'ー', '한', '🔒', 'e\u0301', '👩‍👩‍👧']));
    const space = fc.constantFrom(' ', ' ', ' ', '  ', '\t', '\n', '\u00a0', '\u3000', ' \u2003');
    const text = fc.oneof(fc.array(fc.tuple(space, words(['a', 'é', 'z', '–'])), { minLength: 1, maxLength: 30 }), fc.array(fc.tuple(space, word), { minLength: 1, maxLength: 30 }));
    fc.assert(
      fc.property(text, space, fc.boolean(), fc.integer({ min: 8, max: 30 }), (parts, end, ends, limit) => {
        const text = (ends ? end : '') + parts.map(([s, w], i) => (i === 0 ? '' : s) + w).join('') + (ends ? end : '');
        expect(wrap(text, limit)).toEqual(wrapByWords(text, limit, realStringWidth));
      }),
      { numRuns: 500 },
    );
  });

  it('one-column text holds no whitespace but the space and the no-break space (what its spacing check looks for)', () => {
    for (let code = 0; code <= 0xffff; code++) {
      const ch = String.fromCharCode(code);
      if (ONE_COLUMN.test(ch) && /\s/.test(ch)) expect([' ', '\u00a0']).toContain(ch);
    }
  });

  it('truncate keeps whole graphemes within the width, one-column text (cut by length) as any other', () => {
    const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
    // The reference: grapheme by grapheme, measured by string-width.
    const byGraphemes = (text: string, width: number, ellipsis: string): string => {
      if (realStringWidth(text) <= width) return text;
      const room = Math.max(1, width - ellipsis.length);
      let out = '';
      for (const { segment } of segmenter.segment(text)) {
        if (realStringWidth(out + segment) > room) break;
        out += segment;
      }
      return out + ellipsis;
    };
    const oneColumn = fc.array(fc.constantFrom('a', 'Z', ' ', 'é', 'ß', '’', '–', '.', '\u00a0', 'ǅ'), { minLength: 0, maxLength: 40 });
    const mixed = fc.array(fc.constantFrom('a', 'é', '检', '한', '🔒', 'e\u0301', '👩‍👩‍👧', '🇪🇺'), { minLength: 0, maxLength: 40 });
    fc.assert(
      fc.property(fc.oneof(oneColumn, mixed), fc.integer({ min: 1, max: 30 }), fc.constantFrom('…', '...'), (parts, width, ellipsis) => {
        const text = parts.join('');
        expect(truncate(text, width, ellipsis)).toBe(byGraphemes(text, width, ellipsis));
      }),
      { numRuns: 500 },
    );
  });

  it('a 40,000-character word comes out whole, in lines of the width', () => {
    const word = 'x'.repeat(40_000);
    const lines = wrap(`before ${word} after`, 50);
    expect(lines.slice(1, -1).every((line) => line.length === 50)).toBe(true);
    expect(lines.join('').replace('before', '').replace('after', '')).toBe(word);
  });
});

describe('codeFrame', () => {
  it('puts a caret under the span', () => {
    expect(codeFrame('a: 1\nkind: leter\nc: 3\n', 2, 7, 16, 11)).toBe(['  1 | a: 1', '> 2 | kind: leter', '    |       ^^^^^', '  3 | c: 3'].join('\n'));
  });
});

const hostile = (() => {
  const text = `source:
  id: evil
  kind: letter
  title: "Title \\e]0;pwned\\a with OSC"
  authors: ["Mallory \\e[2J"]
  date: "2024"
claims:
  - id: evil.1
    summary: "Looks fine \\u202E}; drop table \\e[31mred"
    quote: "bell \\a here"
`;
  const parsed = parseMapText('evil.yaml', text);
  return buildGraph(buildModel([parsed]));
})();

describe('renderers never pass raw control characters from a map', () => {
  it('tree', () => {
    const out = renderTree(hostile, debateTree(hostile), { color: false, ascii: false, width: 80 });
    expect(out).not.toMatch(UNSAFE);
    expect(out).toContain('\\x1b]0;pwned\\x07');
    expect(out).toContain('\\u202e');
  });
  it('unanswered', () => {
    const out = renderUnanswered(unansweredClaims(hostile), { color: false, width: 80 });
    expect(out).not.toMatch(UNSAFE);
    expect(out).toContain('bell \\x07 here');
  });
  it('stylish diagnostics', () => {
    const out = diagnosticFormatters.stylish(
      [
        { code: 'dangling-reference', severity: 'error', args: { kind: 'claim', id: 'x\u001b[2J' }, file: 'a\u0007.yaml', pointer: '', line: 1, column: 1 },
        {
          code: 'quote-not-found',
          severity: 'error',
          args: { claim: 'a.b', source: 'a', textName: 't\u001b.txt', closest: { line: 1, similarity: 90, passage: 'hint \u202e', cut: false, changes: [{ value: '\u0007', removed: true }] } },
          file: 'a\u0007.yaml',
          pointer: '',
          line: 1,
          column: 1,
        },
      ],
      { color: false, verbose: true, summary: { files: 1, quotes: { checked: 0, notFound: 0, unchecked: 0 } }, texts: new Map([['a\u0007.yaml', 'x: "\u001b[2J"\n']]) },
    );
    expect(out).not.toMatch(UNSAFE);
    expect(out).toContain('closest passage in t');
    expect(out).toContain('quote vs text: [-');
  });
  it('stylish streams: whole lines in chunks under the output chunk size, the same text as one string', () => {
    const many: Diagnostic[] = Array.from({ length: 3000 }, (_, i) => ({ code: 'missing-quote', severity: 'warning', args: { claim: `c.${i}` }, file: `f${i % 3}.yaml`, pointer: `/claims/${i}`, line: i + 1, column: 5 }) as Diagnostic);
    const options = { color: false, verbose: false, summary: { files: 3, quotes: { checked: 0, notFound: 0, unchecked: 3000 } }, texts: new Map() };
    const chunks = [...streamedFormatters.stylish!(many, options)];
    expect(chunks.length).toBeGreaterThan(5);
    for (const chunk of chunks) {
      expect(chunk.endsWith('\n')).toBe(true);
      expect(chunk.length).toBeLessThan(OUTPUT_CHUNK_CHARS + 1000);
    }
    expect(chunks.join('')).toBe(diagnosticFormatters.stylish(many, options));
    expect(chunks.join('').match(/missing-quote/g)).toHaveLength(3000);
  });
  it('unanswered text streams too: whole lines in bounded chunks, the same text as one string', () => {
    const claims = Array.from({ length: 400 }, (_, i) => `  - {id: s.${i}, summary: "Claim ${i} says something long enough to wrap over more than one line at this width, twice over."}`);
    const graph = buildGraph(buildModel([parseMapText('s.yaml', `source: {id: s, kind: letter, title: S, authors: [A], date: "2024"}\nclaims:\n${claims.join('\n')}\n`)]));
    const groups = unansweredClaims(graph);
    const chunks = [...renderUnansweredChunks(groups, { color: false, width: 60 })];
    expect(chunks.length).toBeGreaterThan(3);
    for (const chunk of chunks) {
      expect(chunk.endsWith('\n')).toBe(true);
      expect(chunk.length).toBeLessThan(OUTPUT_CHUNK_CHARS + 1000);
    }
    const text = chunks.join('');
    expect(text).toBe(renderUnanswered(groups, { color: false, width: 60 }));
    expect(text.match(/^ {2}s\.\d+ /gm)).toHaveLength(400);
    expect(text.trimEnd().endsWith('400 claims without an answer in 1 source.')).toBe(true);
  });
  it('JSON escapes them as JSON does', () => {
    const out = diagnosticFormatters.json(
      [{ code: 'dangling-reference', severity: 'error', args: { kind: 'claim', id: 'x\u001b[2J' }, file: 'a.yaml', pointer: '', line: 1, column: 1 }],
      { color: false, verbose: false, summary: { files: 1, quotes: { checked: 0, notFound: 0, unchecked: 0 } }, texts: new Map() },
    );
    expect(out).not.toMatch(UNSAFE);
    expect(JSON.parse(out).diagnostics[0]).toMatchObject({ message: "no claim 'x\u001b[2J'", args: { kind: 'claim', id: 'x\u001b[2J' } });
  });
});

describe('the tree of the shipped map', async () => {
  const { graph } = await openMap([], { cwd: repoRoot });
  const sections = debateTree(graph);
  it.each([40, 60, 80, 120])('fits in %i columns', (width) => {
    const out = renderTree(graph, sections, { color: false, ascii: false, width });
    for (const line of out.split('\n')) expect(realStringWidth(line), line).toBeLessThanOrEqual(width);
  });
  it('draws with ASCII when asked, and colours only when asked', () => {
    const ascii = renderTree(graph, sections, { color: false, ascii: true, width: 80 });
    expect(ascii).not.toMatch(/[├└│■·…]/);
    expect(ascii).toContain('|-- rebuts ec-reply-2022.');
    expect(ascii).not.toContain('\u001b');
    expect(renderTree(graph, sections, { color: true, ascii: false, width: 80 })).toContain('\u001b[');
  });
});

describe('JSON in chunks', () => {
  it('is exactly JSON.stringify(report, null, 2), empty or not', async () => {
    const { unansweredJson } = await import('../src/render/data.js');
    const groups = unansweredClaims(hostile);
    expect(groups.length).toBeGreaterThan(0);
    const parsed = JSON.parse(unansweredJson(groups));
    expect(unansweredJson(groups)).toBe(JSON.stringify(parsed, null, 2) + '\n');
    expect(unansweredJson([])).toBe(JSON.stringify({ version: 1, total: 0, groups: [] }, null, 2) + '\n');
  });
});

describe('the tree renderers show the analysis they are given', () => {
  it('print the response status from the statuses passed in, as the tree command computes them once', async () => {
    const { graph } = await openMap([], { cwd: repoRoot });
    const sections = debateTree(graph, { from: 'cs-letter-2022.scan-all', depth: 0 });
    const computed = responseStatusMap(graph);
    expect(computed.get('cs-letter-2022.scan-all')).toBe('answered');
    const text = (statuses?: ReadonlyMap<string, 'answered' | 'challenged' | 'unanswered'>) => renderTree(graph, sections, { color: false, ascii: true, width: 80, ...(statuses ? { statuses } : {}) });
    expect(text(computed)).toBe(text());
    expect(text(new Map([['cs-letter-2022.scan-all', 'challenged']]))).toContain('cs-letter-2022.scan-all  challenged');
    expect(treeJson(graph, sections, undefined, new Map([['cs-letter-2022.scan-all', 'challenged']]))).toContain('"status": "challenged"');
  });
});
