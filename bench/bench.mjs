// npm run bench: riposte's speed and memory on generated maps of 1k, 10k and 100k claims,
// against two baselines measured in the same run: `node -e 0` (the floor for any Node CLI)
// and ajv-cli validating the same files against the same schema.
//
// Each command runs BENCH_RUNS times (default 7; 5 for 100k claims and for the debate-shaped maps), the commands interleaved;
// the table gives the median wall time and the largest peak resident memory. Peak memory comes from GNU time
// (/usr/bin/time, Debian package `time`); without it only times are reported.
//
// BENCH_SIZES picks the sizes and BENCH_PARTS the parts (standard, labelling, debate, interop,
// diff, web): `BENCH_SIZES=10000,100000,1000000 BENCH_PARTS=standard,debate BENCH_RUNS=1` shows
// the growth from 10k to 1M claims in a quarter of an hour.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateDebateMap, generateMap, prng } from './generate.mjs';
import { webBench } from './web.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'bench', '.out');
const riposte = path.join(root, 'bin', 'riposte.js');
const ajvCli = path.join(root, 'node_modules', 'ajv-cli', 'dist', 'index.js');
const schema = path.join(root, 'schemas', 'riposte.schema.json');
const gnuTime = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
const sizes = (process.env.BENCH_SIZES ?? '1000,10000,100000').split(',').map(Number);
// Which parts run (all by default): a run at 1M claims can leave out those that only repeat the
// large sizes' figures (labelling has its own size; interop, diff and web run on the tidy maps).
const PARTS = ['standard', 'labelling', 'debate', 'interop', 'diff', 'web'];
const parts = new Set((process.env.BENCH_PARTS ?? PARTS.join(',')).split(','));
for (const part of parts) if (!PARTS.includes(part)) throw new Error(`BENCH_PARTS: unknown part '${part}' (${PARTS.join(', ')})`);
const SEED = 20221105;

/** Time and peak memory of one run. stdout 'pipe': the output goes through a pipe this process reads, as `riposte tree | less` does. */
function measure(args, cwd, stdout = 'ignore') {
  const node = process.execPath;
  if (gnuTime) {
    const report = path.join(out, 'time.txt');
    const start = process.hrtime.bigint();
    const r = spawnSync(gnuTime, ['-f', '%M', '-o', report, node, ...args], { cwd, stdio: ['ignore', stdout, 'pipe'], maxBuffer: 1 << 30 });
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    const kb = Number(readFileSync(report, 'utf8').trim().split('\n').pop());
    return { ms, mb: kb / 1024, status: r.status };
  }
  const start = process.hrtime.bigint();
  const r = spawnSync(node, args, { cwd, stdio: ['ignore', stdout, 'pipe'], maxBuffer: 1 << 30 });
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, mb: NaN, status: r.status };
}

/**
 * Run every command `runs` times, interleaved (a, b, c, a, b, c...) so that drift in the
 * machine's speed falls on all of them alike; return the median time and the largest peak
 * memory of each. A command runs in `cwd` unless it names a directory of its own.
 */
function measureAll(commands, cwd, runs) {
  const results = Object.fromEntries(Object.keys(commands).map((name) => [name, []]));
  for (let i = 0; i < runs; i++) {
    for (const [name, { args, status, dir, stdout }] of Object.entries(commands)) {
      const r = measure(args, dir ?? cwd, stdout);
      if (r.status !== status) throw new Error(`${args.join(' ')} exited ${r.status}, expected ${status}`);
      results[name].push(r);
    }
  }
  return Object.fromEntries(
    Object.entries(results).map(([name, list]) => {
      const times = list.map((r) => r.ms).sort((a, b) => a - b);
      return [name, { ms: times[Math.floor(times.length / 2)], mb: Math.max(...list.map((r) => r.mb)) }];
    }),
  );
}

