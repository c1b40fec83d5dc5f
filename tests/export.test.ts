import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { repoRoot, runBin, tempDir } from './helpers.js';

const HOSTILE = `He said "no" \\ then ]]> --> <script>alert(1)</script> [x] {y} (z) | a;b # c & d \`e\` \u001b[31m\u0007 end\nnext line`;

/** A small map whose text carries every syntax character an exporter could trip on. */
function hostileMap(): string {
  const head = (id: string, title: string) => `source:\n  id: ${id}\n  kind: letter\n  title: ${JSON.stringify(title)}\n  authors: [${JSON.stringify(title)}]\n  date: 2024\n`;
  return tempDir({
    'arguments/a.yaml': `${head('a', HOSTILE)}claims:\n  - id: a.one\n    summary: ${JSON.stringify(HOSTILE)}\n    quote: q\n`,
    'arguments/b.yaml': `${head('b', 'B')}claims:\n  - id: b.two\n    summary: ${JSON.stringify(HOSTILE)}\n    quote: q\n    rebuts:\n      - to: a.one\n        note: ${JSON.stringify(HOSTILE)}\n  - id: b.three\n    summary: x\n    quote: q\n    supports: b.two\n`,
  });
}

const run = (args: string[], cwd?: string) => {
  const r = runBin(args, cwd ? { cwd } : {});
  expect(r.code, r.stderr).toBe(0);
  return r.stdout;
};

