import { describeChar, describeFileProblem, describePlace, describeTypes, didYouMeanText, LABEL_NAMES, markChanges, ordinal, plural, type FileProblem, type WordChange } from './wording.js';

export type { WordChange };

/** Every finding riposte can report. Tests assert these codes, never the prose. */
export const DIAGNOSTIC_CODES = [
  // YAML syntax and structure
  'yaml-syntax',
  'yaml-warning',
  'duplicate-key',
  'unsupported-yaml',
  'limit-exceeded',
  // files that are not read: links out of the project, hidden paths, devices, broken links
  'path-outside-project',
  'not-regular-file',
  'broken-link',
  'unreadable-file',
  'invalid-file-name',
  // the schema
  'unknown-key',
  'missing-key',
  'wrong-type',
  'invalid-value',
  'invalid-id',
  'invalid-date',
  'invalid-url',
  'empty-value',
  'duplicate-value',
  // the map as a whole
  'duplicate-id',
  'dangling-reference',
  'self-relation',
  'self-attack',
  'relation-target-kind',
  'conflicting-relations',
  'same-source-response',
  'response-predates-target',
  'reported-source-with-text',
  // quotes and texts
  'quote-not-found',
  'text-not-found',
  'text-encoding',
  'quotes-unchecked',
  'missing-quote',
  'missing-date',
  // inline disable comments
  'unused-disable',
  'invalid-disable',
] as const;

export type DiagnosticCode = (typeof DIAGNOSTIC_CODES)[number];

/** Codes of `riposte unanswered` and `riposte status` findings, for the CI output formats. */
export const REPORT_CODES = ['unanswered-claim', 'challenged-claim', 'claim-status'] as const;
export type ReportCode = (typeof REPORT_CODES)[number];

export type Severity = 'error' | 'warning';

export type Code = DiagnosticCode | ReportCode;

/** What a YAML parser said, in its own words, with its error code (advice is chosen by the code). */
export interface ParserSaid {
  why: 'parser';
  text: string;
  parserCode: string;
}

/** A quote's closest passage in its text, and how the two differ. */
export interface ClosestPassage {
  /** 1-based line of the text where the passage starts. */
  line: number;
  /** How alike the two are, in percent. */
  similarity: number;
  /** The passage as shown: one line, at most one sentence and MAX_PASSAGE characters. */
  passage: string;
  /** Word by word, quote against passage; absent when they read the same once whitespace is set aside. */
  changes?: WordChange[];
  /** Whether the passage was cut short of the quote's length (the changes then end with '…'). */
  cut: boolean;
  /** The first character that differs, once both are normalised as for the check. */
  firstDifference?: { at: number; quote?: string; text?: string };
}

/**
 * The data each code's message is written from. Checks fill these in; the message template
 * of the code (RULES) turns them into prose when a report is rendered.
 */
export interface ArgsByCode {
  'yaml-syntax': ParserSaid | { why: 'unclosed-quote'; quote: '"' | "'" } | { why: 'second-document' } | { why: 'file'; problem: FileProblem };
  'yaml-warning': ParserSaid;
  'duplicate-key': ParserSaid | { why: 'repeated-key'; key: string };
  'unsupported-yaml': ParserSaid | { why: 'complex-key' } | { why: 'aliases'; text: string } | { why: 'yaml-directive'; version: string };
  'limit-exceeded':
    | { why: 'depth'; max: number; at?: string }
    | { why: 'keys'; count: number; max: number; at?: string }
    | { why: 'file'; problem: FileProblem; textOf?: string };
  'path-outside-project': FileArgs;
  'not-regular-file': FileArgs;
  'broken-link': FileArgs;
  'unreadable-file': FileArgs;
  'invalid-file-name': FileArgs;
  'unknown-key': { key: string; suggested?: string; allowed: string[] };
  'missing-key': { why: 'required'; key: string } | { why: 'needs'; key: string; needs: string } | { why: 'empty-file' };
  'wrong-type': { expected: string[]; got: string; value?: string };
  'invalid-value': { why: 'enum'; value: string; suggested?: string; allowed: string[] } | { why: 'slug'; value: string } | { why: 'other'; text: string };
  'invalid-id': { why: 'pattern'; value: string } | { why: 'too-long'; value: string; max: number };
  'invalid-date': { why: 'format'; value: string } | { why: 'calendar'; value: string };
  'invalid-url': { value: string };
  'empty-value': Record<string, never>;
  'duplicate-value': { why: 'list'; first: number; second: number } | { why: 'relation'; claim: string; relation: string; target: string };
  'duplicate-id': { id: string; firstType: string; firstFile: string; firstPointer: string };
  'dangling-reference': { kind: string; id: string; suggested?: string };
  'self-relation':
    | { why: 'reported-by-itself'; source: string }
    | { why: 'answers-itself'; source: string }
    | { why: 'reported-by-own-source'; claim: string }
    | { why: 'relation'; claim: string; relation: string };
  'self-attack': { claim: string; relation: string };
  'relation-target-kind': { role: string; id: string; actual: string; expected: string };
  'conflicting-relations': { claim: string; target: string };
  'same-source-response': { claim: string; relation: string; target: string; source: string };
  'response-predates-target': { claim: string; claimDate: string; relation: string; target: string; targetDate: string };
  'reported-source-with-text': { why: 'source'; source: string } | { why: 'claim'; claim: string; source: string };
  'quote-not-found': { claim: string; source: string; textName: string; closest?: ClosestPassage };
  'text-not-found': FileArgs;
  'text-encoding': FileArgs;
  'quotes-unchecked': {
    count: number;
    source: string;
    why: 'reporting-source-has-no-text' | 'source-has-no-text' | 'texts-off' | 'no-texts-directory' | 'text-unreadable';
    text?: string;
  };
  'missing-quote': { claim: string };
  'missing-date': { source: string };
  'unused-disable': { disabled: string; target: number };
  'invalid-disable':
    | { why: 'no-codes' }
    | { why: 'unknown-code'; code: string; suggested?: string }
    | { why: 'not-adjustable'; code: string }
    | { why: 'no-reason'; codes: string[] };
  'unanswered-claim': ReportArgs;
  'challenged-claim': ReportArgs;
  'claim-status': ReportArgs & { label: 'in' | 'out' | 'undecided' };
}

