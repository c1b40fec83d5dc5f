import { countBySeverity, hintOf, messageOf, type Diagnostic } from '../../diagnostics.js';
import { codeFrame, splitLines } from '../frame.js';
import { safeInline, safeText } from '../sanitize.js';
import { styler } from '../style.js';
import { widest } from '../wrap.js';
import { LineChunks } from '../chunks.js';
import type { DiagnosticFormatter, FormatterOptions } from './types.js';

/** Grouped by file, `line:col  severity  message  code`, then a summary (ESLint's stylish). */
export const stylish: DiagnosticFormatter = (diagnostics, options) => [...stylishChunks(diagnostics, options)].join('');

/** The stylish report in chunks of whole lines, written as they come: 100,000 findings are not held as text twice. */
export function* stylishChunks(diagnostics: readonly Diagnostic[], options: FormatterOptions): Generator<string> {
  const c = styler(options.color);
  const chunks = new LineChunks();
  const emit = (...lines: string[]): void => chunks.line(...lines);
  const byFile = new Map<string, Diagnostic[]>();
  for (const d of diagnostics) {
    const list = byFile.get(d.file);
    if (list) list.push(d);
    else byFile.set(d.file, [d]);
  }
  for (const [file, list] of byFile) {
    emit(c.underline(safeInline(file)));
    const text = options.verbose ? options.texts.get(file) : undefined;
    const lines = text === undefined ? undefined : splitLines(text);
    const positions = list.map((d) => `${d.line}:${d.column}`);
    const width = widest(positions);
    for (let i = 0; i < list.length; i++) {
      const d = list[i]!;
      const severity = d.severity === 'error' ? c.red('error  ') : c.yellow('warning');
      emit(`  ${c.dim(positions[i]!.padEnd(width))}  ${severity}  ${safeInline(messageOf(d))}  ${c.dim(d.code)}`);
      const hint = hintOf(d);
      if (hint) for (const line of safeText(hint).split('\n')) emit(`  ${' '.repeat(width)}  ${c.dim(line)}`);
      if (d.fix) emit(`  ${' '.repeat(width)}  ${c.dim(`fix (--fix): ${safeInline(d.fix.does)}`)}`);
      if (options.verbose) {
        const frame = lines === undefined ? '' : codeFrame(lines, d.line, d.column, d.endOffset, d.offset);
        if (frame) emit(c.dim(`    --> ${safeInline(d.file)}:${d.line}:${d.column}`), frame.replace(/^/gm, '    '));
      }
      if (chunks.full) yield chunks.take();
    }
    emit('');
  }
  const { errors, warnings } = countBySeverity(diagnostics);
  const { files, quotes } = options.summary;
  const quoteLine = `${quotes.checked} quote${quotes.checked === 1 ? '' : 's'} checked against source texts${quotes.unchecked ? `, ${quotes.unchecked} unchecked` : ''}`;
  if (errors + warnings === 0) {
    emit(`${c.green('✔')} ${files} file${files === 1 ? '' : 's'}, no problems; ${quoteLine}`);
  } else {
    const total = errors + warnings;
    const mark = errors > 0 ? c.red.bold('✖') : c.yellow.bold('⚠');
    emit(
      `${mark} ${total} problem${total === 1 ? '' : 's'} (${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}) in ${files} file${files === 1 ? '' : 's'}; ${quoteLine}`,
    );
    const fixable = diagnostics.filter((d) => d.fix).length;
    if (fixable > 0) emit(`  ${fixable} of them can be fixed with --fix`);
  }
  yield chunks.take();
}
