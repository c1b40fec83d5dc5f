import type { RelationKind } from '../model.js';
import type { ExportModel } from './export-model.js';

/**
 * Text inside a Mermaid label: every character Mermaid or HTML could read as syntax is an
 * entity code (#quot; #35; #lt; ...), control characters are dropped, line breaks become spaces.
 */
export function mermaidText(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ')
      .replace(/[#"<>&`[\]{}()|;\\]/g, (ch) => `#${ch.codePointAt(0)};`)
  );
}

const ARROW: Record<RelationKind, string> = {
  supports: '-->',
  rebuts: '--x',
  undermines: '-.-x',
  undercuts: '-.-x',
  concedes: '-.->',
  questions: '-.->',
};

function shorten(text: string, max = 120): string {
  return text.length <= max ? text : `${text.slice(0, text.lastIndexOf(' ', max - 1) > max / 2 ? text.lastIndexOf(' ', max - 1) : max - 1)} …`;
}

/**
 * A Mermaid flowchart that GitHub renders in Markdown: a subgraph per source, a node per claim
 * (id and summary, class by label), an arrow per relation labelled with its kind. Node names
 * are n0, n1...: nothing from the map is Mermaid syntax.
 */
export function toMermaid(model: ExportModel): string {
  const name = new Map(model.claims.map((c, i) => [c.id, `n${i}`]));
  const out = ['flowchart BT'];
  model.sources.forEach((source, i) => {
    const own = model.claimsBySource.get(source.id) ?? [];
    if (own.length === 0) return;
    out.push(`  subgraph s${i}["${mermaidText(source.title)}"]`);
    for (const claim of own) {
      const label = model.label.get(claim.id) ?? 'undecided';
      out.push(`    ${name.get(claim.id)}["${mermaidText(claim.id)}<br/>${mermaidText(shorten(claim.summary))}<br/><i>${model.status.get(claim.id)} · ${label}</i>"]:::lbl-${label}`);
    }
    out.push('  end');
  });
  for (const r of model.relations) out.push(`  ${name.get(r.from)} ${ARROW[r.kind]}|${r.kind}| ${name.get(r.to)}`);
  out.push("  classDef lbl-in stroke:#2e7d32,stroke-width:2px", "  classDef lbl-out stroke:#c62828,stroke-dasharray:4 3", "  classDef lbl-undecided stroke:#f9a825,stroke-dasharray:2 2");
  return out.join('\n') + '\n';
}
