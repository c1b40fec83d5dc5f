import { DIAGNOSTIC_CODES, RULES, finding, type ArgsOf, type Diagnostic, type DiagnosticCode, type Finding } from '../diagnostics.js';
import type { DisableComment } from '../load/disable-comments.js';
import { ADJUSTABLE_CODES } from '../rule-settings.js';
import { didYouMean } from '../suggest.js';

export interface DisableOutcome {
  /** The diagnostics no comment silences. */
  kept: Diagnostic[];
  /** Comments that silence nothing or cannot be used, as findings at the comment (`offset` set). */
  findings: Finding[];
}

/**
 * Apply each file's disable comments to its diagnostics. A comment silences the findings of
 * the codes it names on the line it targets, if those codes may be changed at all. With
 * `reportUnused`, a code that silenced nothing is reported (left out when only errors were
 * placed: the warnings a comment was written for were never looked for).
 */
export function applyDisableComments(
  diagnostics: readonly Diagnostic[],
  commentsByFile: ReadonlyMap<string, readonly DisableComment[]>,
  reportUnused: boolean,
): DisableOutcome {
  if (commentsByFile.size === 0) return { kept: [...diagnostics], findings: [] };
  // file -> line -> code -> the comment that silences it there
  const silencers = new Map<string, Map<number, Map<string, DisableComment>>>();
  const findings: Finding[] = [];
  const used = new Set<string>();
  for (const [file, comments] of commentsByFile) {
    const byLine = new Map<number, Map<string, DisableComment>>();
    for (const comment of comments) {
      const problem = commentProblem(comment);
      if (problem) {
        findings.push(finding('invalid-disable', problem, { file, pointer: '', offset: comment.offset }));
        continue;
      }
      const codes = byLine.get(comment.target) ?? new Map<string, DisableComment>();
      for (const code of comment.codes) codes.set(code, comment);
      byLine.set(comment.target, codes);
    }
    silencers.set(file, byLine);
  }
  const kept: Diagnostic[] = [];
  for (const d of diagnostics) {
    const comment = RULES[d.code].adjustable ? silencers.get(d.file)?.get(d.line)?.get(d.code) : undefined;
    if (comment) used.add(`${d.file}\n${comment.line}\n${d.code}`);
    else kept.push(d);
  }
  if (reportUnused) {
    for (const [file, byLine] of silencers) {
      for (const codes of byLine.values()) {
        for (const [code, comment] of codes) {
          if (used.has(`${file}\n${comment.line}\n${code}`)) continue;
          findings.push(finding('unused-disable', { disabled: code, target: comment.target }, { file, pointer: '', offset: comment.offset }));
        }
      }
    }
  }
  return { kept, findings };
}

/** Why a comment cannot be used, or undefined. */
function commentProblem(comment: DisableComment): ArgsOf<'invalid-disable'> | undefined {
  if (comment.codes.length === 0) return { why: 'no-codes' };
  for (const code of comment.codes) {
    if (!(DIAGNOSTIC_CODES as readonly string[]).includes(code)) {
      const suggested = didYouMean(code, ADJUSTABLE_CODES);
      return { why: 'unknown-code', code, ...(suggested ? { suggested } : {}) };
    }
    if (!RULES[code as DiagnosticCode].adjustable) return { why: 'not-adjustable', code };
  }
  if (comment.reason === '') return { why: 'no-reason', codes: comment.codes };
  return undefined;
}
