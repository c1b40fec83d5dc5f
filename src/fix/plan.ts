import type { Diagnostic } from '../diagnostics.js';
import type { DebateMap } from '../model.js';
import type { FixEdit } from './apply.js';

/**
 * The certain fixes of a check, by file: one edit per scalar, and no id lower-cased onto an id
 * the map already has (two claims would become one).
 */
export function planFixes(diagnostics: readonly Diagnostic[], map: DebateMap): Map<string, FixEdit[]> {
  const ids = new Set([...map.sources, ...map.claims, ...map.evidence].map((item) => item.id));
  const byFile = new Map<string, FixEdit[]>();
  const seen = new Set<string>();
  for (const d of diagnostics) {
    if (!d.fix) continue;
    if (d.code === 'invalid-id' && ids.has(d.fix.value)) continue;
    const key = `${d.file}\n${d.pointer}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const edits = byFile.get(d.file) ?? [];
    edits.push({ pointer: d.pointer, value: d.fix.value });
    byFile.set(d.file, edits);
  }
  return byFile;
}
