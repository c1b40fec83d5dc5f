// Rewrites the output shown under every `$ riposte ...` example in the README and docs/format.md
// with what the command prints today on the shipped map (tests/readme.test.ts checks them).
// An example that shows '...' keeps as many lines before and after it as it showed.
// Run after changing the map or a report: `npm run build && node scripts/update-examples.mjs`.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = path.join(root, 'bin', 'riposte.js');

function run(command) {
  const args = command.split(/\s+/).slice(1);
  const result = spawnSync(process.execPath, [bin, ...args], { cwd: root, env: { PATH: process.env.PATH ?? '' }, encoding: 'utf8' });
  return (result.stdout + result.stderr).replace(/\n$/, '').split('\n');
}

function refresh(shown, actual) {
  const gap = shown.indexOf('...');
  if (gap < 0) return actual;
  const tail = shown.length - gap - 1;
  if (gap + tail >= actual.length) return actual;
  return [...actual.slice(0, gap), '...', ...actual.slice(actual.length - tail)];
}

function updateBlock(block) {
  const lines = block.split('\n');
  const out = [];
  for (let i = 0; i < lines.length; ) {
    const command = /^\$ (riposte .*)$/.exec(lines[i]);
    out.push(lines[i++]);
    if (!command || command[1].includes('#')) continue;
    const shown = [];
    while (i < lines.length && !lines[i].startsWith('$ ')) shown.push(lines[i++]);
    // Keep the blank lines that separate this example from the next one.
    let trailing = 0;
    while (trailing < shown.length && shown[shown.length - 1 - trailing] === '') trailing++;
    out.push(...refresh(shown.slice(0, shown.length - trailing), run(command[1])), ...shown.slice(shown.length - trailing));
  }
  return out.join('\n');
}

let changed = 0;
for (const file of ['README.md', 'docs/format.md']) {
  const full = path.join(root, file);
  const before = readFileSync(full, 'utf8');
  const after = before.replace(/```text\n([\s\S]*?)```/g, (_match, block) => '```text\n' + updateBlock(block) + '```');
  if (after !== before) {
    writeFileSync(full, after);
    changed++;
    console.log(`updated ${file}`);
  }
}
if (changed === 0) console.log('examples already up to date');
