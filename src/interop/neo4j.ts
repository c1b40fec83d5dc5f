import type { ExportModel } from './export-model.js';

/** A CSV field: quoted when it holds a comma, quote or line break, quotes doubled; control characters dropped. */
export function csvField(value: string): string {
  // eslint-disable-next-line no-control-regex
  const clean = value.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '');
  return /[",\r\n]/.test(clean) || clean !== clean.trim() ? `"${clean.replace(/"/g, '""')}"` : clean;
}

const row = (fields: readonly string[]): string => fields.map(csvField).join(',');

/**
 * Node and relationship files with the headers `neo4j-admin database import full` reads
 * (`id:ID`, `:LABEL`, `:START_ID`, `:END_ID`, `:TYPE`): sources and claims as nodes, relations
 * and authorship as relationships. Lists use ';' as Neo4j's default array delimiter.
 */
export function toNeo4jCsv(model: ExportModel): { 'nodes.csv': string; 'relationships.csv': string } {
  const nodes = [row(['id:ID', ':LABEL', 'title', 'summary', 'date', 'authors:string[]', 'status', 'label', 'type'])];
  for (const s of model.sources) nodes.push(row([s.id, 'Source', s.title, '', s.date ?? '', s.authors.join(';'), '', '', s.kind]));
  for (const c of model.claims) nodes.push(row([c.id, 'Claim', '', c.summary, '', '', model.status.get(c.id) ?? '', model.label.get(c.id) ?? '', c.claimType]));
  const relationships = [row([':START_ID', ':END_ID', ':TYPE', 'note'])];
  for (const c of model.claims) relationships.push(row([c.id, c.sourceId, 'MADE_BY', '']));
  for (const r of model.relations) relationships.push(row([r.from, r.to, r.kind.toUpperCase(), r.note ?? '']));
  return { 'nodes.csv': nodes.join('\n') + '\n', 'relationships.csv': relationships.join('\n') + '\n' };
}