const fmtMs = (ms) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`);
const fmtMb = (mb) => (Number.isNaN(mb) ? 'n/a' : `${mb.toFixed(0)} MB`);

mkdirSync(out, { recursive: true });
if (!existsSync(path.join(root, 'dist', 'cli.js'))) execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });

const rows = [];
for (const claims of parts.has('standard') ? sizes : []) {
  const dir = path.join(out, String(claims));
  rmSync(dir, { recursive: true, force: true });
  const { files } = generateMap({ claims, perFile: 100, seed: SEED, dir });
  const runs = Number(process.env.BENCH_RUNS ?? (claims >= 100000 ? 5 : 7));
  process.stderr.write(`${claims} claims in ${files} files, ${runs} runs each...\n`);
  const measured = measureAll(
    {
      floor: { args: ['-e', '0'], status: 0 },
      ajv: { args: [ajvCli, 'validate', '-s', schema, '-d', 'arguments/*.yaml', '--spec=draft2020', '--all-errors', '--allow-union-types'], status: 0 },
      version: { args: [riposte, '--version'], status: 0 },
      validate: { args: [riposte, 'validate', 'arguments', '--texts', 'texts', '--strict'], status: 0 },
      unanswered: { args: [riposte, 'unanswered', 'arguments', '--format', 'json'], status: 0 },
      tree: { args: [riposte, 'tree', 'arguments', '--width', '80'], status: 0 },
      stats: { args: [riposte, 'stats', 'arguments'], status: 0 },
    },
    dir,
    runs,
  );
  rows.push({ claims, files, ...measured });
}

const lines = [];
lines.push(`riposte benchmark, ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, median of the runs; ratios against baselines measured in the same run`);
lines.push('');
lines.push('Every riposte command with its peak memory and its ratio to `riposte validate` in the same run.');
lines.push('');
lines.push('| claims | node -e 0 | ajv-cli validate | riposte --version | riposte validate | unanswered --format json | tree --width 80 | stats | --version / node -e 0 | validate / ajv-cli |');
lines.push('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const r of rows) {
  const cell = (m) => `${fmtMs(m.ms)}, ${fmtMb(m.mb)} (${(m.ms / r.validate.ms).toFixed(2)}x)`;
  lines.push(
    `| ${r.claims} | ${fmtMs(r.floor.ms)} | ${fmtMs(r.ajv.ms)}, ${fmtMb(r.ajv.mb)} | ${fmtMs(r.version.ms)} | ${fmtMs(r.validate.ms)}, ${fmtMb(r.validate.mb)} | ${cell(r.unanswered)} | ${cell(r.tree)} | ${cell(r.stats)} | ${(r.version.ms / r.floor.ms).toFixed(2)}x | ${(r.validate.ms / r.ajv.ms).toFixed(2)}x |`,
  );
}
lines.push('');
// Linear growth: the marginal cost of 1000 more claims, between consecutive sizes, should
// stay flat as maps grow (start-up cost is paid once and drops out).
if (rows.length > 1) {
  lines.push('Marginal time per 1000 more claims (flat means linear growth):');
  for (let i = 1; i < rows.length; i++) {
    const [a, b] = [rows[i - 1], rows[i]];
    const per = (key) => ((b[key].ms - a[key].ms) / ((b.claims - a.claims) / 1000)).toFixed(1);
    lines.push(`- ${a.claims} to ${b.claims} claims: validate ${per('validate')} ms, unanswered ${per('unanswered')} ms, tree ${per('tree')} ms, stats ${per('stats')} ms, ajv-cli ${per('ajv')} ms`);
  }
}
if (parts.has('labelling')) {
  // The grounded labelling: riposte's worklist against a plain adjacency-array one written in
  // bench/labelling.mjs, on the same seeded framework, each in a process of its own.
  const [labelClaims, labelAttacks] = (process.env.BENCH_LABELLING ?? '1000000,5000000').split(',').map(Number);
  const labelRun = (mode, n, m) => {
    const args = ['--max-old-space-size=16000', path.join(root, 'bench', 'labelling.mjs'), mode, String(n), String(m)];
    const report = path.join(out, 'time.txt');
    const r = gnuTime
      ? spawnSync(gnuTime, ['-f', '%M', '-o', report, process.execPath, ...args], { encoding: 'utf8', maxBuffer: 1 << 26 })
      : spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 26 });
    if (r.status !== 0) throw new Error(`labelling ${mode} failed: ${r.stderr}`);
    const mb = gnuTime ? Number(readFileSync(report, 'utf8').trim().split('\n').pop()) / 1024 : NaN;
    return { ...JSON.parse(r.stdout), mb };
  };
  process.stderr.write(`labelling ${labelClaims} claims with ${labelAttacks} attacks...\n`);
  const label = { baseline: [], core: [] };
  for (let i = 0; i < 3; i++) for (const mode of ['baseline', 'core']) label[mode].push(labelRun(mode, labelClaims, labelAttacks));
  const med = (list) => [...list].sort((x, y) => x.ms - y.ms)[1];
  const [base, core] = [med(label.baseline), med(label.core)];
  if (JSON.stringify(base.counts) !== JSON.stringify(core.counts)) throw new Error('the baseline and riposte disagree on the labels');
  // On a graphology graph the labelling first reads the graph into arrays; building a graph of
  // millions of edges takes graphology minutes, so this runs on a fifth of the size.
  const graphRun = labelRun('graph', labelClaims / 5, labelAttacks / 5);
  lines.push('', `Grounded labelling, ${labelClaims} claims and ${labelAttacks} attacks (median of 3, each in its own process):`);
  lines.push(`- plain adjacency arrays (baseline): ${fmtMs(base.ms)}, process peak ${fmtMb(base.mb)}`);
  lines.push(`- riposte's labelAttackGraph: ${fmtMs(core.ms)} (${(core.ms / base.ms).toFixed(2)}x the baseline), process peak ${fmtMb(core.mb)}; labels ${JSON.stringify(core.counts)}`);
  lines.push(`- riposte's groundedLabelling on a graphology graph of ${labelClaims / 5} claims and ${labelAttacks / 5} attacks: ${fmtMs(graphRun.ms)} (building the graph: ${fmtMs(graphRun.build)}), process peak ${fmtMb(graphRun.mb)}`);
  const largest = rows.at(-1);
  if (largest) {
    const onMap = JSON.parse(execFileSync(process.execPath, [path.join(root, 'bench', 'labelling.mjs'), 'map', path.join(out, String(largest.claims))], { encoding: 'utf8' }));
    lines.push(
      `- on the ${largest.claims}-claim map: labelling ${fmtMs(onMap.labelling)}, ${((onMap.labelling / largest.unanswered.ms) * 100).toFixed(1)}% of \`riposte unanswered --format json\` (${fmtMs(largest.unanswered.ms)}); the unanswered report ${fmtMs(onMap.unanswered)} and the tree ${fmtMs(onMap.tree)} in the same process`,
    );
  }
}
if (parts.has('debate')) {
  // Debate-shaped maps, as users' maps are: few sources with thousands of claims each, threads
  // 20 and more deep, long summaries with non-ASCII and wide characters. "clean": every claim
  // quoted (no per-claim warning); "warnings": no quotes (a warning on every claim); "errors":
  // a mistake in 1% of the files. Ratios against validate of the clean variant, in the same run.
  const debate = [];
  for (const claims of sizes.filter((n) => n >= 10_000)) {
    const base = path.join(out, `debate-${claims}`);
    rmSync(base, { recursive: true, force: true });
    for (const [variant, options] of [['clean', { quotes: true }], ['warnings', {}], ['errors', { errors: true }]]) {
      const dir = path.join(base, variant);
      generateDebateMap({ claims, seed: SEED, dir, ...options });
      writeFileSync(path.join(dir, 'riposte.config.yaml'), 'maps: [arguments]\nlimits: {max_file_size_mb: 64}\n');
    }
    const at = (variant) => path.join(base, variant);
    process.stderr.write(`debate-shaped map of ${claims} claims...\n`);
    // Five runs at every size: this is where the ratios against the targets are read.
    const runs = Number(process.env.BENCH_RUNS ?? 5);
    // One interleaved round over the three variants: the clean baseline drifts with the rest.
    const measured = measureAll(
      {
        clean: { args: [riposte, 'validate', '--no-texts'], status: 0, dir: at('clean') },
        validate: { args: [riposte, 'validate', '--no-texts'], status: 0 },
        quiet: { args: [riposte, 'validate', '--no-texts', '-q'], status: 0 },
        unanswered: { args: [riposte, 'unanswered', '--format', 'json'], status: 0 },
        tree: { args: [riposte, 'tree', '--width', '80'], status: 0 },
        // Output read through a pipe: the tree must wait for its reader, not hold its output.
        piped: { args: [riposte, 'tree', '--width', '80'], status: 0, stdout: 'pipe' },
        stats: { args: [riposte, 'stats'], status: 0 },
        errors: { args: [riposte, 'validate', '--no-texts'], status: 1, dir: at('errors') },
      },
      at('warnings'),
      runs,
    );
    const { clean, errors, ...warnings } = measured;
    debate.push({ claims, clean, ...Object.fromEntries(Object.entries(warnings).map(([k, v]) => [`w_${k}`, v])), errors });
  }
  if (debate.length > 0) {
    lines.push('', 'Debate-shaped maps (few sources, threads 20+ deep, long multilingual summaries), median of the runs, with peak memory; ratios against `validate` of the clean variant:', '');
    lines.push('| claims | validate, clean | validate, a warning per claim | validate -q | validate, errors in 1% of files | unanswered --format json | tree --width 80 | tree, read through a pipe | stats |', '|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
    for (const d of debate) {
      const cell = (m) => `${fmtMs(m.ms)}, ${fmtMb(m.mb)} (${(m.ms / d.clean.ms).toFixed(2)}x)`;
      lines.push(`| ${d.claims} | ${fmtMs(d.clean.ms)}, ${fmtMb(d.clean.mb)} | ${cell(d.w_validate)} | ${cell(d.w_quiet)} | ${cell(d.errors)} | ${cell(d.w_unanswered)} | ${cell(d.w_tree)} | ${cell(d.w_piped)} | ${cell(d.w_stats)} |`);
    }
    if (debate.length > 1) {
      const [a, b] = [debate.at(-2), debate.at(-1)];
      const per = (k) => ((b[k].ms - a[k].ms) / ((b.claims - a.claims) / 1000)).toFixed(1);
      lines.push('', `Marginal time per 1000 more claims, ${a.claims} to ${b.claims}: clean validate ${per('clean')} ms, validate with warnings ${per('w_validate')} ms, unanswered ${per('w_unanswered')} ms, tree ${per('w_tree')} ms.`);
    }
  }
}
if (parts.has('interop')) {
  // Import and export: a generated Kialo export (depth first, 25-deep spine, seeded), and the
  // generated maps exported to each format, at each size: marginal cost shows linear growth.
  const kialoText = (claims) => {
    const random = prng(SEED);
    const children = new Map([['1', 0]]);
    const paths = ['1'];
    const kids = new Map([['1', []]]);
    for (let i = 1; i < claims; i++) {
      const parent = i < 25 ? paths[i - 1] : paths[Math.floor(random() * paths.length)];
      const n = children.get(parent) + 1;
      children.set(parent, n);
      const p = `${parent}.${n}`;
      paths.push(p);
      children.set(p, 0);
      kids.set(p, []);
      kids.get(parent).push(`${p}. ${random() < 0.5 ? 'Pro' : 'Con'}: Claim ${i} argues that ${'encryption scanning privacy safety'.split(' ')[i % 4]} matters for point ${Math.floor(random() * 1000)}.`);
    }
    const out = ['Discussion Title: A generated debate', '', '1. The thesis of the generated debate.'];
    const stack = [...kids.get('1')].reverse();
    while (stack.length > 0) {
      const line = stack.pop();
      out.push(line);
      const p = line.slice(0, line.indexOf('. '));
      stack.push(...[...kids.get(p)].reverse());
    }
    return out.join('\n') + '\n';
  };
  const interop = [];
  for (const r of rows) {
    const dir = path.join(out, String(r.claims));
    writeFileSync(path.join(dir, 'kialo.txt'), kialoText(r.claims));
    rmSync(path.join(dir, 'imported'), { recursive: true, force: true });
    const commands = {
      import: { args: [riposte, 'import', 'kialo', 'kialo.txt', '-o', 'imported', '--force'], status: 0 },
      ...Object.fromEntries(['dot', 'mermaid', 'graphml', 'json', 'aif', 'argdown', 'apx'].map((f) => [f, { args: [riposte, 'export', f, 'arguments', '-o', `export.${f}`], status: 0 }])),
      csv: { args: [riposte, 'export', 'csv', 'arguments', '-o', 'export-csv'], status: 0 },
    };
    process.stderr.write(`import and export at ${r.claims} claims...\n`);
    interop.push({ claims: r.claims, ...measureAll(commands, dir, 3) });
  }
  lines.push('', 'Import (a generated Kialo export of N claims) and export (the generated map), median of 3, with peak memory; the last column is `riposte unanswered` on the same map for scale:');
  lines.push('', '| claims | import kialo | export dot | mermaid | graphml | json | aif | argdown | apx | csv | unanswered |', '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const x of interop) {
    const cell = (k) => `${fmtMs(x[k].ms)}, ${fmtMb(x[k].mb)}`;
    lines.push(`| ${x.claims} | ${cell('import')} | ${cell('dot')} | ${cell('mermaid')} | ${cell('graphml')} | ${cell('json')} | ${cell('aif')} | ${cell('argdown')} | ${cell('apx')} | ${cell('csv')} | ${fmtMs(rows.find((r) => r.claims === x.claims).unanswered.ms)} |`);
  }
  if (interop.length > 1) {
    const [a, b] = [interop.at(-2), interop.at(-1)];
    const per = (k) => ((b[k].ms - a[k].ms) / ((b.claims - a.claims) / 1000)).toFixed(1);
    lines.push('', `Marginal time per 1000 more claims, ${a.claims} to ${b.claims}: import ${per('import')} ms, dot ${per('dot')} ms, graphml ${per('graphml')} ms, json ${per('json')} ms, csv ${per('csv')} ms.`);
  }
}
if (parts.has('diff')) {
  // riposte diff: each generated map against a copy with 1% of its claims changed (a revised
  // summary) and one relation per file retyped (rebuts to supports: claims lose their answers).
  const diffs = [];
  for (const r of rows) {
    const dir = path.join(out, String(r.claims));
    const head = path.join(dir, 'diff-head');
    rmSync(head, { recursive: true, force: true });
    cpSync(path.join(dir, 'arguments'), path.join(head, 'arguments'), { recursive: true });
    // Each side its own project (else both would find this repository's config above them).
    for (const side of [dir, head]) writeFileSync(path.join(side, 'riposte.config.yaml'), 'maps: [arguments]\n');
    for (const file of readdirSync(path.join(head, 'arguments'))) {
      const target = path.join(head, 'arguments', file);
      const text = readFileSync(target, 'utf8')
        .replace(/(- id: s\d+\.c0\n {4}summary: ")/g, '$1Revised: ')
        .replace('    rebuts: ', '    supports: ');
      writeFileSync(target, text);
    }
    process.stderr.write(`diff at ${r.claims} claims...\n`);
    const measured = measureAll(
      {
        validate: { args: [riposte, 'validate', 'arguments', '--no-texts'], status: 0 },
        diff: { args: [riposte, 'diff', '.', 'diff-head', '--no-texts', '--format', 'json'], status: 0 },
      },
      dir,
      3,
    );
    diffs.push({ claims: r.claims, ...measured });
  }
  lines.push('', '`riposte diff` of each map against a copy with 1% of its claims changed and a relation per file retyped (directories, `--no-texts`, json), median of 3; `riposte validate --no-texts` of one side in the same run as the baseline:', '');
  lines.push('| claims | validate --no-texts | diff | diff / validate |', '|---:|---:|---:|---:|');
  for (const d of diffs) lines.push(`| ${d.claims} | ${fmtMs(d.validate.ms)}, ${fmtMb(d.validate.mb)} | ${fmtMs(d.diff.ms)}, ${fmtMb(d.diff.mb)} | ${(d.diff.ms / d.validate.ms).toFixed(2)}x |`);
  if (diffs.length > 1) {
    const [a, b] = [diffs.at(-2), diffs.at(-1)];
    lines.push('', `Marginal time per 1000 more claims, ${a.claims} to ${b.claims}: diff ${((b.diff.ms - a.diff.ms) / ((b.claims - a.claims) / 1000)).toFixed(1)} ms, validate ${((b.validate.ms - a.validate.ms) / ((b.claims - a.claims) / 1000)).toFixed(1)} ms.`);
  }
}
if (parts.has('web')) lines.push(...(await webBench({ maps: rows.map((r) => ({ claims: r.claims, dir: path.join(out, String(r.claims)), unanswered: r.unanswered })), riposte, measureAll, fmtMs, fmtMb })));
if (!gnuTime) lines.push('', 'Peak memory not measured: install GNU time (apt-get install time).');
const report = lines.join('\n') + '\n';
process.stdout.write(report);
writeFileSync(path.join(out, 'results.json'), JSON.stringify(rows, null, 2) + '\n');
