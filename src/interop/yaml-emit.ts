import { escapedDoubleQuoted, INVISIBLE } from '../fmt/escape.js';

/**
 * A map file's data written straight to YAML in the canonical layout `riposte fmt` gives (keys
 * in the order given, two-space indentation, block lists, a blank line between top-level
 * sections and between list entries, each value on one line), without building a YAML
 * document: imports of a hundred thousand claims stay fast. Strings are plain where YAML reads
 * them back as the same string, double-quoted with escapes otherwise.
 */

type Value = string | number | Value[] | { [key: string]: Value };

/** Scalars YAML 1.2's core schema reads as something other than a string. */
const NOT_A_STRING = /^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE|[-+]?(?:0|[1-9][0-9_]*)|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;

/** The scalar as YAML text that reads back as exactly `text`. */
export function yamlScalar(text: string): string {
  const plain =
    text !== '' &&
    text === text.trim() &&
    !/^[-?:,[\]{}#&*!|>'"%@`]/.test(text) &&
    !/: |:$| #|\n|\t/.test(text) &&
    !INVISIBLE.test(text) &&
    !NOT_A_STRING.test(text) &&
    !/^---|^\.\.\./.test(text);
  return plain ? text : escapedDoubleQuoted(text);
}

function scalar(value: string | number): string {
  return typeof value === 'number' ? String(value) : yamlScalar(value);
}

/** Lines of `value` under `key` at `indent` spaces. */
function emit(key: string, value: Value, indent: number, out: string[]): void {
  const pad = ' '.repeat(indent);
  if (typeof value === 'string' || typeof value === 'number') {
    out.push(`${pad}${key}: ${scalar(value)}`);
  } else if (Array.isArray(value)) {
    out.push(`${pad}${key}:`);
    value.forEach((item, i) => {
      if (typeof item === 'string' || typeof item === 'number') {
        out.push(`${pad}  - ${scalar(item)}`);
      } else if (!Array.isArray(item)) {
        // A mapping in a list: its first key on the dash line, the rest below it.
        if (i > 0 && indent === 0) out.push('');
        const entries = Object.entries(item);
        const lines: string[] = [];
        for (const [k, v] of entries) emit(k, v, indent + 4, lines);
        lines[0] = `${pad}  - ${lines[0]!.trimStart()}`;
        out.push(...lines);
      }
    });
  } else {
    out.push(`${pad}${key}:`);
    for (const [k, v] of Object.entries(value)) emit(k, v, indent + 2, out);
  }
}

/** A whole map file: the top-level sections in order, a blank line between them. */
export function emitMapFile(header: string, sections: Record<string, Value>): string {
  const out: string[] = [header];
  Object.entries(sections).forEach(([key, value], i) => {
    if (i > 0) out.push('');
    emit(key, value, 0, out);
  });
  return out.join('\n') + '\n';
}
