import { finding, type Finding } from '../diagnostics.js';

/** Limits that keep a hostile file from exhausting time or memory (docs/security.md). */
export interface ParseLimits {
  /** Alias nodes allowed per file; aliases are not needed to write a map. */
  maxAliasCount: number;
  /** Nesting depth of mappings and lists; a map file needs about 6. */
  maxDepth: number;
  /** Keys in one mapping; a claim has at most 16. */
  maxKeys: number;
  /** Bytes per file. */
  maxFileBytes: number;
}

export const DEFAULT_LIMITS: ParseLimits = { maxAliasCount: 100, maxDepth: 64, maxKeys: 1000, maxFileBytes: 4 * 1024 * 1024 };

/**
 * Limits are checked on data without positions. Such a file is not parsed again to find
 * one (that could take as long as the limit exists to prevent): the finding sits at the
 * start of the file and names the place by its JSON pointer.
 */
export function tooDeep(file: string, limits: ParseLimits, offset?: number, pointer = ''): Finding {
  const at = offset === undefined && pointer ? { at: pointer } : {};
  return finding('limit-exceeded', { why: 'depth', max: limits.maxDepth, ...at }, { file, pointer, offset: offset ?? 0 });
}

export interface Shape {
  /** js-yaml resolves an alias to the very same object: a shared node means aliases were used. */
  shared: boolean;
  problem?: (file: string) => Finding;
}

/**
 * One walk over the data, without recursion: aliases (stop at the first when `stopAtShared`),
 * depth, and the widest mapping.
 */
export function inspect(root: unknown, limits: ParseLimits, stopAtShared = true): Shape {
  interface Entry {
    value: object;
    depth: number;
    parent: Entry | undefined;
    key: string;
  }
  // Paths are built only for a finding: the walk itself allocates no strings.
  const pathOf = (entry: Entry | undefined): string => {
    const segments: string[] = [];
    for (let e = entry; e?.parent; e = e.parent) segments.push(e.key.replace(/~/g, '~0').replace(/\//g, '~1'));
    return segments.reverse().map((segment) => `/${segment}`).join('');
  };
  const seen = new Set<object>();
  if (root === null || typeof root !== 'object') return { shared: false };
  const stack: Entry[] = [{ value: root, depth: 0, parent: undefined, key: '' }];
  while (stack.length > 0) {
    const entry = stack.pop()!;
    const { value, depth } = entry;
    if (seen.has(value)) {
      if (stopAtShared) return { shared: true };
      continue;
    }
    seen.add(value);
    if (depth >= limits.maxDepth) return { shared: false, problem: (file) => tooDeep(file, limits, undefined, pathOf(entry)) };
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        const item: unknown = value[i];
        if (item !== null && typeof item === 'object') stack.push({ value: item, depth: depth + 1, parent: entry, key: String(i) });
      }
    } else {
      const keys = Object.keys(value);
      if (keys.length > limits.maxKeys) {
        const path = pathOf(entry);
        return {
          shared: false,
          problem: (file) => finding('limit-exceeded', { why: 'keys', count: keys.length, max: limits.maxKeys, ...(path ? { at: path } : {}) }, { file, pointer: path, offset: 0 }),
        };
      }
      for (const key of keys) {
        const item = (value as Record<string, unknown>)[key];
        if (item !== null && typeof item === 'object') stack.push({ value: item, depth: depth + 1, parent: entry, key });
      }
    }
  }
  return { shared: false };
}
