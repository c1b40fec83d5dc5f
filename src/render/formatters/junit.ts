import type { Diagnostic } from '../../diagnostics.js';
import { escapeXml } from '../xml.js';
import type { DiagnosticFormatter } from './types.js';

/** JUnit XML for CI dashboards: one test case per file, one failure per finding. */
export const junit: DiagnosticFormatter = (diagnostics, options) => {
  const byFile = new Map<string, Diagnostic[]>();
  for (const file of options.files ?? []) byFile.set(file, []);
  for (const d of diagnostics) {
    const list = byFile.get(d.file);
    if (list) list.push(d);
    else byFile.set(d.file, [d]);
  }
  const files = [...byFile.keys()].sort();
  const suite = `riposte ${options.command ?? 'validate'}`;
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>'];
  lines.push(`<testsuites name="riposte" tests="${files.length}" failures="${diagnostics.length}" errors="0">`);
  lines.push(`  <testsuite name="${escapeXml(suite)}" tests="${files.length}" failures="${diagnostics.length}" errors="0">`);
  for (const file of files) {
    const list = byFile.get(file)!;
    const name = escapeXml(file);
    if (list.length === 0) {
      lines.push(`    <testcase classname="${escapeXml(suite)}" name="${name}" file="${name}"/>`);
      continue;
    }
    lines.push(`    <testcase classname="${escapeXml(suite)}" name="${name}" file="${name}">`);
    for (const d of list) {
      const where = d.line > 0 ? `${d.file}:${d.line}:${d.column}` : d.file;
      const body = `${where} ${d.severity} ${d.code}\n${d.message}${d.hint ? `\n${d.hint}` : ''}`;
      lines.push(`      <failure type="${d.severity}: ${d.code}" message="${escapeXml(d.message)}">${escapeXml(body)}</failure>`);
    }
    lines.push('    </testcase>');
  }
  lines.push('  </testsuite>', '</testsuites>');
  return lines.join('\n') + '\n';
};
