/**
 * How riposte words the data of its findings: places in a file, files it did not read, sizes,
 * characters. Only message templates (RULES in diagnostics.ts) and run errors use these.
 */

/** 1st, 2nd, 3rd, 4th ... 11th, 12th, 13th ... 21st. */
export function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}

/** What one item of each list of the format is called in messages. */
const ITEM_NOUNS: Record<string, string> = {
  claims: 'claim',
  evidence: 'evidence entry',
  authors: 'author',
  signatories: 'signatory',
  tags: 'tag',
  quote: 'quote',
  answers: 'answered source',
  addressed_to: 'addressee',
  supports: 'supported claim',
  rebuts: 'rebutted claim',
  undermines: 'undermined claim',
  undercuts: 'undercut claim',
  concedes: 'conceded claim',
  questions: 'questioned claim',
};

function lastSegment(pointer: string): string {
  return pointer.slice(pointer.lastIndexOf('/') + 1);
}

/** The place a JSON pointer names, as people say it: 'the file', "'summary'", 'the 4th claim'. */
export function describePlace(pointer: string): string {
  const name = lastSegment(pointer).replace(/~1/g, '/').replace(/~0/g, '~');
  if (pointer === '' || name === '') return 'the file';
  if (!/^\d+$/.test(name)) return `'${name}'`;
  // Counted from 1, as people count: '/claims/3' is the 4th claim.
  const list = lastSegment(pointer.slice(0, pointer.lastIndexOf('/')));
  const noun = ITEM_NOUNS[list];
  return noun ? `the ${ordinal(Number(name) + 1)} ${noun}` : `the ${ordinal(Number(name) + 1)} item of '${list}'`;
}

const TYPE_NAMES: Record<string, string> = {
  string: 'a string',
  array: 'a list',
  object: 'a mapping',
  number: 'a number',
  integer: 'an integer',
  boolean: 'true or false',
  null: 'null',
  date: 'a date',
};

/** 'a string', 'a list or a mapping': the JSON Schema type names of `types` in words. */
export function describeTypes(types: readonly string[]): string {
  return types.map((t) => TYPE_NAMES[t] ?? t).join(' or ');
}

/** ` (did you mean 'x'?)`, or nothing. */
export function didYouMeanText(suggested: string | undefined): string {
  return suggested === undefined ? '' : ` (did you mean '${suggested}'?)`;
}

/** Grounded labels as a reader says them: what the label means, then its name in argumentation theory. */
export const LABEL_NAMES: Readonly<Record<'in' | 'out' | 'undecided', string>> = { in: 'stands (in)', out: 'defeated (out)', undecided: 'undecided' };

/** '1 quote', '3 quotes', '2 more responses'. */
export function plural(count: number, word: string, many = `${word}s`): string {
  return `${count} ${count === 1 ? word : many}`;
}

const MB = 1024 * 1024;
export function describeSize(bytes: number): string {
  return bytes >= MB ? `${(bytes / MB).toFixed(1)} MB` : `${bytes} bytes`;
}

/** A character as a reader can tell it apart from its look-alikes: 'a', '’' (U+2019), U+200B. */
export function describeChar(ch: string | undefined): string {
  if (ch === undefined) return 'nothing';
  const code = ch.codePointAt(0)!;
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  if (code > 0x20 && code < 0x7f) return `'${ch}'`;
  return /[\p{L}\p{N}\p{P}\p{S}]/u.test(ch) ? `'${ch}' (${hex})` : hex;
}

/** One run of words of a quote against its passage. */
export interface WordChange {
  value: string;
  /** In the text, not in the quote. */
  added?: boolean;
  /** In the quote, not in the text. */
  removed?: boolean;
}

/**
 * A word diff as `git diff --word-diff=plain` marks it: `[-the quote's words-]{+the text's+}`;
 * ending in '…' when the passage shown was cut short.
 */
export function markChanges(changes: readonly WordChange[], cut: boolean): string {
  const marked = changes.map((c) => (c.removed ? `[-${c.value}-]` : c.added ? `{+${c.value}+}` : c.value)).join('');
  return cut ? `${marked.trimEnd()} …` : marked;
}

/** What a file that is not a regular file is. */
export type FileKindName = 'directory' | 'fifo' | 'socket' | 'character-device' | 'block-device' | 'other';

