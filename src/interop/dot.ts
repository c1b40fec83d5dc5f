import type { RelationKind } from '../model.js';
import { wrap } from '../render/wrap.js';
import type { ExportModel } from './export-model.js';

/** A DOT string: quoted, with quotes and backslashes escaped, control characters dropped, line breaks as \n. */
export function dotString(text: string): string {
  // eslint-disable-next-line no-control-regex
  const clean = text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029]/g, '');
  return `"${clean.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\r?\n/g, '\\n')}"`;
}

/** A summary in lines of at most 40 columns, six lines at most, for a node label. */
function lines(text: string, max = 6): string[] {
  const out = wrap(text, 40);
  return out.length > max ? [...out.slice(0, max - 1), `${out[max - 1]} …`] : out;
}

const EDGE_STYLE: Record<RelationKind, string> = {
  supports: 'color="#2e7d32"',
  rebuts: 'color="#c62828"',
  undermines: 'color="#c62828", style=dashed',
  undercuts: 'color="#c62828", style=dotted',
  concedes: 'color="#ef6c00"',
  questions: 'color="#1565c0", style=dashed',
};
const STATUS_FILL = { answered: '#e8f5e9', challenged: '#fff8e1', unanswered: '#ffebee' } as const;

/**
 * Graphviz DOT: a cluster per source, a box per claim (its id and summary; fill by response
 * status, border by label: thick for in, dashed for out, dotted for undecided), an edge per
 * relation from the responding claim to its target, styled by kind and labelled with it.
 */
export function toDot(model: ExportModel): string {
  const out = ['digraph riposte {', '  rankdir=BT;', '  node [shape=box, style="rounded,filled", fontname="Helvetica", fontsize=10];', '  edge [fontname="Helvetica", fontsize=9];'];
  model.sources.forEach((source, i) => {
    const own = model.claimsBySource.get(source.id) ?? [];
    if (own.length === 0) return;
    out.push(`  subgraph cluster_${i} {`, `    label=${dotString(`${source.title}\n${source.id}${source.date ? `, ${source.date}` : ''}`)};`, '    style=rounded; color="#9e9e9e";');
    for (const claim of own) {
      const status = model.status.get(claim.id) ?? 'unanswered';
      const label = model.label.get(claim.id) ?? 'undecided';
      const border = label === 'in' ? 'penwidth=2' : label === 'out' ? 'style="rounded,filled,dashed"' : 'style="rounded,filled,dotted"';
      const text = [claim.id, ...lines(claim.summary), `${status} · ${label}`].join('\n');
      out.push(`    ${dotString(claim.id)} [label=${dotString(text)}, fillcolor="${STATUS_FILL[status]}", ${border}];`);
    }
    out.push('  }');
  });
  for (const r of model.relations) out.push(`  ${dotString(r.from)} -> ${dotString(r.to)} [label=${dotString(r.kind)}, ${EDGE_STYLE[r.kind]}];`);
  out.push('}');
  return out.join('\n') + '\n';
}