/** A file that was not read or not usable; `textOf` names the source when it is a source's text. */
export interface FileArgs {
  problem: FileProblem;
  textOf?: string;
}

/** A claim a report lists, with its response status. */
export interface ReportArgs {
  claim: string;
  source: string;
  status: string;
  summary: string;
}

export type ArgsOf<C extends Code> = ArgsByCode[C];

/** Where a finding is, before positions are attached. */
interface FindingPlace {
  /** Path of the map file, as given on the command line (relative to the working directory). */
  file: string;
  /** JSON pointer into the file's data ('' for the whole document). */
  pointer: string;
  /** 0-based character offsets of the offending node in the file, for code frames. */
  offset?: number;
  /** A fix that is certain: the value to put in place of the scalar at `pointer` (`validate --fix`). */
  fix?: Fix;
  /** Only for findings whose severity the run decides (the reports' `--fail-on`). */
  severity?: Severity;
  /** Point at the mapping key rather than its value (unknown keys). */
  atKey?: boolean;
  /** About a file that was not read (refused or unreadable): it has no position, and locating it reads nothing. */
  unread?: boolean;
}

/**
 * What a check found, as data: its code, the arguments its message is written from, and
 * where. A check leaves `severity` out: the code's default in RULES applies, then the user's
 * rule settings. Prose is written late, by `messageOf` and `hintOf`.
 */
export type Finding = { [C in Code]: FindingPlace & { code: C; args: ArgsOf<C> } }[Code];

/** A finding of `code`, its arguments checked against the code's. */
export function finding<C extends Code>(code: C, args: ArgsOf<C>, place: FindingPlace): Finding {
  return { code, args, ...place } as Finding;
}

/** A finding whose severity is settled (its default, or the user's setting): ready to be placed and shown. */
export type SettledFinding = Finding & { severity: Severity };

/** A settled finding placed in its file. */
export type Diagnostic = SettledFinding & {
  /** 1-based; filled in by `locate` from the file's YAML, 0 when no position is known. */
  line: number;
  column: number;
  endOffset?: number;
  /** Where the offending node ends, 1-based, when it spans more than its first character. */
  endLine?: number;
  endColumn?: number;
};

/** A certain fix: the scalar at the finding's pointer becomes `value`. */
export interface Fix {
  value: string;
  /** What the fix does, for the report ('lower-case the id'). */
  does: string;
}

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
    a.line - b.line ||
    a.column - b.column ||
    (a.code < b.code ? -1 : a.code > b.code ? 1 : 0) ||
    (a.pointer < b.pointer ? -1 : a.pointer > b.pointer ? 1 : 0)
  );
}

export function countBySeverity(diagnostics: readonly Diagnostic[]): { errors: number; warnings: number } {
  let errors = 0;
  let warnings = 0;
  for (const d of diagnostics) {
    if (d.severity === 'error') errors++;
    else warnings++;
  }
  return { errors, warnings };
}

/** A finding's setting: its default, or what the config's `rules` or `--rule` make it. */
export type RuleLevel = 'off' | 'warn' | 'error';

export interface Rule<C extends Code = Code> {
  /** The severity it has unless the user's settings change it. */
  severity: Severity;
  /**
   * Whether `rules:`, `--rule` and disable comments may change it. Syntax errors, files not
   * read and limits are not: a map that cannot be read whole cannot be checked.
   */
  adjustable: boolean;
  /** One line: what the finding means. */
  summary: string;
  /** What to do about it. */
  help: string;
  /** Why riposte checks it (docs/rules.md). */
  why: string;
  /** A few lines of a map that have the finding (docs/rules.md). */
  example?: string;
  /** Arguments of a typical finding, for the message docs/rules.md shows. */
  sample: { args: ArgsOf<C>; pointer?: string };
  /** The finding's message, written from its arguments and its place. */
  message: (args: ArgsOf<C>, at: { pointer: string }) => string;
  /** Extra lines that help fix it (the closest passage of a text). */
  hint?: (args: ArgsOf<C>) => string | undefined;
}

