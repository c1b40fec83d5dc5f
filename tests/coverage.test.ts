import realStringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { delayBetween } from '../src/graph/coverage.js';
import { runBin, runCli, tempDir } from './helpers.js';

const json = (args: string[], cwd?: string) => {
  const r = runBin([...args, '-f', 'json'], cwd ? { cwd } : {});
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout);
};

describe('riposte coverage on the shipped map', () => {
  const coverage = json(['coverage']);
  const row = (id: string) => coverage.sources.find((s: { source: { id: string } }) => s.source.id === id);

  it('the 2022 letter was answered point by point by its addressee, the Commission', () => {
    expect(row('cs-letter-2022')).toMatchObject({
      addressedTo: ['European Commission'],
      claims: 3,
      answeredByAddressees: 3,
      responders: [{ source: 'ec-reply-2022', claims: 3, answersDocument: true, addressee: true, delay: { unit: 'years', amount: 0, partial: true } }],
    });
    expect(row('cs-letter-2022').addressees).toEqual(expect.arrayContaining(['ec-reply-2022', 'ec-proposal-2022']));
  });

  it('the later letters got no answer from their addressees, and come first', () => {
    const silent = ['industry-2023', 'gec-statement-2024', 'tuta-letter-2024', 'sme-letter-2025'];
    for (const id of silent) expect(row(id), id).toMatchObject({ answeredByAddressees: 0, responders: [] });
    const order = coverage.sources.map((s: { source: { id: string } }) => s.source.id);
    const lastSilent = Math.max(...silent.map((id) => order.indexOf(id)));
    expect(order.indexOf('cs-letter-2022')).toBeGreaterThan(lastSilent);
  });

  it('as text: fits the width, says who never answered', async () => {
    for (const width of [80, 120]) {
      const r = await runCli(['coverage', '--width', String(width)]);
      expect(r.code).toBe(0);
      for (const line of r.stdout.split('\n')) expect(realStringWidth(line), line).toBeLessThanOrEqual(width);
      expect(r.stdout).toMatch(new RegExp(`sme-letter-2025\\s.*Member States\\s+0/${row('sme-letter-2025').claims}\\s+no answer`));
      expect(r.stdout).toContain('got no answer from their addressees');
    }
  });
});

describe('delays at the precision the dates give', () => {
  it.each([
    ['2022-04-28', '2022-06-01', { unit: 'days', amount: 34, partial: false }],
    ['2024-05', '2024-12-09', { unit: 'months', amount: 7, partial: true }],
    ['2022-04-28', '2022', { unit: 'years', amount: 0, partial: true }],
    ['2023', '2025', { unit: 'years', amount: 2, partial: true }],
  ])('%s to %s', (from, to, expected) => {
    expect(delayBetween(from, to)).toEqual(expected);
  });
  it('no date, no delay', () => {
    expect(delayBetween(undefined, '2024')).toBeUndefined();
  });
});

describe('who answered whom in unanswered', () => {
  it('--by counts only answers from the sources named: the Commission left no claim of the 2022 letter unanswered, Member States answered nothing', () => {
    expect(json(['unanswered', '--source', 'cs-letter-2022', '--by', 'European Commission']).total).toBe(0);
    const byMemberStates = json(['unanswered', '--source', 'cs-letter-2022', '--by', 'Member States']);
    expect(byMemberStates.total).toBe(3);
  });

  it('--type demand --addressed-to lists the demands made of the Member States that nobody answered', () => {
    const demands = json(['unanswered', '--type', 'demand', '--addressed-to', 'member states']);
    const ids = demands.groups.flatMap((g: { claims: { id: string }[] }) => g.claims.map((c) => c.id));
    expect(ids).toContain('sme-letter-2025.protect-encryption');
    expect(ids).toContain('tuta-letter-2024.side-with-parliament');
    expect(ids.every((id: string) => id.startsWith('sme-letter-2025.') || id.startsWith('tuta-letter-2024.'))).toBe(true);
  });

  it('an unknown type is a usage error', async () => {
    const r = await runCli(['unanswered', '--type', 'wish']);
    expect(r.code).toBe(2);
  });
});

describe('the format: addressed_to and type', () => {
  const HEAD = 'source:\n  id: s\n  kind: letter\n  title: t\n  authors: [a]\n  date: 2024\n';
  it('are accepted, put in canonical order by fmt, and a wrong type is a finding', async () => {
    const dir = tempDir({ 'm.yaml': `${HEAD}  addressed_to: Member States\nclaims:\n  - summary: Reject it.\n    type: demand\n    id: s.a\n    quote: q\n  - {id: s.b, summary: x, quote: q, type: wish}\n` });
    const r = runBin(['validate', 'm.yaml', '--no-texts', '-f', 'json'], { cwd: dir });
    expect(JSON.parse(r.stdout).diagnostics.map((d: { code: string; line: number }) => [d.code, d.line])).toEqual([['invalid-value', 13]]);
    const fmt = await runCli(['fmt', 'm.yaml'], { cwd: dir });
    expect(fmt.stdout).toContain('  - id: s.a\n    type: demand\n    summary: Reject it.\n');
  });
});
