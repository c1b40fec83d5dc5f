import type { Claim, DebateMap } from '../model.js';
import { IdAllocator } from './ids.js';
import { ImportError as ApxError } from './import-error.js';
import { emptyMap, newClaim, newSource } from './model-builder.js';

/**
 * ICCMA's apx format for abstract argumentation frameworks: one fact a line, `arg(a).` for
 * an argument and `att(a,b).` for an attack of a on b; `%` starts a comment. Read into a map
 * of one source whose claims rebut each other, so riposte's own analyses run on it.
 */
export { ApxError };

export interface ApxFramework {
  /** Argument names in the order the file gives them. */
  args: string[];
  attacks: [string, string][];
}

const FACT = /^(arg|att)\(\s*([^,()\s]+)\s*(?:,\s*([^,()\s]+)\s*)?\)\.$/;

/** Parse apx text; a malformed line, or an attack on an argument never declared, is an ApxError with its place. */
export function parseApx(text: string): ApxFramework {
  const args: string[] = [];
  const declared = new Set<string>();
  const attacks: [string, string][] = [];
  const pending: { from: string; to: string; line: number; column: number }[] = [];
  const lines = text.split(/\r?\n|\r/);
  lines.forEach((raw, i) => {
    const line = raw.replace(/%.*$/, '').trim();
    if (line === '') return;
    const match = FACT.exec(line);
    const column = raw.indexOf(line.charAt(0)) + 1;
    if (!match || (match[1] === 'arg') !== (match[3] === undefined)) {
      throw new ApxError(`expected 'arg(name).' or 'att(name,name).', found '${line.slice(0, 60)}'`, i + 1, column);
    }
    if (match[1] === 'arg') {
      if (!declared.has(match[2]!)) {
        declared.add(match[2]!);
        args.push(match[2]!);
      }
    } else {
      pending.push({ from: match[2]!, to: match[3]!, line: i + 1, column });
    }
  });
  for (const { from, to, line, column } of pending) {
    const unknown = [from, to].find((name) => !declared.has(name));
    if (unknown !== undefined) throw new ApxError(`the attack names '${unknown}', which no 'arg(${unknown}).' declares`, line, column);
    attacks.push([from, to]);
  }
  return { args, attacks };
}

/**
 * Trivial Graph Format as ICCMA uses it: one argument a line (its name, then an optional
 * label), a line '#', then one attack a line ('a b': a attacks b).
 */
export function parseTgf(text: string): ApxFramework {
  const args: string[] = [];
  const declared = new Set<string>();
  const attacks: [string, string][] = [];
  let inEdges = false;
  text.split(/\r?\n|\r/).forEach((raw, i) => {
    const line = raw.trim();
    if (line === '') return;
    if (line === '#') {
      if (inEdges) throw new ApxError("a second '#' line: TGF has one, between the arguments and the attacks", i + 1, 1);
      inEdges = true;
      return;
    }
    const [a, b] = line.split(/\s+/);
    if (!inEdges) {
      if (!declared.has(a!)) {
        declared.add(a!);
        args.push(a!);
      }
      return;
    }
    if (b === undefined) throw new ApxError(`expected an attack 'from to', found '${line.slice(0, 60)}'`, i + 1, raw.indexOf(line) + 1);
    for (const name of [a!, b]) if (!declared.has(name)) throw new ApxError(`the attack names '${name}', which the argument list above '#' does not declare`, i + 1, raw.indexOf(line) + 1);
    attacks.push([a!, b]);
  });
  return { args, attacks };
}

/**
 * The framework as a map: one source `sourceId`, a claim per argument (its name as summary),
 * each attack a `rebuts` relation. Names that slug to the same id are told apart by a number.
 */
export function apxToMap(framework: ApxFramework, sourceId = 'apx', file = 'framework.apx'): { map: DebateMap; idOf: Map<string, string> } {
  const ids = new IdAllocator();
  const source = newSource(ids.reserve(sourceId), { kind: 'other', title: file, authors: ['apx'] });
  const map = emptyMap();
  map.sources.push(source);
  const idOf = new Map<string, string>();
  const claims = new Map<string, Claim>();
  for (const name of framework.args) {
    const claim = newClaim(ids.claim(source.id, name, 'arg'), source, name);
    idOf.set(name, claim.id);
    claims.set(name, claim);
    map.claims.push(claim);
  }
  // Not relate(): an argument that attacks itself keeps its self-attack.
  for (const [from, to] of framework.attacks) {
    const claim = claims.get(from)!;
    if (!claim.relations.some((r) => r.to === idOf.get(to))) claim.relations.push({ kind: 'rebuts', from: claim.id, to: idOf.get(to)!, file, pointer: claim.pointer });
  }
  return { map, idOf };
}

/**
 * The map's attack graph in apx: an argument per claim, an attack per rebut, undermine or
 * undercut. Argument names are the claim ids with every other character than a-z, 0-9 as '_'
 * (what solvers read), and a comment line above gives each name's claim id.
 */
export function toApx(claimIds: readonly string[], attacks: readonly { from: string; to: string }[]): string {
  const name = new Map<string, string>();
  const used = new Set<string>();
  for (const id of claimIds) {
    let n = id.replace(/[^a-z0-9]/g, '_');
    for (let k = 2; used.has(n); k++) n = `${id.replace(/[^a-z0-9]/g, '_')}_${k}`;
    used.add(n);
    name.set(id, n);
  }
  const out = ['% riposte map as an abstract argumentation framework: claims are arguments, rebuts/undermines/undercuts attacks'];
  for (const id of claimIds) out.push(`% ${name.get(id)} = ${id}`, `arg(${name.get(id)}).`);
  for (const a of attacks) if (name.has(a.from) && name.has(a.to)) out.push(`att(${name.get(a.from)},${name.get(a.to)}).`);
  return out.join('\n') + '\n';
}
