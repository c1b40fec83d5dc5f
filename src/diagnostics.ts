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

export interface Diagnostic {
  code: Code;
  severity: Severity;
  message: string;
  /** Path of the map file, as given on the command line (relative to the working directory). */
  file: string;
  /** JSON pointer into the file's data ('' for the whole document). */
  pointer: string;
  /** 1-based; filled in by `locate` from the file's YAML, 0 when no position is known. */
  line: number;
  column: number;
  /** 0-based character offsets of the offending node in the file, for code frames. */
  offset?: number;
  endOffset?: number;
  /** Extra lines that help fix it (the closest passage of a text, a hint). */
  hint?: string;
  /** A fix that is certain: the value to put in place of the scalar at `pointer` (`validate --fix`). */
  fix?: Fix;
}

/** A certain fix: the scalar at the finding's pointer becomes `value`. */
export interface Fix {
  value: string;
  /** What the fix does, for the report ('lower-case the id'). */
  does: string;
}

/**
 * A diagnostic before positions are attached: checks work on data and pointers only. A check
 * leaves `severity` out: the code's default in RULES applies, then the user's rule settings.
 */
export type Finding = Omit<Diagnostic, 'line' | 'column' | 'endOffset' | 'severity'> & {
  /** Only for findings whose severity the run decides (the reports' `--fail-on`). */
  severity?: Severity;
  /** Point at the mapping key rather than its value (unknown keys). */
  atKey?: boolean;
  /** For YAML errors the parser's offset is known; checks leave it out and give a pointer. */
  offset?: number;
  /** About a file that was not read (refused or unreadable): it has no position, and locating it reads nothing. */
  unread?: boolean;
};

/** A finding whose severity is settled (its default, or the user's setting): ready to be placed and shown. */
export type SettledFinding = Finding & { severity: Severity };

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
    a.line - b.line ||
    a.column - b.column ||
    (a.code < b.code ? -1 : a.code > b.code ? 1 : 0) ||
    (a.message < b.message ? -1 : a.message > b.message ? 1 : 0)
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

export interface Rule {
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
}

/**
 * Every finding code: its default severity, whether users may change it, its meaning, fix and
 * docs. SARIF rules, the JSON report's `docs`, the rule settings and docs/rules.md read this
 * table and nothing else.
 */
