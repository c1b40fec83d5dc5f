/** Ids for imported maps: readable, within riposte's id rules, the same for the same input. */

const MAX_ID = 64;

/** Lower-case ASCII words of `text` joined by '-', at most `max` characters, cut at a word. */
export function slug(text: string, max = 40): string {
  const words = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  let out = '';
  for (const word of words) {
    const next = out ? `${out}-${word}` : word;
    if (next.length > max) break;
    out = next;
  }
  if (!out && words.length > 0) out = words[0]!.slice(0, max);
  return out;
}

/** Hands out ids that are unique within one import: a number is added to a repeated one. */
export class IdAllocator {
  #used = new Set<string>();

  /** Reserve an exact id (a source's). */
  reserve(id: string): string {
    return this.#unique(id.slice(0, MAX_ID) || 'x');
  }

  /** `<prefix>.<slug of the first words of text>`, or `<prefix>.<fallback>` when text has no letters or digits. */
  claim(prefix: string, text: string, fallback = 'claim'): string {
    const room = MAX_ID - prefix.length - 1 - 4; // keep room for '-999'
    return this.#unique(`${prefix}.${slug(text, Math.max(8, room)) || fallback}`);
  }

  #unique(base: string): string {
    let id = base;
    for (let n = 2; this.#used.has(id); n++) id = `${base}-${n}`;
    this.#used.add(id);
    return id;
  }
}
