import type { Diagnostic } from '../../diagnostics.js';
import type { DiagnosticFormatter } from './types.js';

/** XML 1.0 allows no C0 controls but tab and line breaks: show them escaped, as text. */
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;
const escapeXml = (text: string): string =>
  text
    .replace(NOT_XML, (ch) => `\\x${ch.charCodeAt(0).toString(16).padStart(2, '0')}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');

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
