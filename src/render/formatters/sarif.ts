import { fullMessageOf, RULES, ruleDocs, type Diagnostic } from '../../diagnostics.js';
import { lineStarts } from '../../load/locate.js';
import type { DiagnosticFormatter } from './types.js';

function region(d: Diagnostic, position: ((offset: number) => { line: number; col: number }) | undefined) {
  if (d.line < 1) return undefined;
  const end = position !== undefined && d.endOffset !== undefined && d.endOffset > (d.offset ?? 0) ? position(d.endOffset) : undefined;
  return { startLine: d.line, startColumn: d.column, ...(end ? { endLine: end.line, endColumn: end.col } : {}) };
}

/** SARIF 2.1.0 for code-scanning dashboards: one rule per finding code, one result per finding. */
export const sarif: DiagnosticFormatter = (diagnostics, options) => {
  const codes = [...new Set(diagnostics.map((d) => d.code))].sort();
  // Each file's line starts, found once: thousands of findings in one file stay linear.
  const startsByFile = new Map<string, ReturnType<typeof lineStarts>>();
  const startsOf = (file: string): ReturnType<typeof lineStarts> | undefined => {
    const text = options.texts.get(file);
    if (text === undefined) return undefined;
    let starts = startsByFile.get(file);
    if (!starts) startsByFile.set(file, (starts = lineStarts(text)));
    return starts;
  };
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
          const reg = region(d, startsOf(d.file));
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
