// Seeded generator of synthetic debate maps for the benchmark and the parser differential test.
// The same seed gives the same map, byte for byte.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** mulberry32: a small, well-known seeded PRNG. */
export function prng(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = (
  'encryption privacy detection scanning proportionality children safety providers messages authority ' +
  'court order risk security confidentiality service regulation proposal council parliament evidence ' +
  'rights data protection innovation industry users technology voluntary measures abuse material report'
).split(' ');
const KINDS = ['supports', 'rebuts', 'undermines', 'undercuts', 'concedes', 'questions'];

function sentence(random, words) {
  const out = [];
  for (let i = 0; i < words; i++) out.push(WORDS[Math.floor(random() * WORDS.length)]);
  const text = out.join(' ');
  return text[0].toUpperCase() + text.slice(1) + '.';
}

/**
 * Write a map of `claims` claims, `perFile` to a file, with one text file per source holding
 * every quote, under `dir` (maps in dir/arguments, texts in dir/texts). Returns the paths.
 */
export function generateMap({ claims, perFile = 100, seed = 1, dir }) {
  const random = prng(seed);
  const argumentsDir = path.join(dir, 'arguments');
  const textsDir = path.join(dir, 'texts');
  mkdirSync(argumentsDir, { recursive: true });
  mkdirSync(textsDir, { recursive: true });
  const files = Math.ceil(claims / perFile);
  const ids = [];
  for (let f = 0; f < files; f++) {
    const sourceId = `s${f}`;
    // Dates rise with the file number, so every response comes after what it answers.
    const date = new Date(Date.UTC(2020, 0, 1) + Math.floor((f / files) * 6 * 365) * 86_400_000).toISOString().slice(0, 10);
    const lines = [
      '# yaml-language-server: $schema=../../schemas/riposte.schema.json',
      'source:',
      `  id: ${sourceId}`,
      `  kind: ${f % 3 === 0 ? 'letter' : f % 3 === 1 ? 'reply' : 'statement'}`,
      `  title: "Synthetic document ${f}"`,
      '  authors:',
      `    - Organisation ${f % 97}`,
      `  date: "${date}"`,
      `  text: ${sourceId}.txt`,
      'claims:',
    ];
    const text = [`Synthetic document ${f}`, ''];
    const count = Math.min(perFile, claims - f * perFile);
    const own = [];
    for (let c = 0; c < count; c++) {
      const id = `${sourceId}.c${c}`;
      const quote = sentence(random, 12 + Math.floor(random() * 12));
      text.push(quote, '');
      lines.push(`  - id: ${id}`, `    summary: "${sentence(random, 10)}"`, `    quote: "${quote}"`, `    tags: [${WORDS[c % WORDS.length]}]`);
      // Respond to a claim of an earlier source, as debates do.
      if (ids.length > 0 && random() < 0.6) {
        const target = ids[Math.floor(random() * ids.length)];
        lines.push(`    ${KINDS[Math.floor(random() * KINDS.length)]}: ${target}`);
      }
      own.push(id);
    }
    ids.push(...own);
    if (ids.length > 5000) ids.splice(0, ids.length - 5000);
    writeFileSync(path.join(argumentsDir, `${sourceId}.yaml`), lines.join('\n') + '\n');
    writeFileSync(path.join(textsDir, `${sourceId}.txt`), text.join('\n'));
  }
  return { argumentsDir, textsDir, files };
}

const ACCENTED = ['données', 'Überwachung', 'confidentialité', 'Verschlüsselung', 'straße', '“private”', 'naïve', 'façade'];
const WIDE = ['数据保护', '加密', 'プライバシー', '🔒', '👨‍👩‍👧'];

/** 10 to 150 words, now and then a non-ASCII or a wide one: real debates are written in many languages. */
function longSentence(random) {
  const words = 10 + Math.floor(random() ** 2 * 140);
  const out = [];
  for (let i = 0; i < words; i++) {
    const r = random();
    out.push(r < 0.03 ? ACCENTED[Math.floor(random() * ACCENTED.length)] : r < 0.04 ? WIDE[Math.floor(random() * WIDE.length)] : WORDS[Math.floor(random() * WORDS.length)]);
  }
  const text = out.join(' ');
  return text[0].toUpperCase() + text.slice(1) + '.';
}

/**
 * A map shaped like a real debate rather than a tidy one: few sources holding thousands of
 * claims each, threads of responses 20 and more deep with the fan-out of real discussions,
 * summaries of 10 to 150 words with some non-ASCII and wide characters. With `quotes: false`
 * no claim has a quote (a warning on every claim); `errors: true` puts a mistake in 1% of the
 * files (at least one). Written under dir/arguments; no texts.
 */
export function generateDebateMap({ claims, seed = 1, dir, quotes = false, errors = false }) {
  const random = prng(seed);
  const argumentsDir = path.join(dir, 'arguments');
  mkdirSync(argumentsDir, { recursive: true });
  const sources = Math.max(4, Math.ceil(claims / 4000));
  const bySource = Array.from({ length: sources }, () => []);
  /** Open threads: each the chain of claim ids from its opening to its latest response. */
  const threads = [];
  /** The thread each claim is the latest of. */
  const threadOfTip = new Map();
  for (let i = 0; i < claims; i++) {
    const claim = { id: '', summary: longSentence(random), relation: undefined };
    let source = Math.floor(random() * sources);
    if (threads.length === 0 || random() < 0.03) {
      threads.push([]);
    } else {
      // Mostly the recent threads; deep chains by answering the latest claim, fan-out by answering one above it.
      const thread = threads[threads.length - 1 - Math.floor(random() ** 3 * Math.min(threads.length, 200))];
      const deep = random() < 0.8;
      const target = deep ? thread[thread.length - 1] : thread[Math.floor(random() * thread.length)];
      const targetSource = Number(target.slice(1, target.indexOf('.')));
      if (source === targetSource) source = (source + 1 + Math.floor(random() * (sources - 1))) % sources;
      const kind = random() < 0.45 ? 'rebuts' : random() < 0.6 ? 'supports' : KINDS[Math.floor(random() * KINDS.length)];
      claim.relation = `${kind}: ${target}`;
      if (!deep) threads.push(thread.slice(0, thread.indexOf(target) + 1));
    }
    claim.id = `d${source}.c${bySource[source].length}`;
    bySource[source].push(claim);
    const thread = threads[threads.length - 1];
    const target = claim.relation?.slice(claim.relation.indexOf(' ') + 1);
    const holder = (target && threadOfTip.get(target)) ?? thread;
    if (target) threadOfTip.delete(target);
    holder.push(claim.id);
    threadOfTip.set(claim.id, holder);
    if (threads.length > 2000) threads.splice(0, threads.length - 2000);
  }
  const broken = new Set();
  if (errors) for (let k = 0; k < Math.max(1, Math.round(sources / 100)); k++) broken.add(Math.floor(random() * sources));
  for (let s = 0; s < sources; s++) {
    // One day for every source: responses across sources are then never dated before what they answer.
    const date = '2024-05-01';
    const lines = ['source:', `  id: d${s}`, '  kind: statement', `  title: "Debate document ${s}"`, '  authors:', `    - Participant ${s}`, `  date: "${date}"`, 'claims:'];
    for (const claim of bySource[s]) {
      lines.push(`  - id: ${claim.id}`, `    summary: "${claim.summary}"`);
      if (quotes) lines.push(`    quote: "${claim.summary.slice(0, 80)}"`);
      if (claim.relation) lines.push(`    ${claim.relation}`);
    }
    if (broken.has(s)) lines.push('  - id: broken.claim', '    summary: "A claim that answers nothing that exists."', '    rebuts: nowhere.at-all');
    writeFileSync(path.join(argumentsDir, `d${s}.yaml`), lines.join('\n') + '\n');
  }
  return { argumentsDir, files: sources };
}
