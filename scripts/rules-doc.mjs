// Writes docs/rules.md from the rules table (RULES in src/diagnostics.ts), so the docs cannot
// drift from the findings. Run after `npm run build`:
//   node scripts/rules-doc.mjs          write docs/rules.md
//   node scripts/rules-doc.mjs --check  exit 1 if docs/rules.md is not what the table says
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { DIAGNOSTIC_CODES, REPORT_CODES, RULES, messageOf, hintOf } = await import(pathToFileURL(path.join(root, 'dist', 'diagnostics.js')).href);
const target = path.join(root, 'docs', 'rules.md');

const intro = `# Rules

Every finding riposte reports has a code. This page says, for each code, what it checks, why,
what a map that has it looks like, and how to fix it. It is generated from the table the
findings themselves come from (\`node scripts/rules-doc.mjs\`), so it says what riposte does.

## Changing a rule

A rule marked *can be changed* may be turned off, or made a warning or an error:

- for the whole map, in \`riposte.config.yaml\`:

  \`\`\`yaml
  rules:
    missing-quote: off        # off, warn or error
    missing-date: error
  \`\`\`

- for one run: \`riposte validate --rule missing-quote=off\` (repeatable; it overrides the config);
- for one finding, with a comment on the line before it that says why:

  \`\`\`yaml
    # riposte-disable-next-line missing-quote -- said at a press conference, no text exists
    - id: ministry-2024.no-backdoors
      summary: The ministry will not ask for backdoors.
  \`\`\`

  The comment must be on a line of its own; it applies to the next line that is neither blank
  nor a comment, and may name several codes (\`missing-quote, missing-date\`). A comment that
  silences nothing is reported (\`unused-disable\`), and so is one without a reason or with a code
  that does not exist or cannot be changed (\`invalid-disable\`).

\`--strict\` is \`--rule quotes-unchecked=error\`. Rules marked *cannot be changed* are about files
that cannot be read or parsed whole, or a map that cannot be built: nothing reliable can be said
about such a map, so their findings always count.

The JSON report gives each finding's \`docs\` (this page and the code's anchor), its \`message\`,
and the \`args\` the message is written from: data a program can read without parsing prose
(the samples below show them). SARIF carries each rule's summary, reason and fix.

## Codes

| code | default | can be changed | what it means |
|---|---|---|---|
`;

function section(code) {
  const rule = RULES[code];
  const lines = [`### ${code}`, '', `${rule.summary}`, '', `Default: **${rule.severity}**; ${rule.adjustable ? 'can be changed' : 'cannot be changed'}.`, '', `Why: ${rule.why}`, ''];
  if (rule.example) lines.push('For example:', '', '```yaml', rule.example, '```', '');
  // Written by the message template itself: what a report says, word for word.
  const sample = { code, args: rule.sample.args, pointer: rule.sample.pointer ?? '' };
  const hint = hintOf(sample);
  lines.push('The report says, for instance:', '', '```text', messageOf(sample), ...(hint ? [hint] : []), '```', '');
  lines.push(`Arguments in the JSON report: \`${JSON.stringify(rule.sample.args)}\``, '');
  lines.push(`Fix: ${rule.help}`, '');
  return lines.join('\n');
}

const escapeCell = (text) => text.replace(/\|/g, '\\|');
const codes = [...DIAGNOSTIC_CODES, ...REPORT_CODES];
const table = codes.map((code) => `| [\`${code}\`](#${code}) | ${RULES[code].severity} | ${RULES[code].adjustable ? 'yes' : 'no'} | ${escapeCell(RULES[code].summary)} |`).join('\n');
const reports = `
## Findings of the reports

\`riposte unanswered\` and \`riposte status\` give their claims as findings in the CI formats
(\`--format github\`, \`sarif\`, \`junit\`, \`gitlab\`); their \`--fail-on\` options decide whether they
fail the run, not the rule settings.
`;
const text = `${intro}${table}\n\n${DIAGNOSTIC_CODES.map(section).join('\n')}${reports}\n${REPORT_CODES.map(section).join('\n')}`;

if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(target, 'utf8');
  } catch {
    // missing: out of date
  }
  if (current !== text) {
    console.error('docs/rules.md is out of date with the rules table: run `npm run build && node scripts/rules-doc.mjs`');
    process.exit(1);
  }
  console.log('docs/rules.md matches the rules table');
} else {
  writeFileSync(target, text);
  console.log('wrote docs/rules.md');
}
