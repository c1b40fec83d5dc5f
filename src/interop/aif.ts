import type { Claim, DebateMap, Source } from '../model.js';
import { IdAllocator, slug } from './ids.js';
import { ImportError } from './import-error.js';
import { emptyMap, newClaim, newSource, relate } from './model-builder.js';

interface AifNode {
  nodeID: string;
  text: string;
  type: string;
}

interface AifDocument {
  nodes: AifNode[];
  edges: { fromID: string; toID: string }[];
  locutions?: { nodeID: string; personID?: string | number }[];
  participants?: { participantID: string | number; firstname?: string; surname?: string }[];
}

/** 'Speaker : text', or 'Speaker says 'text'': the speaker and what they said. */
export function parseLocution(text: string): { speaker: string; said: string } | undefined {
  const says = /^\s*(.+?)\s+(?:says|said|asks|asked|replies|replied)\s*[:,]?\s*['"‘“](.*)['"’”]\s*$/s.exec(text);
  if (says) return { speaker: says[1]!.trim(), said: says[2]!.trim() };
  const colon = /^\s*([^:\n]{1,80}?)\s*:\s+(.+)$/s.exec(text);
  if (colon) return { speaker: colon[1]!.trim(), said: colon[2]!.trim() };
  return undefined;
}

function asDocument(data: unknown): AifDocument {
  const doc = data as Partial<AifDocument> | null;
  if (!doc || typeof doc !== 'object' || !Array.isArray(doc.nodes) || !Array.isArray(doc.edges)) {
    throw new ImportError("AIF JSON has 'nodes' and 'edges' lists; this file does not", 1);
  }
  doc.nodes.forEach((node, i) => {
    if (!node || typeof node !== 'object' || node.nodeID === undefined || typeof node.type !== 'string') {
      throw new ImportError(`node ${i + 1} has no 'nodeID' or 'type'`, 1);
    }
  });
  return {
    nodes: doc.nodes.map((n) => ({ ...n, nodeID: String(n.nodeID), text: typeof n.text === 'string' ? n.text : '' })),
    edges: doc.edges.filter((e) => e && typeof e === 'object').map((e) => ({ fromID: String(e.fromID), toID: String(e.toID) })),
    ...(Array.isArray(doc.locutions) ? { locutions: doc.locutions } : {}),
    ...(Array.isArray(doc.participants) ? { participants: doc.participants } : {}),
  };
}

/**
 * An AIF argument graph (AIFdb's JSON) as a map. I-nodes become claims; a premise that
 * reaches a conclusion through an RA-node supports it; an attacker through a CA-node undercuts
 * the conclusion of an RA-node it targets, undermines an I-node used as a premise, and rebuts
 * any other; an MA-node (restatement) makes the restating claim support the one it restates.
 * Where locutions (L-nodes, through YA-nodes) name a speaker, each speaker is a source and the
 * locution's words the claim's quote; other claims belong to one source named after the map.
 */
export function aifToMap(json: string, name = 'aif'): DebateMap {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (error) {
    const at = /position (\d+)/.exec((error as Error).message);
    const line = at ? json.slice(0, Number(at[1])).split('\n').length : 1;
    throw new ImportError(`not JSON: ${(error as Error).message}`, line);
  }
  const doc = asDocument(data);
  const nodes = new Map(doc.nodes.map((n) => [n.nodeID, n]));
  const out = new Map<string, string[]>();
  const into = new Map<string, string[]>();
  for (const { fromID, toID } of doc.edges) {
    if (!nodes.has(fromID) || !nodes.has(toID)) continue;
    (out.get(fromID) ?? out.set(fromID, []).get(fromID)!).push(toID);
    (into.get(toID) ?? into.set(toID, []).get(toID)!).push(fromID);
  }
  const typeOf = (id: string): string => nodes.get(id)?.type ?? '';
  const from = (id: string, type: string): string[] => (into.get(id) ?? []).filter((x) => typeOf(x) === type);
  const to = (id: string, type: string): string[] => (out.get(id) ?? []).filter((x) => typeOf(x) === type);

  // Who said each I-node: L -> YA -> I, the speaker from participants or the locution's text.
  const people = new Map((doc.participants ?? []).map((p) => [String(p.participantID), [p.firstname, p.surname].filter(Boolean).join(' ').trim()]));
  const personOf = new Map((doc.locutions ?? []).map((l) => [String(l.nodeID), l.personID !== undefined ? people.get(String(l.personID)) : undefined]));
  const speech = new Map<string, { speaker: string; said: string }>();
  for (const node of doc.nodes) {
    if (node.type !== 'L') continue;
    const parsed = parseLocution(node.text);
    // A participant named for the locution wins; its text is then all said (AIFdb's own files).
    const person = personOf.get(node.nodeID);
    const speaker = person || parsed?.speaker;
    if (!speaker) continue;
    const said = person ? node.text.trim() : (parsed?.said ?? node.text);
    for (const ya of to(node.nodeID, 'YA')) for (const i of to(ya, 'I')) if (!speech.has(i)) speech.set(i, { speaker, said });
  }

  const ids = new IdAllocator();
  const map = emptyMap();
  const base = slug(name, 24) || 'aif';
  const sourceFor = new Map<string, Source>();
  const sourceOf = (speaker: string | undefined): Source => {
    const key = speaker ?? '';
    let source = sourceFor.get(key);
    if (!source) {
      source = speaker
        ? newSource(ids.reserve(`${base}-${slug(speaker, 20) || 'speaker'}`), { kind: 'statement', title: `${speaker} in ${name}`, authors: [speaker] })
        : newSource(ids.reserve(base), { kind: 'other', title: name, authors: [`the authors of ${name}`] });
      sourceFor.set(key, source);
      map.sources.push(source);
    }
    return source;
  };
  const claims = new Map<string, Claim>();
  for (const node of doc.nodes) {
    if (node.type !== 'I') continue;
    const said = speech.get(node.nodeID);
    const source = sourceOf(said?.speaker);
    const summary = node.text.replace(/\s+/g, ' ').trim() || '(empty)';
    const claim = newClaim(ids.claim(source.id, summary), source, summary, { locator: `AIF node ${node.nodeID}`, ...(said?.said ? { quotes: [said.said] } : {}) });
    claims.set(node.nodeID, claim);
    map.claims.push(claim);
  }
  const premiseOf = new Set<string>();
  for (const node of doc.nodes) if (node.type === 'RA') for (const p of from(node.nodeID, 'I')) premiseOf.add(p);
  for (const node of doc.nodes) {
    const id = node.nodeID;
    if (node.type === 'RA') {
      for (const premise of from(id, 'I')) for (const conclusion of to(id, 'I')) relate(claims.get(premise)!, 'supports', claims.get(conclusion)!.id);
    } else if (node.type === 'CA') {
      for (const attacker of from(id, 'I')) {
        for (const target of to(id, 'I')) relate(claims.get(attacker)!, premiseOf.has(target) ? 'undermines' : 'rebuts', claims.get(target)!.id);
        // An attack on an inference: the conclusion it was drawn to no longer follows.
        for (const ra of to(id, 'RA')) for (const conclusion of to(ra, 'I')) relate(claims.get(attacker)!, 'undercuts', claims.get(conclusion)!.id);
      }
    } else if (node.type === 'MA') {
      for (const original of from(id, 'I')) for (const restated of to(id, 'I')) relate(claims.get(restated)!, 'supports', claims.get(original)!.id, 'restates it');
    }
  }
  if (map.sources.length === 0) sourceOf(undefined);
  return map;
}

/**
 * The map as AIF JSON that AIFdb and `riposte import aif` read: an I-node per claim; a
 * support through an RA-node; a rebut or undermine through a CA-node to the claim; an undercut
 * through a CA-node to the RA-nodes of the supports its target rests on (to the claim itself
 * when it rests on none). Each claim's source is a participant, who says it in an L-node (its
 * quote, when it has one) joined to the claim by a YA-node. Concessions and questions have no
 * AIF form and are left out.
 */
export function toAif(model: { sources: Source[]; claims: Claim[]; relations: { from: string; to: string; kind: string }[] }): string {
  const nodes: { nodeID: string; text: string; type: string }[] = [];
  const edges: { edgeID: string; fromID: string; toID: string }[] = [];
  const locutions: { nodeID: string; personID: string }[] = [];
  // Each source one participant; two sources named alike are told apart by their ids.
  const names = model.sources.map((s) => s.shortName ?? s.authors[0] ?? s.id);
  const participants = model.sources.map((s, i) => ({ participantID: String(i + 1), firstname: names[i]!, surname: names.indexOf(names[i]!) !== names.lastIndexOf(names[i]!) ? `(${s.id})` : '' }));
  const person = new Map(model.sources.map((s, i) => [s.id, String(i + 1)]));
  const nodeOf = new Map<string, string>();
  let next = 1;
  const node = (type: string, text: string): string => {
    const id = String(next++);
    nodes.push({ nodeID: id, text, type });
    return id;
  };
  const edge = (fromID: string, toID: string): void => {
    edges.push({ edgeID: String(edges.length + 1), fromID, toID });
  };
  for (const claim of model.claims) {
    const i = node('I', claim.summary);
    nodeOf.set(claim.id, i);
    const l = node('L', claim.quotes.join(' … '));
    const ya = node('YA', 'Asserting');
    edge(l, ya);
    edge(ya, i);
    locutions.push({ nodeID: l, personID: person.get(claim.sourceId) ?? '0' });
  }
  const supportsInto = new Map<string, string[]>();
  for (const r of model.relations) {
    if (r.kind !== 'supports') continue;
    const ra = node('RA', 'Default Inference');
    edge(nodeOf.get(r.from)!, ra);
    edge(ra, nodeOf.get(r.to)!);
    (supportsInto.get(r.to) ?? supportsInto.set(r.to, []).get(r.to)!).push(ra);
  }
  for (const r of model.relations) {
    if (r.kind !== 'rebuts' && r.kind !== 'undermines' && r.kind !== 'undercuts') continue;
    const ca = node('CA', 'Default Conflict');
    edge(nodeOf.get(r.from)!, ca);
    const inferences = r.kind === 'undercuts' ? (supportsInto.get(r.to) ?? []) : [];
    if (inferences.length > 0) for (const ra of inferences) edge(ca, ra);
    else edge(ca, nodeOf.get(r.to)!);
  }
  return JSON.stringify({ nodes, edges, locutions, participants }, null, 2) + '\n';
}
