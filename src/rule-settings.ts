import { DIAGNOSTIC_CODES, RULES, type DiagnosticCode, type Finding, type RuleLevel, type SettledFinding } from './diagnostics.js';
import { suggestion } from './suggest.js';

/** What the user made of each code (the config's `rules`, then `--rule`); codes left out keep their default. */
export type RuleSettings = Partial<Record<DiagnosticCode, RuleLevel>>;

export const RULE_LEVELS: readonly RuleLevel[] = ['off', 'warn', 'error'];

/** The codes a user may turn off or change, in the table's order. */
export const ADJUSTABLE_CODES: readonly DiagnosticCode[] = DIAGNOSTIC_CODES.filter((code) => RULES[code].adjustable);

/**
 * Read one setting (`missing-quote: off`, `--rule missing-quote=off`): a known, adjustable
 * code and a level. Returns the reason it cannot be used, with the closest code or level.
 */
export function readRuleSetting(code: string, level: unknown): { code: DiagnosticCode; level: RuleLevel } | { problem: string; inCode: boolean } {
  if (!(DIAGNOSTIC_CODES as readonly string[]).includes(code)) {
    return { problem: `unknown rule '${code}'${suggestion(code, DIAGNOSTIC_CODES)}; docs/rules.md lists the codes`, inCode: true };
  }
  const known = code as DiagnosticCode;
  if (!RULES[known].adjustable) {
    return { problem: `rule '${code}' cannot be changed: a map with this finding cannot be read or checked whole`, inCode: true };
  }
  const given = level === 'warning' ? 'warn' : level;
  if (typeof given !== 'string' || !(RULE_LEVELS as readonly string[]).includes(given)) {
    const shown = typeof level === 'string' ? `'${level}'${suggestion(level, RULE_LEVELS)}` : JSON.stringify(level) ?? String(level);
    return { problem: `rule '${code}' cannot be ${shown}: use off, warn or error`, inCode: false };
  }
  return { code: known, level: given as RuleLevel };
}

/** The settings in force: the config's `rules`, then `--strict` (quotes-unchecked=error), then `--rule`. */
export function ruleSettingsOf(configured: RuleSettings, strict: boolean, flags: RuleSettings = {}): RuleSettings {
  return { ...configured, ...(strict ? { 'quotes-unchecked': 'error' } : {}), ...flags };
}

/** Each finding with its severity settled: the user's setting, else the code's default; those turned off are dropped. */
export function settleFindings(findings: readonly Finding[], settings: RuleSettings): SettledFinding[] {
  const settled: SettledFinding[] = [];
  for (const finding of findings) {
    const level = finding.severity === undefined ? settings[finding.code as DiagnosticCode] : undefined;
    if (level === 'off') continue;
    const severity = level === 'error' ? 'error' : level === 'warn' ? 'warning' : (finding.severity ?? RULES[finding.code].severity);
    settled.push(severity === finding.severity ? (finding as SettledFinding) : { ...finding, severity });
  }
  return settled;
}
