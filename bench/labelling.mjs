// The grounded labelling's speed, in one process per measurement (run by bench.mjs, which
// reports peak memory): `node bench/labelling.mjs MODE N M` labels a seeded random framework of
// N claims and M attacks.
//   baseline: a plain adjacency-array worklist written here (arrays of arrays, no typed arrays)
//   core:     riposte's labelAttackGraph on the same attacks
//   graph:    riposte's groundedLabelling on a graphology graph of the map (the build is timed apart)
// `node bench/labelling.mjs map DIR` times the labelling on a generated map against the rest of
// `riposte unanswered` and `riposte tree` on it, in process.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { prng } from './generate.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = (file) => import(path.join(root, 'dist', file));

/** A framework shaped like a debate: a fifth of the claims attack nothing back and are attacked by none. */
function framework(n, m, seed = 7) {
  const random = prng(seed);
  const from = new Int32Array(m);
  const to = new Int32Array(m);
  const open = Math.floor(n * 0.8);
  for (let k = 0; k < m; k++) {
    from[k] = Math.floor(random() * n);
    to[k] = Math.floor(random() * open);
  }
  return { from, to };
}

/** The baseline: the same worklist on plain arrays of arrays. */
function baseline(n, from, to) {
  const out = Array.from({ length: n }, () => []);
  const alive = new Array(n).fill(0);
  for (let k = 0; k < from.length; k++) {
    out[from[k]].push(to[k]);
    alive[to[k]]++;
  }
  const label = new Array(n).fill(0);
  const queue = [];
  for (let i = 0; i < n; i++) {
    if (alive[i] === 0) {
      label[i] = 1;
      queue.push(i);
    }
  }
  for (let h = 0; h < queue.length; h++) {
    const x = queue[h];
    for (const y of out[x]) {
      if (label[x] === 1) {
        if (label[y] === 0) {
          label[y] = 2;
          queue.push(y);
        }
      } else if (--alive[y] === 0 && label[y] === 0) {
        label[y] = 1;
        queue.push(y);
      }
    }
  }
  return label;
}

const time = (fn) => {
  const start = process.hrtime.bigint();
  const value = fn();
  return { value, ms: Number(process.hrtime.bigint() - start) / 1e6 };
};

const [mode, a, b] = process.argv.slice(2);
if (mode === 'map') {
  const { openMap } = await dist('api.js');
  const { groundedLabelling } = await dist('graph/acceptability.js');
  const { unansweredClaims } = await dist('graph/unanswered.js');
  const { unansweredJson } = await dist('render/data.js');
  const { debateTree } = await dist('graph/tree.js');
  const { renderTree } = await dist('render/tree.js');
  // The map's own directory, named: a config file above it must not swap in another map.
  const opened = await openMap([path.resolve(a, 'arguments')], { cwd: path.resolve(a), texts: false });
  const labelling = time(() => groundedLabelling(opened.graph));
  const unanswered = time(() => unansweredJson(unansweredClaims(opened.graph, { labels: labelling.value.labels })));
  const tree = time(() => renderTree(opened.graph, debateTree(opened.graph), { color: false, ascii: false, width: 100, labels: labelling.value.labels }));
  process.stdout.write(JSON.stringify({ labelling: labelling.ms, unanswered: unanswered.ms, tree: tree.ms, counts: labelling.value.counts }) + '\n');
} else {
  const n = Number(a);
  const m = Number(b);
  const { from, to } = framework(n, m);
  let result;
  if (mode === 'baseline') {
    const r = time(() => baseline(n, from, to));
    const counts = [0, 0, 0];
    for (const l of r.value) counts[l]++;
    result = { ms: r.ms, counts: { undecided: counts[0], in: counts[1], out: counts[2] } };
  } else if (mode === 'core') {
    const { labelAttackGraph } = await dist('graph/acceptability.js');
    const r = time(() => labelAttackGraph(n, from, to));
    const counts = [0, 0, 0];
    for (const l of r.value.labels) counts[l]++;
    result = { ms: r.ms, counts: { undecided: counts[0], in: counts[1], out: counts[2] } };
  } else if (mode === 'graph') {
    const { MultiDirectedGraph } = await import('graphology');
    const { groundedLabelling } = await dist('graph/acceptability.js');
    const build = time(() => {
      const graph = new MultiDirectedGraph();
      for (let i = 0; i < n; i++) graph.addNode(`c${i}`, { type: 'claim', claim: { id: `c${i}`, sourceId: 's' } });
      for (let k = 0; k < m; k++) graph.addDirectedEdge(`c${from[k]}`, `c${to[k]}`, { type: 'relation', kind: 'rebuts' });
      return graph;
    });
    const r = time(() => groundedLabelling(build.value));
    result = { ms: r.ms, build: build.ms, counts: r.value.counts };
  } else {
    throw new Error(`unknown mode ${mode}`);
  }
  process.stdout.write(JSON.stringify(result) + '\n');
}