/** What to do about the YAML parser's commonest complaints, in the terms of a map file. */
const YAML_ADVICE: Partial<Record<string, string>> = {
  BLOCK_AS_IMPLICIT_KEY: "check the indentation of this line and the next (a key lines up with the keys above it), or quote a value that holds ': '",
  MULTILINE_IMPLICIT_KEY: "check the indentation of this line and the next (a key lines up with the keys above it), or quote a value that holds ': '",
  BAD_INDENT: 'close the bracket, or indent the lines inside it further than their key',
  TAB_AS_INDENT: 'indent with spaces',
  BAD_SCALAR_START: 'quote the value',
  UNEXPECTED_TOKEN: 'check the indentation and the punctuation of this line',
};

/** The parser's words, and what to do about them when riposte knows. */
function yamlAdvice(said: ParserSaid): string {
  const advice = YAML_ADVICE[said.parserCode];
  return advice ? `${said.text}; ${advice}` : said.text;
}

/** A file not read or not usable; a source's text says whose text it is. */
function fileMessage(a: FileArgs): string {
  const why = describeFileProblem(a.problem);
  if (a.textOf === undefined) return why;
  const advice = a.problem.why === 'missing' || a.problem.why === 'not-loaded' ? '; check the file name and the texts directory' : '';
  return `cannot read the text '${a.problem.path}' of source '${a.textOf}': ${why}${advice}`;
}

/** What a relation to the wrong kind of thing should have been. */
function kindAdvice(actual: string, expected: string): string {
  if (expected === 'claim' && actual === 'source') return `; relations connect claims: point at one of its claims, or use the source's 'answers'`;
  if (expected === 'claim' && actual === 'evidence') return `; cite evidence under the claim's 'evidence' key`;
  if (expected === 'evidence' && actual === 'claim') return `; to lean on another claim, use 'supports'`;
  return '';
}

const UNCHECKED_BECAUSE: Record<ArgsOf<'quotes-unchecked'>['why'], (text?: string) => string> = {
  'reporting-source-has-no-text': () => "its reporting source has no 'text'",
  'source-has-no-text': () => "the source has no 'text'",
  'texts-off': () => 'quote checks are off (--no-texts)',
  'no-texts-directory': () => 'no texts directory is configured (riposte.config.yaml or --texts)',
  'text-unreadable': (text) => `the text '${text ?? '?'}' could not be read`,
};

/** Longest word diff shown: a wrong quote must not turn a text into a printout of it. */
const MAX_DIFF = 400;

/** The closest passage to a quote not found, the words that differ and the first character that does. */
function closestPassageHint(a: ArgsOf<'quote-not-found'>): string {
  const found = a.closest;
  if (!found) return `no passage of ${a.textName} is close to it`;
  const lines = [`closest passage in ${a.textName} (line ${found.line}, ${found.similarity}% alike):`, `  ${found.passage}`];
  if (found.changes) {
    const words = markChanges(found.changes, found.cut);
    lines.push(`  quote vs text: ${words.length <= MAX_DIFF ? words : `${words.slice(0, MAX_DIFF)}…`}`);
  }
  const first = found.firstDifference;
  if (first) lines.push(`  first difference at character ${first.at} of the quote: ${describeChar(first.quote)} in the quote, ${describeChar(first.text)} in the text`);
  return lines.join('\n');
}

/**
 * Every finding code: its default severity, whether users may change it, its meaning, fix and
 * docs. SARIF rules, the JSON report's `docs`, the rule settings and docs/rules.md read this
 * table and nothing else.
 */