export const RULES: Record<Code, Rule> = {
  'yaml-syntax': {
    severity: 'error',
    adjustable: false,
    summary: 'The file is not valid YAML, or not UTF-8 text.',
    help: 'Fix the syntax at the position shown; save the file as UTF-8.',
    why: 'A file that cannot be parsed cannot be checked: nothing in it reaches the map.',
    example: 'claims:\n  - id: a.one\n    summary: "unclosed',
  },
  'yaml-warning': {
    severity: 'warning',
    adjustable: true,
    summary: 'The YAML parser warns about the file.',
    help: 'Remove the construct it names (an unknown directive, for example).',
    why: 'What the parser warns about is read in a way the writer may not have meant.',
    example: '%FOO bar\n---\nsource: ...',
  },
  'duplicate-key': {
    severity: 'error',
    adjustable: false,
    summary: 'A key appears twice in one mapping.',
    help: 'Keep one of the two keys; YAML would silently drop one of the values.',
    why: 'Other YAML readers keep the first value or the last: the map would mean different things to different tools.',
    example: '  - id: a.one\n    summary: First.\n    summary: Second.',
  },
  'unsupported-yaml': {
    severity: 'error',
    adjustable: false,
    summary: 'A custom tag, a complex key, or more aliases than allowed.',
    help: 'Write plain YAML: no tags such as !!js/function, no list or mapping as a key, and values written out instead of aliases.',
    why: 'Tags and aliases are how YAML files attack the programs that read them (code execution, "billion laughs"); a map needs neither.',
    example: 'summary: !!js/function "function () {}"',
  },
  'limit-exceeded': {
    severity: 'error',
    adjustable: false,
    summary: 'A file is larger, deeper or wider than the limits allow.',
    help: 'A map never needs this much; if yours does, raise the limit (--max-file-size, --max-depth, --max-keys, --max-aliases, or limits in riposte.config.yaml).',
    why: 'A hostile pull request could otherwise exhaust the memory or the stack of the CI machine that checks it.',
  },
  'path-outside-project': {
    severity: 'error',
    adjustable: false,
    summary: 'A file that resolves outside the project (or the texts directory), or into a hidden path: it was not read.',
    help: 'A map, its config and its texts may only name files inside the project; hidden paths (.git, .env) are never read. Move the file in, replace the link by the file, or name a trusted path on the command line.',
    why: 'A map, a config or a link in a pull request could otherwise make CI read and print a secret (docs/security.md).',
    example: 'source:\n  text: ../../../home/ci/.ssh/id_rsa',
  },
  'not-regular-file': {
    severity: 'error',
    adjustable: false,
    summary: 'A directory, named pipe, socket or device where a file is expected: it was not read.',
    help: 'Name a regular file, or remove the entry.',
    why: 'Reading a FIFO or a device can hang the run or never end.',
  },
  'broken-link': {
    severity: 'error',
    adjustable: false,
    summary: 'A symbolic link to nothing, or a loop of links.',
    help: 'Remove the link or point it at the file it stands for.',
    why: 'The file the link stands for is missing from the check.',
  },
  'unreadable-file': {
    severity: 'error',
    adjustable: false,
    summary: 'A file that could not be read (permissions, an I/O error).',
    help: 'Check the permissions of the file and its directories; the run ends with exit code 2.',
    why: 'A map checked without one of its files could pass while broken.',
  },
  'invalid-file-name': {
    severity: 'error',
    adjustable: false,
    summary: 'A file name that is not valid UTF-8: the file cannot be opened by its name.',
    help: 'Rename the file with a UTF-8 name.',
    why: 'The file cannot be named in a report, a link or another system.',
  },
  'unknown-key': {
    severity: 'error',
    adjustable: true,
    summary: 'A key the map format does not have.',
    help: 'Fix the typo (the closest key is suggested) or remove the key; docs/format.md lists the keys.',
    why: 'A mistyped relation (`rebutts:`) would silently drop an answer from the debate.',
    example: '  - id: a.one\n    summary: One.\n    rebutts: b.two',
  },
  'missing-key': {
    severity: 'error',
    adjustable: false,
    summary: 'A required key is missing, or the file is empty.',
    help: 'Add the key; a source needs id, kind, title and authors, a claim id and summary.',
    why: 'Without them a claim or source cannot be shown, referred to or attributed.',
    example: 'claims:\n  - summary: A claim without an id.',
  },
  'wrong-type': {
    severity: 'error',
    adjustable: false,
    summary: 'A value has the wrong type.',
    help: 'Give the type the message names; quote numbers and dates that are meant as text.',
    why: 'Every tool that reads the map expects the types the schema gives.',
    example: '    summary: 42',
  },
  'invalid-value': {
    severity: 'error',
    adjustable: false,
    summary: 'A value is outside its allowed set.',
    help: 'Use one of the values the message lists.',
    why: 'Kinds and types drive the analyses: an unknown one would be counted as nothing.',
    example: '  kind: leter',
  },
  'invalid-id': {
    severity: 'error',
    adjustable: false,
    summary: 'An id does not follow the id rules.',
    help: 'Use lower-case letters, digits and single - or . separators, at most 64 characters; `validate --fix` lower-cases an id that only needs that.',
    why: 'Ids are written by hand in relations, URLs and other tools: one spelling each.',
    example: '  - id: A.One',
  },
  'invalid-date': {
    severity: 'error',
    adjustable: false,
    summary: 'A date is not ISO 8601, or not a day of the calendar.',
    help: 'Write YYYY-MM-DD, or YYYY-MM or YYYY when the day or month is unknown; `validate --fix` rewrites a date with one reading (2024/05/01, 1 May 2024).',
    why: 'Dates order the debate and say who answered whom first.',
    example: '  date: 2016-02-30',
  },
  'invalid-url': {
    severity: 'error',
    adjustable: false,
    summary: 'A URL is not an http(s) address.',
    help: 'Give the full http:// or https:// address.',
    why: 'Links are shown to readers and opened by them: javascript: and file: addresses are not.',
    example: '    url: javascript:alert(1)',
  },
  'empty-value': {
    severity: 'error',
    adjustable: true,
    summary: 'An empty string or list.',
    help: 'Fill it in or remove the key.',
    why: 'An empty value is usually something left to write.',
    example: '  - id: a.one\n    summary: ""',
  },
  'duplicate-value': {
    severity: 'error',
    adjustable: true,
    summary: 'The same value twice in a list, or the same relation twice.',
    help: 'List each value once.',
    why: 'A relation listed twice would be counted twice.',
    example: '    rebuts: [b.two, b.two]',
  },
  'duplicate-id': {
    severity: 'error',
    adjustable: false,
    summary: 'An id is used twice in the map.',
    help: 'Ids are unique across all files: rename one of the two.',
    why: 'A relation to the id could mean either claim.',
  },
  'dangling-reference': {
    severity: 'error',
    adjustable: false,
    summary: 'A reference to an id that does not exist.',
    help: 'Fix the id (the closest one is suggested), or add what it refers to.',
    why: 'An answer to nothing is lost: the claim it meant would be reported unanswered.',
    example: '    rebuts: cs-letter-2022.intrusive-technologie',
  },
  'self-relation': {
    severity: 'error',
    adjustable: false,
    summary: 'Something supports, reports or answers itself.',
    help: 'A relation connects two different claims; a source answers or is reported by another source.',
    why: 'It says nothing about the debate, and is almost always a copied id.',
    example: '  - id: a.one\n    supports: a.one',
  },
  'self-attack': {
    severity: 'warning',
    adjustable: true,
    summary: 'A claim rebuts, undermines or undercuts itself, so it can never stand.',
    help: 'Keep it only if the claim really defeats itself; otherwise fix the id.',
    why: 'Frameworks imported from other tools have self-defeating arguments; in a hand-written map it is usually a copied id.',
    example: '  - id: a.one\n    rebuts: a.one',
  },
  'relation-target-kind': {
    severity: 'error',
    adjustable: false,
    summary: 'A reference points at the wrong kind of thing.',
    help: "Relations point at claims; use a source's 'answers' to answer a document and a claim's 'evidence' to cite evidence.",
    why: 'A relation to a source or to evidence cannot be drawn or counted.',
    example: '    rebuts: cs-letter-2022',
  },
  'conflicting-relations': {
    severity: 'error',
    adjustable: true,
    summary: 'A claim supports and attacks the same claim.',
    help: "Split the claim in two, or use 'concedes' with a note for a qualified agreement.",
    why: 'The claim would count both as an answer and as support: the analyses cannot say which it is.',
    example: '    supports: b.two\n    rebuts: b.two',
  },
  'same-source-response': {
    severity: 'warning',
    adjustable: true,
    summary: 'A claim responds to a claim of its own source.',
    help: "Map the quoted opponent as a source of its own, 'reported_by' the document.",
    why: 'A document that answers itself is usually quoting an opponent, who then gets no credit for the claim.',
  },
  'response-predates-target': {
    severity: 'warning',
    adjustable: true,
    summary: 'A response is dated before what it answers.',
    help: "Check the two sources' dates and the direction of the relation.",
    why: 'A reply cannot precede what it replies to: a date or the direction of the relation is wrong.',
  },
  'reported-source-with-text': {
    severity: 'error',
    adjustable: false,
    summary: "Both 'text' and 'reported_by' on one source or claim.",
    help: 'A source known through another document is quoted from that document: remove one of the two.',
    why: 'The quote would be checked against one text while it was taken from the other.',
    example: '  text: letter.txt\n  reported_by: ec-reply-2022',
  },
  'quote-not-found': {
    severity: 'error',
    adjustable: true,
    summary: "A quote does not occur in its source's text.",
    help: 'Copy the passage verbatim from the text; the closest passage is shown, with the words that differ, and `validate --fix` copies it when only whitespace, quote marks, dashes or case differ.',
    why: 'A quote readers cannot find in the source is a claim about the text that does not hold.',
    example: '    quote: "This is not the case!"',
  },
  'text-not-found': {
    severity: 'error',
    adjustable: true,
    summary: "A source's text file cannot be read.",
    help: "Fix the file name in 'text', or the texts directory (riposte.config.yaml or --texts).",
    why: 'Without its text, none of the source\'s quotes can be checked.',
    example: '  text: 001_reply.tx',
  },
  'text-encoding': {
    severity: 'error',
    adjustable: true,
    summary: "A source's text is not UTF-8 text.",
    help: 'Save the text as UTF-8 (it may be UTF-16 or Latin-1 now).',
    why: 'Quotes are compared character by character: a text in another encoding matches nothing.',
  },
  'quotes-unchecked': {
    severity: 'warning',
    adjustable: true,
    summary: 'Quotes with no text to check them against.',
    help: "Give the source a 'text' and configure the texts directory; --strict makes this an error.",
    why: 'An unchecked quote may not be in its source at all.',
  },
  'missing-quote': {
    severity: 'warning',
    adjustable: true,
    summary: 'A claim has no quote.',
    help: 'Add the verbatim passage the claim rests on.',
    why: 'A claim without a quote cannot be checked against what its source said.',
    example: '  - id: a.one\n    summary: A claim with nothing to check it against.',
  },
  'missing-date': {
    severity: 'warning',
    adjustable: true,
    summary: 'A source has no date.',
    help: 'Add the date; a partial date such as 2024-05 will do, with date_inferred when it is inferred.',
    why: 'Undated sources cannot be placed in the debate or checked for answers that predate their target.',
  },
  'unused-disable': {
    severity: 'warning',
    adjustable: true,
    summary: 'A disable comment that silences nothing.',
    help: 'Remove the comment: the finding it was written for is gone, or it is on the wrong line.',
    why: 'A stale disable comment would silence the next finding of that code on its line without anyone deciding to.',
    example: '  # riposte-disable-next-line missing-quote -- no text exists\n  - id: a.one\n    summary: One.\n    quote: "It has a quote now."',
  },
  'invalid-disable': {
    severity: 'warning',
    adjustable: true,
    summary: 'A disable comment that names no code riposte lets you disable, or gives no reason.',
    help: "Write '# riposte-disable-next-line CODE[, CODE] -- reason' with codes from docs/rules.md that can be changed.",
    why: 'Each silenced finding should say which check it silences and why, for the next reviewer.',
    example: '  # riposte-disable-next-line missing-qoute',
  },
  'unanswered-claim': {
    severity: 'warning',
    adjustable: false,
    summary: 'No claim of another source answers this claim.',
    help: 'Map the response that answers it, if there is one: a claim that rebuts, undermines, undercuts or concedes it.',
    why: 'Reported by `riposte unanswered` in the CI formats; `--fail-on` decides whether it fails the run.',
  },
  'claim-status': {
    severity: 'warning',
    adjustable: false,
    summary: 'A claim listed by riposte status, with its response status and grounded label.',
    help: 'Under --fail-on-listed the listed claims fail the run: map the answer that settles each, or change the filters (--label, --response) to the gate you mean.',
    why: 'Reported by `riposte status` in the CI formats.',
  },
  'challenged-claim': {
    severity: 'warning',
    adjustable: false,
    summary: 'This claim is questioned but not answered.',
    help: 'Map the response that answers it, if there is one.',
    why: 'Reported by `riposte unanswered` in the CI formats; `--fail-on` decides whether it fails the run.',
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
