import { ATTACK_KINDS } from '../model.js';
import { toAif } from './aif.js';
import { toApx } from './apx.js';
import { toArgdown } from './argdown.js';
import { toDot } from './dot.js';
import type { ExportModel } from './export-model.js';
import { toGraphml } from './graphml.js';
import { toJson } from './json-export.js';
import { toMermaid } from './mermaid.js';
import { toNeo4jCsv } from './neo4j.js';

/** A writer: the export model to one text, or to several named files (a directory). */
export type Writer = { kind: 'text'; write: (model: ExportModel) => string } | { kind: 'files'; write: (model: ExportModel) => Record<string, string> };

/** Every export format, by the name `riposte export` takes. */
export const WRITERS: Record<string, Writer> = {
  dot: { kind: 'text', write: toDot },
  mermaid: { kind: 'text', write: toMermaid },
  graphml: { kind: 'text', write: toGraphml },
  json: { kind: 'text', write: toJson },
  aif: { kind: 'text', write: toAif },
  argdown: { kind: 'text', write: toArgdown },
  apx: { kind: 'text', write: (m) => toApx(m.claims.map((c) => c.id), m.relations.filter((r) => ATTACK_KINDS.has(r.kind))) },
  csv: { kind: 'files', write: toNeo4jCsv },
};
