import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkMap } from '../src/api.js';
import { DIAGNOSTIC_CODES } from '../src/diagnostics.js';
import { FILE_SYSTEM_CODES, expectationsOf, fixtures, fixtureTexts, repoRoot } from './helpers.js';

const invalid = path.join(fixtures, 'invalid');
const cases = readdirSync(invalid).sort();

describe('fixture maps report exactly the diagnostics their comments expect', () => {
  it.each(cases)('%s', async (name) => {
    const dir = path.join(invalid, name);
    const result = await checkMap([path.relative(repoRoot, dir)], { cwd: repoRoot, texts: fixtureTexts });
    const actual = result.diagnostics
      .map((d) => ({ file: path.basename(d.file), line: d.line, code: d.code as string }))
      .sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.code.localeCompare(b.code));
    expect(actual).toEqual(expectationsOf(dir));
    for (const d of result.diagnostics) expect(d.column).toBeGreaterThan(0);
  });

  it('cover every diagnostic code, but those about the file system, which tests/confinement.test.ts builds on disk', () => {
    const covered = new Set(cases.flatMap((name) => expectationsOf(path.join(invalid, name)).map((e) => e.code)));
    expect([...DIAGNOSTIC_CODES].filter((code) => !covered.has(code))).toEqual([...FILE_SYSTEM_CODES]);
  });

  it('the valid fixture map is clean under --strict', async () => {
    const result = await checkMap(['tests/fixtures/valid'], { cwd: repoRoot, texts: fixtureTexts, strict: true });
    expect(result.diagnostics).toEqual([]);
    expect(result.quotes).toEqual({ checked: 7, notFound: 0, unchecked: 0 });
  });
});
