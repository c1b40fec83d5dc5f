import type { DebateMap, Source } from '../model.js';
import { IdAllocator, slug } from './ids.js';
import { emptyMap, newClaim, newSource, relate } from './model-builder.js';

import { ImportError } from './import-error.js';

export { ImportError };

interface KialoNode {
  path: number[];
  stance?: 'Pro' | 'Con';
  lines: string[];
  line: number;
  children: KialoNode[];
  parent?: KialoNode;
}

const NODE = /^(\d+(?:\.\d+)*)\.\s+(?:(Pro|Con):\s*)?(.*)$/;
const TITLE = /^Discussion Title:\s*(.*)$/;
const LINK = /^->\s*See\s+(\d+(?:\.\d+)*)\.?\s*$/;
const EXTERNAL = /^->\s*See discussion #(\d+)(?::\s*(.*))?$/;

/** Kialo's Markdown escapes (`\(`, `\<`, `\*`...) as the characters they stand for. */
export function unescapeKialo(text: string): string {
  return text.replace(/\\([\\`*_{}[\]()#+\-.!<>|~])/g, '$1');
}

/**
 * Parse Kialo's text export into its tree. A line that starts with a number is a new node
 * only if that number is the next child of a node on the current path (so '2. Murder is
 * wrong.' inside a claim stays text); every other line continues the current node.
 */
export function parseKialoTree(text: string): { title: string; root: KialoNode } {
  const lines = text.replace(/^\ufeff/, '').split(/\r?\n|\r/);
  let i = 0;
  while (i < lines.length && lines[i]!.trim() === '') i++;
  const titleMatch = TITLE.exec(lines[i] ?? '');
  if (!titleMatch) throw new ImportError("a Kialo export starts with 'Discussion Title: ...'; this file does not", i + 1);
  const title = unescapeKialo(titleMatch[1]!.trim()) || 'Kialo discussion';
  i++;
  let root: KialoNode | undefined;
  let current: KialoNode | undefined;
  for (; i < lines.length; i++) {
    const raw = lines[i]!;
    const match = NODE.exec(raw);
    if (match) {
      const path = match[1]!.split('.').map(Number);
      const parent = root ? placeOf(path, current!) : undefined;
      if (!root && path.length === 1 && path[0] === 1) {
        root = { path, lines: [match[3]!], line: i + 1, children: [] };
        if (match[2]) root.stance = match[2] as 'Pro' | 'Con';
        current = root;
        continue;
      }
      if (parent) {
        const node: KialoNode = { path, lines: [match[3]!], line: i + 1, children: [], parent };
        if (match[2]) node.stance = match[2] as 'Pro' | 'Con';
        parent.children.push(node);
        current = node;
        continue;
      }
    }
    if (!current) {
      if (raw.trim() === '') continue;
      throw new ImportError("expected the thesis, numbered '1.', after the discussion title", i + 1);
    }
    current.lines.push(raw);
  }
  if (!root) throw new ImportError("no thesis: a Kialo export has a line '1. <thesis>' after its title", lines.length);
  return { title, root };
}

/** The parent under which `path` is the next child, looking up from `current`, or undefined. */
function placeOf(path: number[], current: KialoNode): KialoNode | undefined {
  for (let node: KialoNode | undefined = current; node; node = node.parent) {
    if (path.length !== node.path.length + 1) continue;
    if (!node.path.every((n, k) => path[k] === n)) continue;
    return path[path.length - 1] === node.children.length + 1 ? node : undefined;
  }
  return undefined;
}

const textOf = (node: KialoNode): string => unescapeKialo(node.lines.join('\n').trim()).replace(/\s+/g, ' ');

/**
 * A Kialo discussion as a map of two sources: the thesis side and the opposing side. A Pro
 * claim supports its parent from the parent's side; a Con claim rebuts it from the other side,
 * so the claims left unanswered are exactly those no Con claim answers. The Kialo path is kept
 * as `locator`; `-> See 1.2.3.` becomes a claim with the linked text, and a link to another
 * discussion a claim that names it (see docs/import.md).
 */
export function kialoToMap(text: string, name = 'kialo'): DebateMap {
  const { title, root } = parseKialoTree(text);
  const ids = new IdAllocator();
  const base = slug(title, 24) || slug(name, 24) || 'kialo';
  const thesis = newSource(ids.reserve(`${base}-thesis`), { kind: 'position', title: `${title} (thesis side)`, authors: ['Kialo participants arguing for the thesis'] });
  const opposition = newSource(ids.reserve(`${base}-opposition`), {
    kind: 'position',
    title: `${title} (opposing side)`,
    authors: ['Kialo participants arguing against the thesis'],
    answers: [thesis.id],
  });
  const map = emptyMap();
  map.sources.push(thesis, opposition);
  const byPath = new Map<string, KialoNode>();
  const side = new Map<KialoNode, Source>();
  const claimId = new Map<KialoNode, string>();
  // Depth first with an explicit stack: Kialo debates run 20 and more levels deep.
  const order: KialoNode[] = [];
  const stack = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    order.push(node);
    byPath.set(node.path.join('.'), node);
    for (let k = node.children.length - 1; k >= 0; k--) stack.push(node.children[k]!);
  }
  for (const node of order) {
    const parentSide = node.parent ? side.get(node.parent)! : thesis;
    side.set(node, node.stance === 'Con' ? (parentSide === thesis ? opposition : thesis) : parentSide);
  }
  for (const node of order) {
    const body = textOf(node);
    const link = LINK.exec(body);
    const external = EXTERNAL.exec(body);
    const linked = link ? byPath.get(link[1]!) : undefined;
    let summary = body || '(empty)';
    let note: string | undefined;
    if (link) {
      summary = linked ? textOf(linked) || '(empty)' : body;
      note = linked ? `Kialo shows here the claim at ${link[1]} (a link)` : `Kialo links to ${link[1]}, which the export does not contain`;
    } else if (external) {
      summary = external[2]?.trim() ? `See the Kialo discussion "${external[2].trim()}"` : `See Kialo discussion #${external[1]}`;
      note = `a link to Kialo discussion #${external[1]}`;
    }
    const source = side.get(node)!;
    const id = ids.claim(source.id, summary);
    claimId.set(node, id);
    map.claims.push(newClaim(id, source, summary, { locator: `Kialo ${node.path.join('.')}${node.stance ? ` (${node.stance})` : ''}`, ...(note ? { note } : {}) }));
  }
  const claimOfNode = new Map(order.map((node, k) => [node, map.claims[k]!]));
  for (const node of order) {
    if (!node.parent || !node.stance) continue;
    relate(claimOfNode.get(node)!, node.stance === 'Pro' ? 'supports' : 'rebuts', claimId.get(node.parent)!);
  }
  return map;
}
