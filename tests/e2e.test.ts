import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringWidth } from '../src/render/wrap.js';
import { bin, repoRoot, runBin, seeds, tempDir } from './helpers.js';

// These run the real executable (bin/riposte.js on the built dist/) as a child process.
const version = (JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { version: string }).version;

describe('bin/riposte as a child process', () => {
  it('--version prints the package version', () => {
    const r = runBin(['--version']);
    expect(r).toMatchObject({ code: 0, stdout: `${version}\n`, stderr: '' });
  });

  it('validates the shipped map from the config, quotes checked against the seed texts', () => {
    const r = runBin(['validate', '--strict', '--texts', seeds]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/✔ \d+ files, no problems; \d+ quotes checked against source texts\n$/);
  });

  it('fails a broken map with file, line, column, message and code in the report on stdout', () => {
    const dir = tempDir({
      'arguments/a.yaml': 'source:\n  id: a\n  kind: letter\n  title: A\n  authors: [A]\n  date: 2024\nclaims:\n  - id: a.one\n    summary: One.\n    rebutts: a.two\n',
    });
    const r = runBin(['validate', 'arguments'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('arguments/a.yaml\n');
    expect(r.stdout).toMatch(/ {2}10:5 +error +unknown key 'rebutts' \(did you mean 'rebuts'\?\) +unknown-key\n/);
    expect(r.stdout).toMatch(/✖ \d+ problems? \(1 error, \d+ warnings?\)/);
  });

  it('exits 2 with one line of explanation and no stack trace on a missing path', () => {
    const r = runBin(['validate', 'nowhere']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("riposte: no such file or directory: 'nowhere'\n");
  });

  it('prints the tree of the shipped map within 80 columns, without colour in a pipe', () => {
    const r = runBin(['tree', '--width', '80']);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain('\u001b');
    for (const line of r.stdout.split('\n')) expect(stringWidth(line)).toBeLessThanOrEqual(80);
    expect(r.stdout).toContain('cs-letter-2022.scan-all  answered');
    expect(r.stdout).toMatch(/rebuts ec-reply-2022\.not-all-scanned · European Comm\S*, ~2022 {2}answered · (in|out|undecided)/);
  });

  it('colours with FORCE_COLOR and not with NO_COLOR', () => {
    expect(runBin(['stats'], { env: { FORCE_COLOR: '1' } }).stdout).toContain('\u001b[');
    expect(runBin(['stats'], { env: { FORCE_COLOR: '1', NO_COLOR: '1' } }).stdout).not.toContain('\u001b[');
  });

  it('gates CI on unanswered claims and gives JSON a program can read', () => {
    const r = runBin(['unanswered', '--format', 'json', '--fail-on-unanswered']);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(report.total).toBeGreaterThan(0);
    expect(report.groups.every((g: { claims: { status: string }[] }) => g.claims.every((c) => c.status !== 'answered'))).toBe(true);
    expect(runBin(['unanswered', '--source', 'cs-letter-2022', '--fail-on-unanswered']).code).toBe(0);
  });

  it('stats as JSON agree with the tree', () => {
    const stats = JSON.parse(runBin(['stats', '-f', 'json']).stdout);
    const tree = JSON.parse(runBin(['tree', '-f', 'json']).stdout);
    const seen = new Set<string>();
    const visit = (n: { id: string; children?: unknown[] }): void => {
      seen.add(n.id);
      (n.children as (typeof n)[] | undefined)?.forEach(visit);
    };
    for (const s of tree.sections) s.roots.forEach(visit);
    expect(seen.size).toBe(stats.claims);
  });
});

describe('the library API', () => {
  it('is importable as the package and gives the commands\' answers', () => {
    const script = `
      const { checkMap, openMap, unansweredClaims, debateTree, mapStats, formatMapText } = await import('riposte');
      const checked = await checkMap([], { cwd: process.cwd(), strict: true, texts: ${JSON.stringify(seeds)} });
      const { graph } = await openMap([], { cwd: process.cwd() });
      const stats = mapStats(graph);
      console.log(JSON.stringify({
        errors: checked.diagnostics.length,
        claims: stats.claims,
        unanswered: unansweredClaims(graph).reduce((n, g) => n + g.claims.length, 0),
        sections: debateTree(graph).length,
        fmt: typeof formatMapText,
      }));`;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: repoRoot, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout);
    const stats = JSON.parse(runBin(['stats', '-f', 'json']).stdout);
    expect(out).toEqual({ errors: 0, claims: stats.claims, unanswered: stats.status.unanswered + stats.status.challenged, sections: stats.sources, fmt: 'function' });
  });
});

describe('a reader that stops early', () => {
  it('ends riposte quietly (no EPIPE stack trace), like `riposte tree | head`', async () => {
    const { spawn } = await import('node:child_process');
    const { generateMap } = await import('../bench/generate.mjs');
    const dir = tempDir();
    generateMap({ claims: 3000, dir, seed: 3 });
    const child = spawn(process.execPath, [bin, 'tree', 'arguments'], { cwd: dir });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });
});
