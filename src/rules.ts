import type { DiagnosticCode, ReportCode } from './diagnostics.js';

export interface Rule {
  /** One line: what the finding means. */
  summary: string;
  /** What to do about it. */
  help: string;
}

/** Every finding code with its meaning and fix: SARIF rules and other reports read this table. */
export const RULES: Record<DiagnosticCode | ReportCode, Rule> = {
  'yaml-syntax': { summary: 'The file is not valid YAML, or not UTF-8 text.', help: 'Fix the syntax at the position shown; save the file as UTF-8.' },
  'yaml-warning': { summary: 'The YAML parser warns about the file.', help: 'Remove the construct it names (an unknown directive, for example).' },
  'duplicate-key': { summary: 'A key appears twice in one mapping.', help: 'Keep one of the two keys; YAML would silently drop one of the values.' },
  'unsupported-yaml': { summary: 'A custom tag, or more aliases than allowed.', help: 'Write plain YAML: no tags such as !!js/function, and write values out instead of using aliases.' },
  'limit-exceeded': { summary: 'A file is larger, deeper or wider than the limits allow.', help: 'A map never needs this much; if yours does, raise the limit (--max-file-size, --max-depth, --max-keys, --max-aliases, or limits in riposte.config.yaml).' },
  'path-outside-project': {
    summary: 'A file that resolves outside the project (or the texts directory), or into a hidden path: it was not read.',
    help: 'A map, its config and its texts may only name files inside the project; hidden paths (.git, .env) are never read. Move the file in, replace the link by the file, or name a trusted path on the command line.',
  },
  'not-regular-file': { summary: 'A directory, named pipe, socket or device where a file is expected: it was not read.', help: 'Name a regular file, or remove the entry.' },
  'broken-link': { summary: 'A symbolic link to nothing, or a loop of links.', help: 'Remove the link or point it at the file it stands for.' },
  'unreadable-file': { summary: 'A file that could not be read (permissions, an I/O error).', help: 'Check the permissions of the file and its directories; the run ends with exit code 2.' },
  'invalid-file-name': { summary: 'A file name that is not valid UTF-8: the file cannot be opened by its name.', help: 'Rename the file with a UTF-8 name.' },
  'unknown-key': { summary: 'A key the map format does not have.', help: 'Fix the typo (the closest key is suggested) or remove the key; docs/format.md lists the keys.' },
  'missing-key': { summary: 'A required key is missing, or the file is empty.', help: 'Add the key; a source needs id, kind, title and authors, a claim id and summary.' },
  'wrong-type': { summary: 'A value has the wrong type.', help: 'Give the type the message names; quote numbers and dates that are meant as text.' },
  'invalid-value': { summary: 'A value is outside its allowed set.', help: 'Use one of the values the message lists.' },
  'invalid-id': { summary: 'An id does not follow the id rules.', help: 'Use lower-case letters, digits and single - or . separators, at most 64 characters.' },
  'invalid-date': { summary: 'A date is not ISO 8601.', help: 'Write YYYY-MM-DD, or YYYY-MM or YYYY when the day or month is unknown.' },
  'invalid-url': { summary: 'A URL is not an http(s) address.', help: 'Give the full http:// or https:// address.' },
  'empty-value': { summary: 'An empty string or list.', help: 'Fill it in or remove the key.' },
  'duplicate-value': { summary: 'The same value twice in a list, or the same relation twice.', help: 'List each value once.' },
  'duplicate-id': { summary: 'An id is used twice in the map.', help: 'Ids are unique across all files: rename one of the two.' },
  'dangling-reference': { summary: 'A reference to an id that does not exist.', help: 'Fix the id (the closest one is suggested), or add what it refers to.' },
  'self-relation': { summary: 'Something refers to itself.', help: 'A relation connects two different claims; a source answers or is reported by another source.' },
  'relation-target-kind': { summary: 'A reference points at the wrong kind of thing.', help: "Relations point at claims; use a source's 'answers' to answer a document and a claim's 'evidence' to cite evidence." },
  'conflicting-relations': { summary: 'A claim supports and attacks the same claim.', help: "Split the claim in two, or use 'concedes' with a note for a qualified agreement." },
  'same-source-response': { summary: 'A claim responds to a claim of its own source.', help: "Map the quoted opponent as a source of its own, 'reported_by' the document." },
  'response-predates-target': { summary: 'A response is dated before what it answers.', help: 'Check the two sources\' dates and the direction of the relation.' },
  'reported-source-with-text': { summary: "Both 'text' and 'reported_by' on one source or claim.", help: 'A source known through another document is quoted from that document: remove one of the two.' },
  'quote-not-found': { summary: "A quote does not occur in its source's text.", help: 'Copy the passage verbatim from the text; the closest passage is shown.' },
  'text-not-found': { summary: "A source's text file cannot be read.", help: "Fix the file name in 'text', or the texts directory (riposte.config.yaml or --texts)." },
  'text-encoding': { summary: "A source's text is not UTF-8 text.", help: 'Save the text as UTF-8 (it may be UTF-16 or Latin-1 now).' },
  'quotes-unchecked': { summary: 'Quotes with no text to check them against.', help: "Give the source a 'text' and configure the texts directory; --strict makes this an error." },
  'missing-quote': { summary: 'A claim has no quote.', help: 'Add the verbatim passage the claim rests on.' },
  'missing-date': { summary: 'A source has no date.', help: 'Add the date; a partial date such as 2024-05 will do, with date_inferred when it is inferred.' },
  'unanswered-claim': { summary: 'No claim of another source answers this claim.', help: 'Map the response that answers it, if there is one: a claim that rebuts, undermines, undercuts or concedes it.' },
  'claim-status': {
    summary: 'A claim listed by riposte status, with its response status and grounded label.',
    help: 'Under --fail-on-listed the listed claims fail the run: map the answer that settles each, or change the filters (--label, --response) to the gate you mean.',
  },
  'challenged-claim': { summary: 'This claim is questioned but not answered.', help: 'Map the response that answers it, if there is one.' },
};
