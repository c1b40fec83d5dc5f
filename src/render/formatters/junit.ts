import { fullMessageOf, messageOf, type Diagnostic } from '../../diagnostics.js';
import { escapeXml } from '../xml.js';
import type { DiagnosticFormatter } from './types.js';

/**
 * JUnit XML for CI dashboards: one test case per file, failed when the file has a finding that
 * fails the run (an error; a warning too with --fail-on warning), with all of them in its one
 * failure; findings that do not fail the run are the test case's output. So there are never
 * more failures than tests, and a dashboard's red matches the exit code.
 */
export const junit: DiagnosticFormatter = (diagnostics, options) => {
  const byFile = new Map<string, Diagnostic[]>();
  for (const file of options.files ?? []) byFile.set(file, []);
  for (const d of diagnostics) {
    const list = byFile.get(d.file);
    if (list) list.push(d);
    else byFile.set(d.file, [d]);
  }
  const fails = (d: Diagnostic): boolean => d.severity === 'error' || options.failOn === 'warning';
  const files = [...byFile.keys()].sort();
  const failed = files.filter((file) => byFile.get(file)!.some(fails)).length;
  const suite = `riposte ${options.command ?? 'validate'}`;
  const describe = (d: Diagnostic): string => `${d.line > 0 ? `${d.file}:${d.line}:${d.column}` : d.file} ${d.severity} ${d.code}\n${fullMessageOf(d)}`;
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>'];
  lines.push(`<testsuites name="riposte" tests="${files.length}" failures="${failed}" errors="0">`);
  lines.push(`  <testsuite name="${escapeXml(suite)}" tests="${files.length}" failures="${failed}" errors="0">`);
  for (const file of files) {
    const list = byFile.get(file)!;
    const name = escapeXml(file);
    if (list.length === 0) {
      lines.push(`    <testcase classname="${escapeXml(suite)}" name="${name}" file="${name}"/>`);
      continue;
    }
    const failing = list.filter(fails);
    const others = list.filter((d) => !fails(d));
    lines.push(`    <testcase classname="${escapeXml(suite)}" name="${name}" file="${name}">`);
    if (failing.length > 0) {
      const summary = failing.length === 1 ? messageOf(failing[0]!) : `${failing.length} findings, the first: ${messageOf(failing[0]!)}`;
      lines.push(`      <failure type="${escapeXml(failing.map((d) => d.code).filter((c, i, all) => all.indexOf(c) === i).join(' '))}" message="${escapeXml(summary)}">${escapeXml(failing.map(describe).join('\n\n'))}</failure>`);
    }
    if (others.length > 0) lines.push(`      <system-out>${escapeXml(others.map(describe).join('\n\n'))}</system-out>`);
    lines.push('    </testcase>');
  }
  lines.push('  </testsuite>', '</testsuites>');
  return lines.join('\n') + '\n';
};
