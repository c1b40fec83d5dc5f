import type { DebateMap, RelationKind, Source } from '../model.js';
import type { ExportModel } from './export-model.js';
import { IdAllocator, slug } from './ids.js';
import { ImportError } from './import-error.js';
import { emptyMap, newClaim, newSource, relate } from './model-builder.js';

/** What riposte reads of @argdown/core's model (1.7). */
interface ArgdownSection {
  id: string;
  title: string;
  level: number;
  children?: ArgdownSection[];
}
interface ArgdownMember {
  text?: string;
  tags?: string[];
  section?: ArgdownSection;
}
interface ArgdownNode {
  type: 'equivalence-class' | 'argument';
  title: string;
  members?: ArgdownMember[];
  section?: ArgdownSection;
  tags?: string[];
}
interface ArgdownRelation {
  from: ArgdownNode;
  to: ArgdownNode;
  relationType: string;
}
interface ArgdownResponse {
  statements?: Record<string, ArgdownNode>;
  arguments?: Record<string, ArgdownNode>;
  relations?: ArgdownRelation[];
  sections?: ArgdownSection[];
  parserErrors?: { message: string; token?: { startLine?: number; startColumn?: number } }[];
  lexerErrors?: { message: string; line?: number; column?: number }[];
}

/**
 * Argdown is read with its own parser, @argdown/core (1.7.5, the last release that runs on
 * Node 20), an optional peer dependency: installed where Argdown is imported, not with every
 * riposte.
 */
async function parseArgdown(text: string): Promise<ArgdownResponse> {
  let core: { ArgdownApplication: new () => unknown; ParserPlugin: new () => unknown; DataPlugin: new () => unknown; ModelPlugin: new () => unknown };
  try {
    const loaded = (await import('@argdown/core')) as unknown as { default?: typeof core } & typeof core;
    core = loaded.default ?? loaded;
  } catch {
    throw new ImportError('importing Argdown needs its parser: npm install @argdown/core@1.7.5 (riposte does not install it by default)', 1);
  }
  const app = new core.ArgdownApplication() as { addPlugin(plugin: unknown, step: string): void; run(request: object): ArgdownResponse };
  app.addPlugin(new core.ParserPlugin(), 'parse-input');
  app.addPlugin(new core.DataPlugin(), 'build-model');
  app.addPlugin(new core.ModelPlugin(), 'build-model');
  return app.run({ input: text, process: ['parse-input', 'build-model'], logLevel: 'error' });
}

const RELATION: Record<string, RelationKind | undefined> = {
  support: 'supports',
  entails: 'supports',
  attack: 'rebuts',
  contrary: 'rebuts',
  contradictory: 'rebuts',
  undercut: 'undercuts',
};

/**
 * An Argdown document as a map. Statements and arguments become claims (the text of their
 * first member that has one, else the title); support and entailment become `supports`,
 * attack, contrary and contradictory `rebuts`, undercut `undercuts`; each top-level section
 * (a `#` heading) becomes a source, and what is outside any the source named after the file;
 * tags become tags.
 */
export async function argdownToMap(text: string, name = 'argdown'): Promise<DebateMap> {
  const response = await parseArgdown(text);
  const lexer = response.lexerErrors?.[0];
  if (lexer) throw new ImportError(lexer.message, lexer.line ?? 1, lexer.column ?? 1);
  const parser = response.parserErrors?.[0];
  if (parser) throw new ImportError(parser.message, parser.token?.startLine ?? 1, parser.token?.startColumn ?? 1);
  const ids = new IdAllocator();
  const map = emptyMap();
  const base = slug(name, 24) || 'argdown';
  // Each section's top-level ancestor: the document's parts are its sources.
  const topOf = new Map<string, ArgdownSection>();
  const walk = (section: ArgdownSection, top: ArgdownSection): void => {
    topOf.set(section.id, top);
    for (const child of section.children ?? []) walk(child, top);
  };
  for (const section of response.sections ?? []) walk(section, section);
  const sources = new Map<string, Source>();
  const sourceFor = (section: ArgdownSection | undefined): Source => {
    const top = section ? topOf.get(section.id) : undefined;
    const key = top?.id ?? '';
    let source = sources.get(key);
    if (!source) {
      const title = top?.title?.trim() || name;
      source = newSource(ids.reserve(top ? `${base}-${slug(title, 24) || top.id}` : base), { kind: 'other', title, authors: [`the authors of ${name}`] });
      sources.set(key, source);
      map.sources.push(source);
    }
    return source;
  };
  const claimOf = new Map<ArgdownNode, string>();
  const nodes = [...Object.values(response.statements ?? {}), ...Object.values(response.arguments ?? {})];
  for (const node of nodes) {
    const member = node.members?.find((m) => m.text?.trim()) ?? node.members?.[0];
    const summary = (member?.text?.trim() || node.title).replace(/\s+/g, ' ');
    const source = sourceFor(member?.section ?? node.section);
    const tags = [...new Set([...(node.tags ?? []), ...(node.members ?? []).flatMap((m) => m.tags ?? [])].map((t) => slug(t, 40)).filter(Boolean))];
    const claim = newClaim(ids.claim(source.id, node.title), source, summary, {
      locator: node.type === 'argument' ? `<${node.title}>` : `[${node.title}]`,
      ...(tags.length ? { tags } : {}),
    });
    claimOf.set(node, claim.id);
    map.claims.push(claim);
  }
  const byId = new Map(map.claims.map((c) => [c.id, c]));
  for (const relation of response.relations ?? []) {
    const kind = RELATION[relation.relationType];
    const from = claimOf.get(relation.from);
    const to = claimOf.get(relation.to);
    if (!kind || !from || !to) continue;
    relate(byId.get(from)!, kind, to);
    // Contradiction runs both ways.
    if (relation.relationType === 'contradictory') relate(byId.get(to)!, 'rebuts', from);
  }
  if (map.sources.length === 0) sourceFor(undefined);
  return map;
}

/** Text in an Argdown statement: the characters Argdown reads as syntax escaped, on one line. */
export function argdownText(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ')
      .replace(/[\\[\]<>#@*_`{}]/g, (ch) => `\\${ch}`)
      .trim()
  );
}

const SIGN: Partial<Record<RelationKind, string>> = { supports: '+', rebuts: '-', undermines: '-', undercuts: '-' };

/**
 * The map as Argdown that @argdown/core reads: a `#` section per source, a statement per
 * claim (`[id]: summary`), and under it the claims that support (`+`) or attack (`-`) it.
 * Argdown's undercut applies to arguments only, so undermines and undercuts are attacks;
 * concessions and questions have no Argdown form.
 */
export function toArgdown(model: ExportModel): string {
  const out: string[] = ['===', 'title: riposte map', '==='];
  const responses = new Map<string, { kind: RelationKind; from: string }[]>();
  for (const r of model.relations) {
    if (!SIGN[r.kind]) continue;
    (responses.get(r.to) ?? responses.set(r.to, []).get(r.to)!).push({ kind: r.kind, from: r.from });
  }
  for (const source of model.sources) {
    const own = model.claimsBySource.get(source.id) ?? [];
    if (own.length === 0) continue;
    out.push('', `# ${argdownText(source.title)}`, '');
    for (const claim of own) {
      out.push(`[${argdownText(claim.id)}]: ${argdownText(claim.summary)}${claim.tags.map((t) => ` #(${argdownText(t)})`).join('')}`);
      for (const r of responses.get(claim.id) ?? []) out.push(`  ${SIGN[r.kind]} [${argdownText(r.from)}]`);
      out.push('');
    }
  }
  return out.join('\n') + '\n';
}
