import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { repoRoot, runBin, runCli, tempDir } from './helpers.js';

/** The shipped map's attacks, read from the raw YAML without riposte's model. */
function rawAttacks(): { claims: string[]; attacks: [string, string][] } {
  const claims: string[] = [];
  const attacks: [string, string][] = [];
  for (const file of readdirSync(path.join(repoRoot, 'arguments')).sort()) {
    const data = parse(readFileSync(path.join(repoRoot, 'arguments', file), 'utf8')) as { claims?: Record<string, unknown>[] };
    for (const claim of data.claims ?? []) {
      claims.push(claim.id as string);
      for (const kind of ['rebuts', 'undermines', 'undercuts']) {
        const value = claim[kind];
        const targets = (Array.isArray(value) ? value : value === undefined ? [] : [value]).map((t) => (typeof t === 'string' ? t : (t as { to: string }).to));
        for (const target of targets) attacks.push([claim.id as string, target]);
      }
    }
  }
  return { claims, attacks };
}

const json = (args: string[], cwd = repoRoot) => {
  const r = runBin([...args, '-f', 'json'], { cwd });
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout);
};

describe('riposte status on the shipped map', () => {
  const status = json(['status']);

  it('labels every claim as the definition does on the raw relations', () => {
    const { claims, attacks } = rawAttacks();
    // The least fixpoint, computed naively from the YAML.
    const attackers = new Map(claims.map((c) => [c, attacks.filter(([, t]) => t === c).map(([a]) => a)]));
    let inSet = new Set<string>();
    for (;;) {
      const next = new Set(claims.filter((c) => attackers.get(c)!.every((b) => attackers.get(b)!.some((d) => inSet.has(d)))));
      if (next.size === inSet.size) break;
      inSet = next;
    }
    const expected = Object.fromEntries(claims.map((c) => [c, inSet.has(c) ? 'in' : attackers.get(c)!.some((b) => inSet.has(b)) ? 'out' : 'undecided']));
    const actual = Object.fromEntries(status.claims.map((c: { id: string; label: string }) => [c.id, c.label]));
    expect(actual).toEqual(expected);
    expect(status.counts.labels.out).toBeGreaterThan(0);
  });

  it('agrees with stats, and filters by label, response and source', () => {
    const stats = json(['stats']);
    expect(status.counts.labels).toEqual(stats.labels);
    expect(status.total).toBe(stats.claims);
    const out = json(['status', '--label', 'out']);
    expect(out.claims.length).toBe(stats.labels.out);
    expect(out.claims.every((c: { label: string }) => c.label === 'out')).toBe(true);
    const mixed = json(['status', '--label', 'out', '--label', 'undecided', '--response', 'answered', '--source', 'ec-reply-2022']);
    expect(mixed.claims.length).toBeGreaterThan(0);
    expect(mixed.claims.every((c: { source: string; status: string; label: string }) => c.source === 'ec-reply-2022' && c.status === 'answered' && c.label !== 'in')).toBe(true);
  });

  it('prints a table that fits the width, and a summary line', async () => {
    const r = await runCli(['status', '--source', 'ec-reply-2022', '--width', '60']);
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^claim\s+source\s+date\s+response\s+label$/);
    expect(lines.every((line) => line.length <= 60)).toBe(true);
    const count = json(['status', '--source', 'ec-reply-2022']).claims.length;
    expect(count).toBeGreaterThan(10);
    expect(lines.slice(-2).join(' ')).toMatch(new RegExp(`^${count} claims: \\d+ in, \\d+ out, \\d+ undecided; \\d+ answered, \\d+ challenged, \\d+ unanswered\\.$`));
  });

  it('usage errors: an unknown label, an unknown source: exit 2, no stack trace', async () => {
    for (const args of [['status', '--label', 'maybe'], ['status', '--response', 'ignored'], ['status', '--source', 'nobody']]) {
      const r = await runCli(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });
});

describe('riposte explain', () => {
  it('explains an out claim down to the unattacked claim that settles it, and lists who answered it', () => {
    const e = json(['explain', 'ec-reply-2022.technology-neutral']);
    expect(e).toMatchObject({ label: 'out', status: 'answered', explanation: { claimId: 'ec-reply-2022.technology-neutral', reason: 'defeated' } });
    // Follow the chain of defeaters: it ends at a claim nothing attacks.
    let node = e.explanation;
    while (node.attackers.length > 0) node = node.attackers[0];
    expect(node).toMatchObject({ label: 'in', reason: 'unattacked' });
    expect(e.answers.map((a: { from: string }) => a.from)).toContain(e.explanation.attackers[0].claimId);
  });

  it('reads as sentences in the terminal', async () => {
    const r = await runCli(['explain', 'ec-reply-2022.technology-neutral', '--width', '80']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Why out: rebutted by sme-letter-2025.scanning-breaks-encryption, which is in');
    expect(r.stdout).toContain('in: nothing attacks it');
    expect(r.stdout).toContain('Answered by:');
  });

  it('a cycle of attacks leaves both claims undecided, and says so', async () => {
    const HEAD = (id: string) => `source:\n  id: ${id}\n  kind: letter\n  title: ${id}\n  authors: [${id}]\n  date: 2024\n`;
    const dir = tempDir({
      'arguments/a.yaml': `${HEAD('a')}claims:\n  - {id: a.x, summary: X holds., quote: q, rebuts: b.y}\n  - {id: a.z, summary: Z holds., quote: q, rebuts: a.x}\n`,
      'arguments/b.yaml': `${HEAD('b')}claims:\n  - {id: b.y, summary: Y holds., quote: q, rebuts: a.x}\n`,
    });
    const e = json(['explain', 'b.y'], dir);
    expect(e).toMatchObject({ label: 'in', explanation: { reason: 'attackers-out' } });
    const r = await runCli(['explain', 'b.y'], { cwd: dir });
    expect(r.stdout).toContain('Why in: its one attacker is out');
    expect(r.stdout).toContain('out: rebutted by a.z, which is in');
    const plain = tempDir({
      'arguments/a.yaml': `${HEAD('a')}claims:\n  - {id: a.x, summary: X holds., quote: q, rebuts: b.y}\n`,
      'arguments/b.yaml': `${HEAD('b')}claims:\n  - {id: b.y, summary: Y holds., quote: q, rebuts: a.x}\n`,
    });
    const cycle = await runCli(['explain', 'a.x'], { cwd: plain });
    expect(cycle.stdout).toContain('undecided: no attacker is in, and 1 undecided attacker keeps it open');
    expect(cycle.stdout).toContain('the cycle closes here');
    expect(json(['status'], plain).counts.labels).toEqual({ in: 0, out: 0, undecided: 2 });
  });

  it('an unknown id gets the closest ids; a source id is pointed to status; no map is exit 2', async () => {
    let r = await runCli(['explain', 'ec-reply-2022.technology-neutrl']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("no claim 'ec-reply-2022.technology-neutrl'; the closest: ec-reply-2022.technology-neutral");
    r = await runCli(['explain', 'ec-reply-2022']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('is a source; explain takes a claim id');
    r = await runCli(['explain', 'x.y', 'nowhere']);
    expect(r.code).toBe(2);
  });
});

describe('labels in tree, unanswered and stats', () => {
  it('tree and unanswered carry the label in text and JSON', async () => {
    const tree = json(['tree', '--from', 'ec-reply-2022.technology-neutral']);
    expect(tree.sections[0].roots[0]).toMatchObject({ id: 'ec-reply-2022.technology-neutral', status: 'answered', label: 'out' });
    const unanswered = json(['unanswered', '--source', 'ec-reply-2022']);
    expect(unanswered.groups[0].claims.every((c: { label: string }) => ['in', 'out', 'undecided'].includes(c.label))).toBe(true);
    const text = await runCli(['tree', '--from', 'ec-reply-2022.technology-neutral', '--ascii']);
    expect(text.stdout).toContain('ec-reply-2022.technology-neutral  answered - out');
  });
});

describe('riposte status in CI', () => {
  it('each listed claim is a finding at its place; --fail-on-listed gates on them', () => {
    let r = runBin(['status', '--source', 'cs-letter-2022', '--label', 'out', '-f', 'github', '--fail-on-listed']);
    expect(r.code).toBe(1);
    const lines = r.stdout.trim().split('\n');
    expect(lines.length).toBe(json(['status', '--source', 'cs-letter-2022', '--label', 'out']).total);
    expect(lines.every((l) => /^::error file=arguments\/cs-letter-2022\.yaml,line=\d+,col=\d+,title=riposte claim-status::/.test(l))).toBe(true);
    r = runBin(['status', '--source', 'cs-letter-2022', '--label', 'undecided', '--fail-on-listed']);
    expect(r.code).toBe(0);
    const dir = tempDir();
    r = runBin(['status', '--label', 'out', '-f', 'sarif', '-o', `junit=${path.join(dir, 'status.xml')}`]);
    expect(r.code).toBe(0);
    const sarif = JSON.parse(r.stdout);
    expect(sarif.runs[0].results.every((x: { ruleId: string; level: string }) => x.ruleId === 'claim-status' && x.level === 'warning')).toBe(true);
    expect(readFileSync(path.join(dir, 'status.xml'), 'utf8')).toContain('claim-status');
  });
});