const KIND_NAMES: Record<FileKindName, string> = {
  directory: 'a directory',
  fifo: 'a named pipe (FIFO)',
  socket: 'a socket',
  'character-device': 'a character device',
  'block-device': 'a block device',
  other: 'not a regular file',
};

/** 'a directory', 'a named pipe (FIFO)'. */
export function describeKindName(kind: FileKindName): string {
  return KIND_NAMES[kind];
}

/** Where one run may read, as messages name it. */
export type ScopeLabel = 'the project' | 'the texts directory';

/**
 * Why a file was not read, or could not be used: data, worded by `describeFileProblem`.
 * `path` is the file as the user named it; `link` the real path a symbolic link led to.
 */
export type FileProblem =
  | { why: 'outside'; path: string; link?: string; scope: ScopeLabel; root: string }
  | { why: 'hidden'; path: string; link?: string; scope: ScopeLabel; segment: string }
  | { why: 'not-regular'; path: string; link?: string; kind: FileKindName }
  | { why: 'link-loop'; path: string }
  | { why: 'dangling-link'; path: string; target: string }
  | { why: 'bad-name'; path: string }
  | { why: 'missing'; path: string; suggested?: string }
  | { why: 'permission'; path: string }
  | { why: 'not-a-directory'; path: string }
  | { why: 'is-a-directory'; path: string }
  | { why: 'io'; path: string; error: string }
  | { why: 'too-large'; path: string; size: number; limit: number; option: '--max-file-size' | '--max-text-size' }
  | { why: 'utf16'; path: string }
  | { why: 'nul'; path: string; offset: number }
  | { why: 'not-utf8'; path: string }
  | { why: 'not-loaded'; path: string };

/** Why a file was not read, and what to do, in one sentence. */
export function describeFileProblem(problem: FileProblem): string {
  const shown = `'${problem.path}'`;
  const via = (p: { link?: string }, verb: string): string => (p.link === undefined ? ` ${verb}` : ` is a symbolic link to '${p.link}', which ${verb}`);
  switch (problem.why) {
    case 'outside': {
      const trust = problem.scope === 'the project' ? ', or name it on the command line if you trust it' : ', or name a texts directory you trust with --texts';
      return `${shown}${via(problem, 'lies')} outside ${problem.scope} (${problem.root}); riposte reads nothing outside ${problem.scope}, so nothing of it was read; put the file itself inside ${problem.scope}${trust}`;
    }
    case 'hidden': {
      const trust = problem.scope === 'the project' ? ', or name it on the command line if you trust it' : ', or name a texts directory you trust with --texts';
      return `${shown}${via(problem, 'is')} a hidden file or lies in a hidden directory ('${problem.segment}'); riposte never reads hidden paths of ${problem.scope}, where credentials live (.git, .env, .npmrc); move the file to a visible path${trust}`;
    }
    case 'not-regular':
      return `${shown}${via(problem, 'is')} ${KIND_NAMES[problem.kind]}, not a regular file; riposte reads only regular files, so it was skipped`;
    case 'link-loop':
      return `${shown} is a symbolic link loop; remove the link or point it at a file`;
    case 'dangling-link':
      return `${shown} is a symbolic link to '${problem.target}', which does not exist; remove the link or point it at a file`;
    case 'bad-name':
      return `the name of ${shown} is not valid UTF-8 (shown with \ufffd), so riposte cannot open it; rename the file`;
    case 'missing':
      return `no such file or directory: ${shown}${didYouMeanText(problem.suggested)}`;
    case 'permission':
      return `permission denied: ${shown} (check its permissions and those of its directories)`;
    case 'not-a-directory':
      return `not a directory: ${shown}`;
    case 'is-a-directory':
      return `is a directory, expected a file: ${shown}`;
    case 'io':
      return `cannot read ${shown}: ${problem.error}`;
    case 'too-large':
      return `${shown} is ${describeSize(problem.size)}, over the limit of ${describeSize(problem.limit)}${problem.option === '--max-text-size' ? ' for a text' : ''} (raise it with ${problem.option})`;
    case 'utf16':
      return `${shown} is UTF-16, not UTF-8; save it as UTF-8`;
    case 'nul':
      return `${shown} holds a NUL byte at offset ${problem.offset}: it is binary or UTF-16, not UTF-8 text`;
    case 'not-utf8':
      return `${shown} is not valid UTF-8 (Latin-1 or Windows-1252, perhaps); save it as UTF-8`;
    case 'not-loaded':
      return `${shown} was not loaded`;
  }
}