export const RULES: { readonly [C in Code]: Rule<C> } = {
  'yaml-syntax': {
    severity: 'error',
    adjustable: false,
    summary: 'The file is not valid YAML, or not UTF-8 text.',
    help: 'Fix the syntax at the position shown; save the file as UTF-8.',
    why: 'A file that cannot be parsed cannot be checked: nothing in it reaches the map.',
    example: 'claims:\n  - id: a.one\n    summary: "unclosed',
    sample: { args: { why: 'unclosed-quote', quote: '"' } },
    message: (a) => {
      switch (a.why) {
        case 'parser':
          return yamlAdvice(a);
        case 'unclosed-quote':
          return `this ${a.quote === '"' ? 'double' : 'single'}-quoted string is never closed; add the closing ${a.quote}`;
        case 'second-document':
          return "a map file holds one YAML document, and '---' starts a second one here: move it to a file of its own";
        case 'file':
          return describeFileProblem(a.problem);
      }
    },
  },
  'yaml-warning': {
    severity: 'warning',
    adjustable: true,
    summary: 'The YAML parser warns about the file.',
    help: 'Remove the construct it names (an unknown directive, for example).',
    why: 'What the parser warns about is read in a way the writer may not have meant.',
    example: '%FOO bar\n---\nsource: ...',
    sample: { args: { why: 'parser', text: 'Unknown directive %FOO', parserCode: 'BAD_DIRECTIVE' } },
    message: (a) => yamlAdvice(a),
  },
  'duplicate-key': {
    severity: 'error',
    adjustable: false,
    summary: 'A key appears twice in one mapping.',
    help: 'Keep one of the two keys; YAML would silently drop one of the values.',
    why: 'Other YAML readers keep the first value or the last: the map would mean different things to different tools.',
    example: '  - id: a.one\n    summary: First.\n    summary: Second.',
    sample: { args: { why: 'repeated-key', key: 'summary' } },
    message: (a) =>
      a.why === 'repeated-key'
        ? `the key '${a.key}' appears twice in this mapping; each key may appear once, merge or remove the repeated one`
        : `${yamlAdvice(a)}; each key may appear once in a mapping, merge or remove the repeated one`,
  },
  'unsupported-yaml': {
    severity: 'error',
    adjustable: false,
    summary: 'A custom tag, a complex key, or more aliases than allowed.',
    help: 'Write plain YAML: no tags such as !!js/function, no list or mapping as a key, and values written out instead of aliases.',
    why: 'Tags and aliases are how YAML files attack the programs that read them (code execution, "billion laughs"); a map needs neither.',
    example: 'summary: !!js/function "function () {}"',
    sample: { args: { why: 'parser', text: 'Unresolved tag: tag:yaml.org,2002:js/function', parserCode: 'TAG_RESOLVE_FAILED' } },
    message: (a) => {
      switch (a.why) {
        case 'complex-key':
          return 'this key is a list or a mapping; keys of a map file are plain text, write it as one';
        case 'aliases':
          return `${a.text}; riposte maps need no aliases, write the value out`;
        case 'yaml-directive':
          return `riposte reads every map as YAML 1.2 (yes and no are text, no merge keys), so this '%YAML ${a.version}' directive would mislead; remove it`;
        case 'parser':
          return a.parserCode === 'TAG_RESOLVE_FAILED' ? `${yamlAdvice(a)}; riposte reads plain YAML only (no custom tags), remove the tag` : yamlAdvice(a);
      }
    },
  },
  'limit-exceeded': {
    severity: 'error',
    adjustable: false,
    summary: 'A file is larger, deeper or wider than the limits allow.',
    help: 'A map never needs this much; if yours does, raise the limit (--max-file-size, --max-depth, --max-keys, --max-aliases, or limits in riposte.config.yaml).',
    why: 'A hostile pull request could otherwise exhaust the memory or the stack of the CI machine that checks it.',
    sample: { args: { why: 'depth', max: 64 } },
    message: (a) => {
      switch (a.why) {
        case 'depth':
          return `nesting deeper than ${a.max} levels${a.at ? ` (at ${a.at})` : ''}; a map file needs about 6 (raise the limit with --max-depth)`;
        case 'keys':
          return `a mapping with ${a.count} keys${a.at ? ` (at ${a.at})` : ''}, over the limit of ${a.max}; a claim has at most 16 (raise the limit with --max-keys)`;
        case 'file':
          return fileMessage(a);
      }
    },
  },
  'path-outside-project': {
    severity: 'error',
    adjustable: false,
    summary: 'A file that resolves outside the project (or the texts directory), or into a hidden path: it was not read.',
    help: 'A map, its config and its texts may only name files inside the project; hidden paths (.git, .env) are never read. Move the file in, replace the link by the file, or name a trusted path on the command line.',
    why: 'A map, a config or a link in a pull request could otherwise make CI read and print a secret (docs/security.md).',
    example: 'source:\n  text: ../../../home/ci/.ssh/id_rsa',
    sample: { args: { problem: { why: 'outside', path: '../../../home/ci/.ssh/id_rsa', scope: 'the texts directory', root: '/repo/texts' }, textOf: 'a' } },
    message: fileMessage,
  },
  'not-regular-file': {
    severity: 'error',
    adjustable: false,
    summary: 'A directory, named pipe, socket or device where a file is expected: it was not read.',
    help: 'Name a regular file, or remove the entry.',
    why: 'Reading a FIFO or a device can hang the run or never end.',
    sample: { args: { problem: { why: 'not-regular', path: 'arguments/pipe.yaml', kind: 'fifo' } } },
    message: fileMessage,
  },
  'broken-link': {
    severity: 'error',
    adjustable: false,
    summary: 'A symbolic link to nothing, or a loop of links.',
    help: 'Remove the link or point it at the file it stands for.',
    why: 'The file the link stands for is missing from the check.',
    sample: { args: { problem: { why: 'dangling-link', path: 'arguments/old.yaml', target: 'drafts/old.yaml' } } },
    message: fileMessage,
  },
  'unreadable-file': {
    severity: 'error',
    adjustable: false,
    summary: 'A file that could not be read (permissions, an I/O error).',
    help: 'Check the permissions of the file and its directories; the run ends with exit code 2.',
    why: 'A map checked without one of its files could pass while broken.',
    sample: { args: { problem: { why: 'permission', path: 'arguments/a.yaml' } } },
    message: fileMessage,
  },
  'invalid-file-name': {
    severity: 'error',
    adjustable: false,
    summary: 'A file name that is not valid UTF-8: the file cannot be opened by its name.',
    help: 'Rename the file with a UTF-8 name.',
    why: 'The file cannot be named in a report, a link or another system.',
    sample: { args: { problem: { why: 'bad-name', path: 'arguments/caf\ufffd.yaml' } } },
    message: fileMessage,
  },
  'unknown-key': {
    severity: 'error',
    adjustable: true,
    summary: 'A key the map format does not have.',
    help: 'Fix the typo (the closest key is suggested) or remove the key; docs/format.md lists the keys.',
    why: 'A mistyped relation (`rebutts:`) would silently drop an answer from the debate.',
    example: '  - id: a.one\n    summary: One.\n    rebutts: b.two',
    sample: { args: { key: 'rebutts', suggested: 'rebuts', allowed: [] }, pointer: '/claims/0/rebutts' },
    message: (a) => (a.suggested ? `unknown key '${a.key}'${didYouMeanText(a.suggested)}` : `unknown key '${a.key}'; allowed keys here: ${a.allowed.join(', ')}`),
  },
  'missing-key': {
    severity: 'error',
    adjustable: false,
    summary: 'A required key is missing, or the file is empty.',
    help: 'Add the key; a source needs id, kind, title and authors, a claim id and summary.',
    why: 'Without them a claim or source cannot be shown, referred to or attributed.',
    example: 'claims:\n  - summary: A claim without an id.',
    sample: { args: { why: 'required', key: 'id' }, pointer: '/claims/0' },
    message: (a, at) => {
      switch (a.why) {
        case 'required':
          return `missing required key '${a.key}' in ${describePlace(at.pointer)}`;
        case 'needs':
          return `'${a.key}' needs a '${a.needs}' in the same file: claims belong to the file's source`;
        case 'empty-file':
          return "empty map file: expected 'source' and 'claims', or 'evidence'";
      }
    },
  },
  'wrong-type': {
    severity: 'error',
    adjustable: false,
    summary: 'A value has the wrong type.',
    help: 'Give the type the message names; quote numbers and dates that are meant as text.',
    why: 'Every tool that reads the map expects the types the schema gives.',
    example: '    summary: 42',
    sample: { args: { expected: ['string'], got: 'number', value: '42' }, pointer: '/claims/0/summary' },
    message: (a, at) =>
      `${describePlace(at.pointer)} must be ${describeTypes(a.expected)}, got ${describeTypes([a.got])}${a.value === undefined ? '' : `; quote it ("${a.value}") if it is meant as text`}`,
  },
  'invalid-value': {
    severity: 'error',
    adjustable: false,
    summary: 'A value is outside its allowed set.',
    help: 'Use one of the values the message lists.',
    why: 'Kinds and types drive the analyses: an unknown one would be counted as nothing.',
    example: '  kind: leter',
    sample: { args: { why: 'enum', value: 'leter', suggested: 'letter', allowed: ['letter', 'reply', 'statement', 'proposal', 'position', 'opinion', 'report', 'post', 'press-release', 'other'] }, pointer: '/source/kind' },
    message: (a, at) => {
      switch (a.why) {
        case 'enum':
          return `${describePlace(at.pointer)}: '${a.value}'${didYouMeanText(a.suggested)} is not allowed; expected one of ${a.allowed.join(', ')}`;
        case 'slug':
          return `'${a.value}' in ${describePlace(at.pointer)} must be lower-case words joined by '-'`;
        case 'other':
          return `${describePlace(at.pointer)} ${a.text}`;
      }
    },
  },
  'invalid-id': {
    severity: 'error',
    adjustable: false,
    summary: 'An id does not follow the id rules.',
    help: 'Use lower-case letters, digits and single - or . separators, at most 64 characters; `validate --fix` lower-cases an id that only needs that.',
    why: 'Ids are written by hand in relations, URLs and other tools: one spelling each.',
    example: '  - id: A.One',
    sample: { args: { why: 'pattern', value: 'A.One' }, pointer: '/claims/0/id' },
    message: (a) =>
      a.why === 'too-long'
        ? `'${a.value}' is too long: at most ${a.max} characters`
        : `'${a.value}' is not a valid id: use lower-case letters, digits and single '-' or '.' separators (e.g. 'ec-reply-2022.last-resort')`,
  },
  'invalid-date': {
    severity: 'error',
    adjustable: false,
    summary: 'A date is not ISO 8601, or not a day of the calendar.',
    help: 'Write YYYY-MM-DD, or YYYY-MM or YYYY when the day or month is unknown; `validate --fix` rewrites a date with one reading (2024/05/01, 1 May 2024).',
    why: 'Dates order the debate and say who answered whom first.',
    example: '  date: 2016-02-30',
    sample: { args: { why: 'calendar', value: '2016-02-30' }, pointer: '/source/date' },
    message: (a) =>
      a.why === 'calendar'
        ? `'${a.value}' is not a day of the calendar: check the day and the month`
        : `'${a.value}' is not an ISO 8601 date: write YYYY-MM-DD, or YYYY-MM or YYYY when the day or month is unknown`,
  },
  'invalid-url': {
    severity: 'error',
    adjustable: false,
    summary: 'A URL is not an http(s) address.',
    help: 'Give the full http:// or https:// address.',
    why: 'Links are shown to readers and opened by them: javascript: and file: addresses are not.',
    example: '    url: javascript:alert(1)',
    sample: { args: { value: 'javascript:alert(1)' }, pointer: '/source/url' },
    message: (a) => `'${a.value}' is not an http(s) URL`,
  },
  'empty-value': {
    severity: 'error',
    adjustable: true,
    summary: 'An empty string or list.',
    help: 'Fill it in or remove the key.',
    why: 'An empty value is usually something left to write.',
    example: '  - id: a.one\n    summary: ""',
    sample: { args: {}, pointer: '/claims/0/summary' },
    message: (_a, at) => `${describePlace(at.pointer)} must not be empty`,
  },
  'duplicate-value': {
    severity: 'error',
    adjustable: true,
    summary: 'The same value twice in a list, or the same relation twice.',
    help: 'List each value once.',
    why: 'A relation listed twice would be counted twice.',
    example: '    rebuts: [b.two, b.two]',
    sample: { args: { why: 'list', first: 1, second: 2 }, pointer: '/claims/0/rebuts' },
    message: (a, at) =>
      a.why === 'relation'
        ? `claim '${a.claim}' ${a.relation} '${a.target}' twice; list each target once`
        : `${describePlace(at.pointer)} lists the same value twice (the ${ordinal(a.first)} and the ${ordinal(a.second)})`,
  },
  'duplicate-id': {
    severity: 'error',
    adjustable: false,
    summary: 'An id is used twice in the map.',
    help: 'Ids are unique across all files: rename one of the two.',
    why: 'A relation to the id could mean either claim.',
    sample: { args: { id: 'a.one', firstType: 'claim', firstFile: 'arguments/a.yaml', firstPointer: '/claims/0' } },
    message: (a) => `duplicate id '${a.id}': already used by the ${a.firstType} in ${a.firstFile} (${a.firstPointer.slice(1)}); ids are unique across the map`,
  },
  'dangling-reference': {
    severity: 'error',
    adjustable: false,
    summary: 'A reference to an id that does not exist.',
    help: 'Fix the id (the closest one is suggested), or add what it refers to.',
    why: 'An answer to nothing is lost: the claim it meant would be reported unanswered.',
    example: '    rebuts: cs-letter-2022.intrusive-technologie',
    sample: { args: { kind: 'claim', id: 'cs-letter-2022.intrusive-technologie', suggested: 'cs-letter-2022.intrusive-technologies' } },
    message: (a) => `no ${a.kind} '${a.id}'${didYouMeanText(a.suggested)}`,
  },
  'self-relation': {
    severity: 'error',
    adjustable: false,
    summary: 'Something supports, reports or answers itself.',
    help: 'A relation connects two different claims; a source answers or is reported by another source.',
    why: 'It says nothing about the debate, and is almost always a copied id.',
    example: '  - id: a.one\n    supports: a.one',
    sample: { args: { why: 'relation', claim: 'a.one', relation: 'supports' } },
    message: (a) => {
      switch (a.why) {
        case 'reported-by-itself':
          return `source '${a.source}' cannot be reported by itself`;
        case 'answers-itself':
          return `source '${a.source}' cannot answer itself`;
        case 'reported-by-own-source':
          return `claim '${a.claim}' cannot be reported by its own source`;
        case 'relation':
          return `claim '${a.claim}' ${a.relation} itself; a relation connects two different claims`;
      }
    },
  },
  'self-attack': {
    severity: 'warning',
    adjustable: true,
    summary: 'A claim rebuts, undermines or undercuts itself, so it can never stand.',
    help: 'Keep it only if the claim really defeats itself; otherwise fix the id.',
    why: 'Frameworks imported from other tools have self-defeating arguments; in a hand-written map it is usually a copied id.',
    example: '  - id: a.one\n    rebuts: a.one',
    sample: { args: { claim: 'a.one', relation: 'rebuts' } },
    message: (a) => `claim '${a.claim}' ${a.relation} itself, so it can never stand; keep it only if the claim defeats itself`,
  },
  'relation-target-kind': {
    severity: 'error',
    adjustable: false,
    summary: 'A reference points at the wrong kind of thing.',
    help: "Relations point at claims; use a source's 'answers' to answer a document and a claim's 'evidence' to cite evidence.",
    why: 'A relation to a source or to evidence cannot be drawn or counted.',
    example: '    rebuts: cs-letter-2022',
    sample: { args: { role: 'rebuts', id: 'cs-letter-2022', actual: 'source', expected: 'claim' } },
    message: (a) => `${a.role} '${a.id}' is a ${a.actual}, not a ${a.expected}${kindAdvice(a.actual, a.expected)}`,
  },
  'conflicting-relations': {
    severity: 'error',
    adjustable: true,
    summary: 'A claim supports and attacks the same claim.',
    help: "Split the claim in two, or use 'concedes' with a note for a qualified agreement.",
    why: 'The claim would count both as an answer and as support: the analyses cannot say which it is.',
    example: '    supports: b.two\n    rebuts: b.two',
    sample: { args: { claim: 'a.one', target: 'b.two' } },
    message: (a) =>
      `claim '${a.claim}' both supports and attacks '${a.target}'; split it into two claims, or use 'concedes' with a note for a qualified agreement`,
  },
  'same-source-response': {
    severity: 'warning',
    adjustable: true,
    summary: 'A claim responds to a claim of its own source.',
    help: "Map the quoted opponent as a source of its own, 'reported_by' the document.",
    why: 'A document that answers itself is usually quoting an opponent, who then gets no credit for the claim.',
    sample: { args: { claim: 'a.two', relation: 'rebuts', target: 'a.one', source: 'a' } },
    message: (a) =>
      `claim '${a.claim}' ${a.relation} '${a.target}', a claim of the same source '${a.source}'; a response comes from another source (map a quoted opponent as its own source with reported_by)`,
  },
  'response-predates-target': {
    severity: 'warning',
    adjustable: true,
    summary: 'A response is dated before what it answers.',
    help: "Check the two sources' dates and the direction of the relation.",
    why: 'A reply cannot precede what it replies to: a date or the direction of the relation is wrong.',
    sample: { args: { claim: 'a.one', claimDate: '2022-05-01', relation: 'rebuts', target: 'b.two', targetDate: '2023-01-10' } },
    message: (a) =>
      `'${a.claim}' (${a.claimDate}) ${a.relation} '${a.target}' (${a.targetDate}), which came later; check the dates or the direction of the relation`,
  },
  'reported-source-with-text': {
    severity: 'error',
    adjustable: false,
    summary: "Both 'text' and 'reported_by' on one source or claim.",
    help: 'A source known through another document is quoted from that document: remove one of the two.',
    why: 'The quote would be checked against one text while it was taken from the other.',
    example: '  text: letter.txt\n  reported_by: ec-reply-2022',
    sample: { args: { why: 'source', source: 'a' } },
    message: (a) =>
      a.why === 'source'
        ? `source '${a.source}' has both 'text' and 'reported_by': a source known through another document is quoted from that document's text; remove one`
        : `claim '${a.claim}' has 'reported_by' but its source '${a.source}' has a text of its own; quote that text, or remove the source's 'text'`,
  },
  'quote-not-found': {
    severity: 'error',
    adjustable: true,
    summary: "A quote does not occur in its source's text.",
    help: 'Copy the passage verbatim from the text; the closest passage is shown, with the words that differ, and `validate --fix` copies it when only whitespace, quote marks, dashes or case differ.',
    why: 'A quote readers cannot find in the source is a claim about the text that does not hold.',
    example: '    quote: "This is not the case!"',
    sample: { args: { claim: 'a.one', source: 'a', textName: 'letter.txt', closest: { line: 12, similarity: 95, passage: 'This is not the case.', cut: false, changes: [{ value: 'This is not the case' }, { value: '!', removed: true }, { value: '.', added: true }], firstDifference: { at: 21, quote: '!', text: '.' } } } },
    message: (a) => `quote of claim '${a.claim}' not found in the text of '${a.source}'; copy it verbatim from the text`,
    hint: (a) => closestPassageHint(a),
  },
  'text-not-found': {
    severity: 'error',
    adjustable: true,
    summary: "A source's text file cannot be read.",
    help: "Fix the file name in 'text', or the texts directory (riposte.config.yaml or --texts).",
    why: 'Without its text, none of the source\'s quotes can be checked.',
    example: '  text: 001_reply.tx',
    sample: { args: { problem: { why: 'missing', path: 'texts/001_reply.tx', suggested: '001_reply.txt' }, textOf: 'a' } },
    message: fileMessage,
  },
  'text-encoding': {
    severity: 'error',
    adjustable: true,
    summary: "A source's text is not UTF-8 text.",
    help: 'Save the text as UTF-8 (it may be UTF-16 or Latin-1 now).',
    why: 'Quotes are compared character by character: a text in another encoding matches nothing.',
    sample: { args: { problem: { why: 'utf16', path: 'texts/letter.txt' }, textOf: 'a' } },
    message: fileMessage,
  },
  'quotes-unchecked': {
    severity: 'warning',
    adjustable: true,
    summary: 'Quotes with no text to check them against.',
    help: "Give the source a 'text' and configure the texts directory; --strict makes this an error.",
    why: 'An unchecked quote may not be in its source at all.',
    sample: { args: { count: 3, source: 'a', why: 'no-texts-directory' } },
    message: (a) => `${plural(a.count, 'quote')} of source '${a.source}' not checked: ${UNCHECKED_BECAUSE[a.why](a.text)}`,
  },
  'missing-quote': {
    severity: 'warning',
    adjustable: true,
    summary: 'A claim has no quote.',
    help: 'Add the verbatim passage the claim rests on.',
    why: 'A claim without a quote cannot be checked against what its source said.',
    example: '  - id: a.one\n    summary: A claim with nothing to check it against.',
    sample: { args: { claim: 'a.one' } },
    message: (a) => `claim '${a.claim}' has no quote; add the verbatim passage it rests on so readers can check it`,
  },
  'missing-date': {
    severity: 'warning',
    adjustable: true,
    summary: 'A source has no date.',
    help: 'Add the date; a partial date such as 2024-05 will do, with date_inferred when it is inferred.',
    why: 'Undated sources cannot be placed in the debate or checked for answers that predate their target.',
    sample: { args: { source: 'a' } },
    message: (a) => `source '${a.source}' has no date; add 'date' (a partial date such as 2024-05 will do) so it sorts in the debate`,
  },
  'unused-disable': {
    severity: 'warning',
    adjustable: true,
    summary: 'A disable comment that silences nothing.',
    help: 'Remove the comment: the finding it was written for is gone, or it is on the wrong line.',
    why: 'A stale disable comment would silence the next finding of that code on its line without anyone deciding to.',
    example: '  # riposte-disable-next-line missing-quote -- no text exists\n  - id: a.one\n    summary: One.\n    quote: "It has a quote now."',
    sample: { args: { disabled: 'missing-quote', target: 3 } },
    message: (a) =>
      `this comment disables '${a.disabled}', but ${a.target === 0 ? 'no line follows it' : `line ${a.target} has no '${a.disabled}' finding`}; remove it (or the code) from the comment`,
  },
  'invalid-disable': {
    severity: 'warning',
    adjustable: true,
    summary: 'A disable comment that names no code riposte lets you disable, or gives no reason.',
    help: "Write '# riposte-disable-next-line CODE[, CODE] -- reason' with codes from docs/rules.md that can be changed.",
    why: 'Each silenced finding should say which check it silences and why, for the next reviewer.',
    example: '  # riposte-disable-next-line missing-qoute',
    sample: { args: { why: 'unknown-code', code: 'missing-qoute', suggested: 'missing-quote' } },
    message: (a) => {
      switch (a.why) {
        case 'no-codes':
          return "name the codes to disable: '# riposte-disable-next-line CODE -- reason'";
        case 'unknown-code':
          return `unknown code '${a.code}'${didYouMeanText(a.suggested)}; docs/rules.md lists the codes`;
        case 'not-adjustable':
          return `'${a.code}' cannot be disabled: a map with this finding cannot be read or checked whole`;
        case 'no-reason':
          return `say why after ' -- ': '# riposte-disable-next-line ${a.codes.join(', ')} -- reason'`;
      }
    },
  },
  'unanswered-claim': {
    severity: 'warning',
    adjustable: false,
    summary: 'No claim of another source answers this claim.',
    help: 'Map the response that answers it, if there is one: a claim that rebuts, undermines, undercuts or concedes it.',
    why: 'Reported by `riposte unanswered` in the CI formats; `--fail-on` decides whether it fails the run.',
    sample: { args: { claim: 'ec-reply-2022.last-resort', source: 'ec-reply-2022', status: 'unanswered', summary: 'Detection orders are a measure of last resort.' } },
    message: (a) => `claim '${a.claim}' of ${a.source} is ${a.status}: ${a.summary}`,
  },
  'claim-status': {
    severity: 'warning',
    adjustable: false,
    summary: 'A claim listed by riposte status, with its response status and grounded label.',
    help: 'Under --fail-on-listed the listed claims fail the run: map the answer that settles each, or change the filters (--label, --response) to the gate you mean.',
    why: 'Reported by `riposte status` in the CI formats.',
    sample: { args: { claim: 'ec-reply-2022.last-resort', source: 'ec-reply-2022', status: 'answered', label: 'out', summary: 'Detection orders are a measure of last resort.' } },
    message: (a) =>
      `claim '${a.claim}' of ${a.source} is ${a.status} and ${LABEL_NAMES[a.label]}: ${a.summary}`,
  },
  'challenged-claim': {
    severity: 'warning',
    adjustable: false,
    summary: 'This claim is questioned but not answered.',
    help: 'Map the response that answers it, if there is one.',
    why: 'Reported by `riposte unanswered` in the CI formats; `--fail-on` decides whether it fails the run.',
    sample: { args: { claim: 'ec-reply-2022.last-resort', source: 'ec-reply-2022', status: 'challenged', summary: 'Detection orders are a measure of last resort.' } },
    message: (a) => `claim '${a.claim}' of ${a.source} is ${a.status}: ${a.summary}`,
  },
};

