import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runBin } from './helpers.js';

/**
 * The README's examples are real: every `$ riposte ...` in a text block is run on the shipped
 * map and its output compared with what the README shows ('...' stands for lines left out).
 * Examples run on another map say so in a comment after the command and are not run here.
 */
// The README and the format documentation: both show real output.
const readme = ['README.md', 'docs/format.md'].map((file) => readFileSync(path.join(repoRoot, file), 'utf8')).join('\n');
const examples: { command: string; expected: string[] }[] = [];
for (const [, block] of readme.matchAll(/```text\n([\s\S]*?)```/g)) {
  let current: { command: string; expected: string[] } | undefined;
  for (const line of block!.split('\n')) {
    const command = /^\$ (riposte .*)$/.exec(line);
    if (command) {
      current = command[1]!.includes('#') ? undefined : { command: command[1]!, expected: [] };
      if (current) examples.push(current);
    } else if (current) {
      current.expected.push(line);
    }
  }
}

describe('the README', () => {
  it('has examples to check', () => {
    expect(examples.length).toBeGreaterThanOrEqual(5);
  });

  it.each(examples.map((e) => [e.command, e] as const))('%s', (_command, { command, expected }) => {
    const args = command.split(/\s+/).slice(1);
    const r = runBin(args);
    const actual = (r.stdout + r.stderr).replace(/\n$/, '').split('\n');
    while (expected.length > 0 && expected[expected.length - 1] === '') expected.pop();
    const gap = expected.indexOf('...');
    if (gap < 0) {
      expect(actual).toEqual(expected);
    } else {
      expect(actual.slice(0, gap)).toEqual(expected.slice(0, gap));
      const tail = expected.slice(gap + 1);
      expect(actual.slice(actual.length - tail.length)).toEqual(tail);
    }
  });
});
