import type { Diagnostic } from '../../diagnostics.js';
import { RULES } from '../../rules.js';
import type { DiagnosticFormatter } from './types.js';

/** 1-based line and column of an offset, for a region's end. */
function position(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

function region(d: Diagnostic, texts: ReadonlyMap<string, string>) {
  if (d.line < 1) return undefined;
  const text = texts.get(d.file);
  const end = text !== undefined && d.endOffset !== undefined && d.endOffset > (d.offset ?? 0) ? position(text, d.endOffset) : undefined;
  return { startLine: d.line, startColumn: d.column, ...(end ? { endLine: end.line, endColumn: end.column } : {}) };
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
              fullDescription: { text: `${RULES[code].summary} ${RULES[code].help}` },
              help: { text: RULES[code].help },
            })),
          },
        },
        columnKind: 'utf16CodeUnits',
        results: diagnostics.map((d) => {
          const reg = region(d, options.texts);
          return {
            ruleId: d.code,
            ruleIndex: ruleIndex.get(d.code)!,
            level: d.severity,
            message: { text: d.hint ? `${d.message}\n${d.hint}` : d.message },
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