describe('riposte export on the shipped map', () => {
  it('json: every claim and relation, with status and label, and no file positions', () => {
    const data = JSON.parse(run(['export', 'json']));
    const stats = JSON.parse(run(['stats', '-f', 'json']));
    expect(data.claims.length).toBe(stats.claims);
    expect(data.relations.length).toBe(stats.relations.total);
    expect(data.sources.length).toBe(stats.sources);
    expect(JSON.stringify(data)).not.toContain('"pointer"');
    expect(data.claims.find((c: { id: string }) => c.id === 'ec-reply-2022.technology-neutral')).toMatchObject({ status: 'answered', label: 'out' });
  });

  it('dot: Graphviz renders it', () => {
    const dot = run(['export', 'dot']);
    expect(dot).toMatch(/^digraph riposte \{/);
    if (spawnSync('dot', ['-V']).status !== 0) return; // Graphviz not installed here
    const svg = spawnSync('dot', ['-Tsvg'], { input: dot, encoding: 'utf8' });
    expect(svg.status, svg.stderr).toBe(0);
    // Graphviz writes '-' as &#45; in SVG text.
    expect(svg.stdout.replace(/&#45;/g, '-')).toContain('ec-reply-2022.technology-neutral');
  });

  it('graphml: well-formed XML with typed keys, a node per source and claim', () => {
    const xml = run(['export', 'graphml']);
    expect(XMLValidator.validate(xml)).toBe(true);
    const doc = new XMLParser({ ignoreAttributes: false }).parse(xml);
    const stats = JSON.parse(run(['stats', '-f', 'json']));
    expect(doc.graphml.graph.node.length).toBe(stats.sources + stats.claims);
    expect(doc.graphml.key.every((k: Record<string, string>) => k['@_attr.type'] === 'string')).toBe(true);
  });

  it('mermaid: --from and --depth keep it to a readable subtree', () => {
    const mermaid = run(['export', 'mermaid', '--from', 'ec-reply-2022.technology-neutral', '--depth', '1']);
    expect(mermaid.split('\n')[0]).toBe('flowchart BT');
    // The claim and the claims that answer or support it, one level down, and no more.
    const responders = JSON.parse(run(['tree', '--from', 'ec-reply-2022.technology-neutral', '--depth', '1', '-f', 'json'])).sections[0].roots[0].children.length;
    expect(responders).toBeGreaterThan(2);
    expect((mermaid.match(/^ {4}n\d+\[/gm) ?? []).length).toBe(1 + responders);
    expect(mermaid).toContain('|rebuts|');
    expect(mermaid).toContain('|supports|');
  });

  it('csv: the files neo4j-admin imports, one field count per row', () => {
    const dir = tempDir();
    run(['export', 'csv', '--texts', '.', '-o', path.join(dir, 'neo4j')]);
    const nodes = readFileSync(path.join(dir, 'neo4j/nodes.csv'), 'utf8').trimEnd().split('\n');
    const rels = readFileSync(path.join(dir, 'neo4j/relationships.csv'), 'utf8').trimEnd().split('\n');
    expect(nodes[0]).toBe('id:ID,:LABEL,title,summary,date,authors:string[],status,label,type');
    expect(rels[0]).toBe(':START_ID,:END_ID,:TYPE,note');
    const stats = JSON.parse(run(['stats', '-f', 'json']));
    expect(rels.length - 1).toBe(stats.claims + stats.relations.total);
  });

  it('apx: imported back, the labels are the same', () => {
    const dir = tempDir();
    run(['export', 'apx', '-o', path.join(dir, 'map.apx')]);
    run(['import', 'apx', 'map.apx', '-o', 'back'], dir);
    const back = JSON.parse(run(['status', 'back', '-f', 'json'], dir));
    const original = JSON.parse(run(['status', '-f', 'json']));
    expect(back.counts.labels).toEqual(original.counts.labels);
  });

  it('an unknown format, csv without -o, an unknown --from: exit 2', () => {
    for (const args of [['export', 'pdf'], ['export', 'csv'], ['export', 'dot', '--from', 'nobody']]) expect(runBin(args).code, args.join(' ')).toBe(2);
  });
});

describe('hostile text stays text in every export', () => {
  const dir = hostileMap();

  it('dot: quotes and backslashes escaped, control characters gone; Graphviz parses it', () => {
    const dot = run(['export', 'dot', '--no-texts'], dir);
    // eslint-disable-next-line no-control-regex
    expect(dot).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/);
    expect(dot).toContain('He said \\"no\\" \\\\ then');
    if (spawnSync('dot', ['-V']).status !== 0) return;
    const svg = spawnSync('dot', ['-Tsvg'], { input: dot, encoding: 'utf8' });
    expect(svg.status, svg.stderr).toBe(0);
    expect(svg.stdout).not.toContain('<script>');
    expect(svg.stdout).toContain('&lt;script&gt;');
  });

  it('mermaid: no character of the map is Mermaid or HTML syntax', () => {
    const mermaid = run(['export', 'mermaid'], dir);
    const labels = [...mermaid.matchAll(/\["(.*)"\]/g)].map((m) => m[1]!);
    // Once the entity codes (#34;) and riposte's own <br/> and <i> are taken out, no syntax is left.
    for (const label of labels) expect(label.replace(/<br\/>|<\/?i>/g, '').replace(/#\d+;/g, '')).not.toMatch(/["<>[\]{}()|`;#\\]/);
    // eslint-disable-next-line no-control-regex
    expect(mermaid).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/);
    expect(mermaid).toContain('#60;script#62;');
  });

  it('graphml: well-formed, the text intact as data', () => {
    const xml = run(['export', 'graphml'], dir);
    expect(XMLValidator.validate(xml)).toBe(true);
    const doc = new XMLParser({ ignoreAttributes: false }).parse(xml);
    const summary = doc.graphml.graph.node.find((n: Record<string, unknown>) => n['@_id'] === 'a.one').data.find((d: Record<string, string>) => d['@_key'] === 'n_summary')['#text'];
    expect(summary).toContain('He said &quot;no&quot;'.replace(/&quot;/g, '"'));
    expect(summary).toContain(']]> --> <script>');
  });

  it('csv: a field with quotes, commas and a line break is one field', () => {
    const out = tempDir();
    run(['export', 'csv', '-o', path.join(out, 'csv')], dir);
    const text = readFileSync(path.join(out, 'csv/relationships.csv'), 'utf8');
    expect(text).toContain('b.two,a.one,REBUTS,"He said ""no"" \\ then');
    // eslint-disable-next-line no-control-regex
    expect(text).not.toMatch(/[\u0000-\u0009\u000b\u000c\u000e-\u001f]/);
  });

  it('aif: JSON that carries the text exactly, and imports back valid; apx: names of [a-z0-9_] only', () => {
    const aif = JSON.parse(run(['export', 'aif'], dir));
    expect(aif.nodes.filter((n: { type: string }) => n.type === 'I').map((n: { text: string }) => n.text)).toContain(HOSTILE);
    const out = tempDir();
    run(['export', 'aif', '-o', path.join(out, 'h.json')], dir);
    run(['import', 'aif', 'h.json', '-o', 'back'], out);
    expect(JSON.parse(runBin(['validate', 'back', '--no-texts', '-f', 'json'], { cwd: out }).stdout).summary.errors).toBe(0);
    const apx = run(['export', 'apx'], dir);
    for (const line of apx.split('\n').filter((l) => /^(arg|att)\(/.test(l))) expect(line).toMatch(/^(arg\([a-z0-9_]+\)|att\([a-z0-9_]+,[a-z0-9_]+\))\.$/);
  });

  it('json: the text round-trips exactly', () => {
    const data = JSON.parse(run(['export', 'json'], dir));
    expect(data.claims.find((c: { id: string }) => c.id === 'a.one').summary).toBe(HOSTILE);
  });
});

describe('round trips', () => {
  it('aif: import(export(map)) keeps every claim, every source, every support and every attack (concessions and questions have no AIF form)', () => {
    const dir = tempDir();
    run(['export', 'aif', '-o', path.join(dir, 'map.json')]);
    run(['import', 'aif', 'map.json', '-o', 'back'], dir);
    const validate = runBin(['validate', 'back', '--no-texts', '-f', 'json'], { cwd: dir });
    expect(JSON.parse(validate.stdout).summary.errors).toBe(0);
    const [before, after] = [JSON.parse(run(['stats', '-f', 'json'])), JSON.parse(run(['stats', 'back', '-f', 'json'], dir))];
    expect(after.claims).toBe(before.claims);
    expect(after.sources).toBe(before.sources);
    expect(after.relations.supports).toBe(before.relations.supports);
    const attacks = (s: { relations: Record<string, number> }) => s.relations.rebuts! + s.relations.undermines! + s.relations.undercuts!;
    expect(attacks(after)).toBe(attacks(before));
    expect(after.relations.concedes + after.relations.questions).toBe(0);
  });

  it.each(['nodeset118.json', 'nodeset132.json', 'nodeset543.json', 'nodeset664.json'])('aif corpus %s: export(import(file)) has as many I-nodes and argument nodes', (file) => {
    const input = path.resolve(repoRoot, '..', 'shared', 'corpora', 'aif', file);
    const dir = tempDir();
    run(['import', 'aif', input, '-o', 'map'], dir);
    const exported = JSON.parse(run(['export', 'aif', 'map'], dir));
    const original = JSON.parse(readFileSync(input, 'utf8'));
    const count = (doc: { nodes: { type: string }[] }, type: string) => doc.nodes.filter((n) => n.type === type).length;
    expect(count(exported, 'I')).toBe(count(original, 'I'));
    // One RA per premise and conclusion pair: as many as the original's RA edges pairs.
    expect(count(exported, 'RA') + count(exported, 'CA')).toBe(JSON.parse(run(['stats', 'map', '-f', 'json'], dir)).relations.total);
  });
});

describe('argdown', () => {
  const parse = async (text: string) => {
    const core = ((await import('@argdown/core')) as unknown as { default: Record<string, new () => unknown> }).default;
    const app = new core.ArgdownApplication!() as { addPlugin(p: unknown, s: string): void; run(r: object): { parserErrors?: unknown[]; lexerErrors?: unknown[]; statements?: Record<string, { members: { text: string }[] }>; relations?: unknown[] } };
    app.addPlugin(new core.ParserPlugin!(), 'parse-input');
    app.addPlugin(new core.DataPlugin!(), 'build-model');
    app.addPlugin(new core.ModelPlugin!(), 'build-model');
    return app.run({ input: text, process: ['parse-input', 'build-model'], logLevel: 'error' });
  };

  it('the export of the shipped map parses with @argdown/core without errors, a statement per claim', async () => {
    const text = run(['export', 'argdown']);
    const result = await parse(text);
    expect(result.parserErrors ?? []).toEqual([]);
    expect(result.lexerErrors ?? []).toEqual([]);
    expect(Object.keys(result.statements ?? {}).length).toBe(JSON.parse(run(['stats', '-f', 'json'])).claims);
  });

  it('hostile text stays text: Argdown reads back exactly the summary', async () => {
    const dir = hostileMap();
    const result = await parse(run(['export', 'argdown'], dir));
    expect(result.parserErrors ?? []).toEqual([]);
    const texts = Object.values(result.statements ?? {}).flatMap((s) => s.members.map((m) => m.text));
    // eslint-disable-next-line no-control-regex
    expect(texts).toContain(HOSTILE.replace(/[\u0000-\u001f]+/g, ' ').trim());
  });

  it('round trip: import(export(map)) keeps every claim, source, support and attack (attacks come back as rebuts)', () => {
    const dir = tempDir();
    run(['export', 'argdown', '-o', path.join(dir, 'map.argdown')]);
    run(['import', 'argdown', 'map.argdown', '-o', 'back'], dir);
    expect(JSON.parse(runBin(['validate', 'back', '--no-texts', '-f', 'json'], { cwd: dir }).stdout).summary.errors).toBe(0);
    const [before, after] = [JSON.parse(run(['stats', '-f', 'json'])), JSON.parse(run(['stats', 'back', '-f', 'json'], dir))];
    expect([after.claims, after.sources, after.relations.supports]).toEqual([before.claims, before.sources, before.relations.supports]);
    expect(after.relations.rebuts).toBe(before.relations.rebuts + before.relations.undermines + before.relations.undercuts);
  });

  it.each(['argdown-primer.argdown', 'intro.argdown', 'semmelweis_betz.argdown'])('corpus %s: imported, valid, exported, and parsed again without errors', async (file) => {
    const dir = tempDir();
    run(['import', 'argdown', path.resolve(repoRoot, '..', 'shared', 'corpora', 'argdown', file), '-o', 'map'], dir);
    expect(JSON.parse(runBin(['validate', 'map', '--no-texts', '-f', 'json'], { cwd: dir }).stdout).summary.errors).toBe(0);
    const again = await parse(run(['export', 'argdown', 'map'], dir));
    expect(again.parserErrors ?? []).toEqual([]);
  });
});

describe('json round trip', () => {
  it('import(export(map)) gives back the same map: validate passes with quotes checked, and the export is the same', () => {
    const dir = tempDir();
    run(['export', 'json', '-o', path.join(dir, 'map.json')]);
    run(['import', 'json', 'map.json', '-o', 'back'], dir);
    const validate = runBin(['validate', 'back', '--texts', path.resolve(repoRoot, '..', 'shared', 'seeds'), '--strict'], { cwd: dir });
    expect(validate.code, validate.stderr).toBe(0);
    expect(JSON.parse(run(['export', 'json', 'back'], dir))).toEqual(JSON.parse(readFileSync(path.join(dir, 'map.json'), 'utf8')));
  });
});
