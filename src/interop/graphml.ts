import { escapeXml } from '../render/xml.js';
import type { ExportModel } from './export-model.js';

const NODE_KEYS = ['type', 'source', 'title', 'summary', 'status', 'label', 'date', 'authors'] as const;
const EDGE_KEYS = ['kind', 'note'] as const;

/**
 * GraphML for Gephi, yEd and NetworkX: typed keys declared up front, a node per source and per
 * claim, an edge per relation (kind, note) and from each claim to its source (kind 'made-by').
 */
export function toGraphml(model: ExportModel): string {
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    ...NODE_KEYS.map((k) => `  <key id="n_${k}" for="node" attr.name="${k}" attr.type="string"/>`),
    ...EDGE_KEYS.map((k) => `  <key id="e_${k}" for="edge" attr.name="${k}" attr.type="string"/>`),
    '  <graph id="riposte" edgedefault="directed">',
  ];
  const data = (prefix: string, values: Record<string, string | undefined>): string[] =>
    Object.entries(values)
      .filter(([, v]) => v !== undefined && v !== '')
      .map(([k, v]) => `      <data key="${prefix}_${k}">${escapeXml(v!)}</data>`);
  for (const s of model.sources) {
    out.push(`    <node id="${escapeXml(s.id)}">`, ...data('n', { type: 'source', title: s.title, date: s.date, authors: s.authors.join('; ') }), '    </node>');
  }
  for (const c of model.claims) {
    out.push(`    <node id="${escapeXml(c.id)}">`, ...data('n', { type: 'claim', source: c.sourceId, summary: c.summary, status: model.status.get(c.id), label: model.label.get(c.id) }), '    </node>');
  }
  let n = 0;
  for (const c of model.claims) out.push(`    <edge id="e${n++}" source="${escapeXml(c.id)}" target="${escapeXml(c.sourceId)}">`, ...data('e', { kind: 'made-by' }), '    </edge>');
  for (const r of model.relations) out.push(`    <edge id="e${n++}" source="${escapeXml(r.from)}" target="${escapeXml(r.to)}">`, ...data('e', { kind: r.kind, note: r.note }), '    </edge>');
  out.push('  </graph>', '</graphml>');
  return out.join('\n') + '\n';
}
