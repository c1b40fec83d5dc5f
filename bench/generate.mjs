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
