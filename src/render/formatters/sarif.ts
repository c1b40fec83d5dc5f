import { fullMessageOf, RULES, ruleDocs, type Diagnostic } from '../../diagnostics.js';
import type { DiagnosticFormatter } from './types.js';

function region(d: Diagnostic) {
  if (d.line < 1) return undefined;
  return { startLine: d.line, startColumn: d.column, ...(d.endLine !== undefined && d.endColumn !== undefined ? { endLine: d.endLine, endColumn: d.endColumn } : {}) };
}

/** SARIF 2.1.0 for code-scanning dashboards: one rule per finding code, one result per finding. */
export const sarif: DiagnosticFormatter = (diagnostics, options) => {
  const codes = [...new Set(diagnostics.map((d) => d.code))].sort();
  const ruleIndex = new Map(codes.map((code, i) => [code, i]));
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'riposte',
            ...(options.version ? { version: options.version, semanticVersion: options.version } : {}),
            rules: codes.map((code) => ({
              id: code,
              name: code.replace(/-(.)/g, (_, ch: string) => ch.toUpperCase()),
              shortDescription: { text: RULES[code].summary },
              fullDescription: { text: `${RULES[code].summary} ${RULES[code].why}` },
              help: { text: RULES[code].help, markdown: `${RULES[code].help}\n\nWhy: ${RULES[code].why}\n\nSee \`${ruleDocs(code)}\` in the riposte package.` },
              defaultConfiguration: { level: RULES[code].severity },
              properties: { docs: ruleDocs(code) },
            })),
          },
        },
        columnKind: 'utf16CodeUnits',
        results: diagnostics.map((d) => {
          const reg = region(d);
          return {
            ruleId: d.code,
            ruleIndex: ruleIndex.get(d.code)!,
            level: d.severity,
            message: { text: fullMessageOf(d) },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: encodeURI(d.file.replace(/\\/g, '/')), uriBaseId: '%SRCROOT%' },
                  ...(reg ? { region: reg } : {}),
                },
                ...(d.pointer ? { logicalLocations: [{ fullyQualifiedName: d.pointer, kind: 'element' }] } : {}),
              },
            ],
          };
        }),
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
};