/** The severity a finding has before the user's settings: its own for reports, else its code's. */
export function defaultSeverity(finding: Pick<Finding, 'code' | 'severity'>): Severity {
  return finding.severity ?? RULES[finding.code].severity;
}

/** Where a code is documented, relative to the package root. */
export function ruleDocs(code: Code): string {
  return `docs/rules.md#${code}`;
}

/** A finding's message, written from its arguments: the one place prose is made. */
export function messageOf(finding: Pick<Finding, 'code' | 'args'> & { pointer?: string }): string {
  const rule = RULES[finding.code] as Rule<Code>;
  return (rule.message as (args: unknown, at: { pointer: string }) => string)(finding.args, { pointer: finding.pointer ?? '' });
}

/** Extra lines that help fix a finding, when its code has any. */
export function hintOf(finding: Pick<Finding, 'code' | 'args'>): string | undefined {
  const rule = RULES[finding.code] as Rule<Code>;
  return (rule.hint as ((args: unknown) => string | undefined) | undefined)?.(finding.args);
}

/** The message with its hint below it, for formats that carry one text per finding. */
export function fullMessageOf(finding: Pick<Finding, 'code' | 'args'> & { pointer?: string }): string {
  const hint = hintOf(finding);
  return hint ? `${messageOf(finding)}\n${hint}` : messageOf(finding);
}
