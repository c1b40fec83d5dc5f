import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { closestPassage, containsQuote, normalise, prepareText, wordDiff as changesOf } from '../src/validate/quote-text.js';
import { markChanges } from '../src/wording.js';

const wordDiff = (quote: string, passage: string, cut = false): string | undefined => {
  const changes = changesOf(quote, passage, cut);
  return changes && markChanges(changes, cut);
};
import { runBin, seeds, tempDir } from './helpers.js';

describe('normalise', () => {
  it('collapses whitespace and line breaks', () => {
    expect(normalise('a  b\n\n  c \t d  ').text).toBe('a b c d');
  });
  it('joins a word hyphenated at a line end, or keeps the hyphen when asked', () => {
    expect(normalise('protec-\n  tion').text).toBe('protection');
    expect(normalise('future-  \r\nproof', true).text).toBe('future-proof');
  });
  it('keeps a hyphen that is not at a line end', () => {
    expect(normalise('end-to-end').text).toBe('end-to-end');
    expect(normalise('risk - and').text).toBe('risk - and');
  });
  it('maps typographic quotes and dashes to ASCII', () => {
    expect(normalise('‘a’ “b” „c“ x – y — z').text).toBe(`'a' "b" "c" x - y - z`);
  });
  it('drops Markdown emphasis and footnote markers', () => {
    expect(normalise('**bold** and _it_ encryption.¹ next²').text).toBe('bold and it encryption. next');
  });
  it('keeps case and punctuation', () => {
    expect(normalise('Hello, World!').text).toBe('Hello, World!');
  });
  it('records where each character came from', () => {
    const { text, origin } = normalise('a  **b**', false, true);
    expect(text).toBe('a b');
    expect([...origin!]).toEqual([0, 1, 5]);
  });
});

describe('containsQuote', () => {
  const prepared = prepareText('We, the under-\nsigned, say “no” to end-to-\nend scanning.');
  it('finds quotes across the quirks of the text', () => {
    expect(containsQuote(prepared, 'We, the undersigned, say "no"')).toBe(true);
    expect(containsQuote(prepared, 'say "no" to end-to-end scanning.')).toBe(true);
  });
  it('refuses a changed word, a changed case or a missing word', () => {
    expect(containsQuote(prepared, 'say "yes" to end-to-end scanning.')).toBe(false);
    expect(containsQuote(prepared, 'We, The undersigned')).toBe(false);
    expect(containsQuote(prepared, 'We the undersigned')).toBe(false);
  });
});

describe('closestPassage', () => {
  const text = readFileSync(path.join(seeds, '001_3d0d1894e3ac5c22.txt'), 'utf8');
  const prepared = prepareText(text);
  it('points at the passage a misquote was taken from', () => {
    const quote = 'detection under the proposal is a last-resort measure subject to strict proportionality rules';
    expect(containsQuote(prepared, quote)).toBe(false);
    const passage = closestPassage(prepared, quote)!;
    expect(text.slice(passage.start, passage.end)).toContain('detection under the proposal is a last resort measure');
    expect(passage.similarity).toBeGreaterThan(0.8);
  });
  it('finds an exact passage with similarity 1', () => {
    const passage = closestPassage(prepared, 'This is not the case.')!;
    expect(text.slice(passage.start, passage.end)).toBe('This is not the case.');
    expect(passage.similarity).toBe(1);
  });
});

describe('closestPassage on a long text (candidate windows, then the exact search on them)', () => {
  // Every seed text, repeated to most of a megabyte, with the passage planted once near the end.
  const filler = ['000_8d7d5f8f8948a6e8.txt', '001_3d0d1894e3ac5c22.txt', '002_7454a083ece8347e.txt'].map((f) => readFileSync(path.join(seeds, f), 'utf8')).join('\n').repeat(40);
  const planted = 'The signatories consider that the mandatory scanning of private messages by default breaches the essence of the right to privacy.';
  const text = `${filler}\n${planted}\n${filler.slice(0, 50_000)}`;
  const prepared = prepareText(text);
  it('finds the planted passage from a misquote of it, as the exact search on it alone would', () => {
    expect(text.length).toBeGreaterThan(800_000);
    const quote = 'The signatories consider that mandatory scanning of private messages by default breaches the essence of privacy.';
    const passage = closestPassage(prepared, quote)!;
    expect(passage.start).toBeGreaterThanOrEqual(filler.length);
    expect(text.slice(passage.start, passage.end)).toContain('mandatory scanning of private messages by default breaches the essence');
    const alone = closestPassage(prepareText(planted), quote)!;
    expect(passage.similarity).toBe(alone.similarity);
  });
  it('still says when no passage is close', () => {
    const passage = closestPassage(prepared, 'Zxqv wklj ppqr zzzz yyyy');
    expect(passage === undefined || passage.similarity < 0.5).toBe(true);
  });
});

describe('the hyphenated seed text', () => {
  const text = readFileSync(path.join(seeds, '000_8d7d5f8f8948a6e8.txt'), 'utf8');
  const prepared = prepareText(text);
  it('matches a quote that crosses a hard line break', () => {
    expect(containsQuote(prepared, 'combating online child sexual abuse (CSA) and fully share the objectives of the European Commission')).toBe(true);
  });
  it('matches the Spanish Presidency’s apostrophe written plainly', () => {
    expect(containsQuote(prepared, "While we applaud the Spanish Presidency's commitment to reaching a compromise")).toBe(true);
  });
});

describe('explaining a quote that is not found', () => {
  it('marks the words that differ, as git --word-diff does', () => {
    expect(wordDiff('only used to detect online abuse', 'only used to  identify online\nabuse')).toBe('only used to [-detect-]{+identify+} online abuse');
    expect(wordDiff('This is not the case!', 'This is not the case')).toBe('This is not the case[-!-]');
    expect(wordDiff('the same\nwords', 'the  same words')).toBeUndefined();
    // Only the start of a longer match is shown: the rest of the quote is not compared.
    expect(wordDiff('one two three four five', 'one two', true)).toBe('one two …');
  });

  it('shows the whole sentence of the closest passage, never cut to the quote, and never a second sentence', () => {
    const dir = tempDir({
      'riposte.config.yaml': 'maps: [arguments]\ntexts: texts\n',
      'texts/t.txt': 'The proposal ensures that these are only used to identify abuse and that they are the least intrusive.\nA second sentence that is never shown.\n',
      'arguments/a.yaml': 'source:\n  id: a\n  kind: letter\n  title: A\n  authors: [A]\n  date: 2024\n  text: t.txt\nclaims:\n  - id: a.one\n    summary: One.\n    quote: "ensures that these are only used to detect abuse"\n',
    });
    const r = runBin(['validate', '-f', 'json'], { cwd: dir });
    const hint = (JSON.parse(r.stdout).diagnostics[0].hint as string).split('\n').map((l) => l.trim());
    expect(hint[1]).toBe('ensures that these are only used to identify abuse and that they are the least intrusive.');
    expect(hint[2]).toBe('quote vs text: ensures that these are only used to [-detect-]{+identify+} abuse');
    expect(hint.join('\n')).not.toContain('second sentence');
  });
});
