import { lstat, mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isInterrupted, writeFileAtomic } from '../io/atomic-write.js';
import { InputError, describeFsError } from '../load/discover.js';
import { isInside, realOrSelf } from '../load/scope.js';
import { safeInline } from '../render/sanitize.js';
import { EXIT, type CommandContext } from './context.js';

const LETTER_TEXT = `Open letter on scanning private messages

We, the undersigned organisations, believe that scanning every private message is incompatible
with end-to-end encryption. We ask the Council to reject the proposal.
`;

const REPLY_TEXT = `Dear signatories,

Scanning happens only on a court's order, and only for a limited time. We agree that encryption
matters.
`;

function letterMap(schema: string): string {
  return `# yaml-language-server: $schema=${schema}
# A riposte map file: one source document, the claims it makes, and how they relate to claims
# of other documents. riposte's docs/format.md describes every key; 'riposte schema' prints the schema.

source:
  id: example-letter # unique across the map: lower-case, digits, - and .
  kind: letter # letter, reply, statement, proposal, position, opinion, ...
  title: Open letter on scanning private messages
  authors: [Example digital rights group]
  date: 2024-05 # ISO 8601; 2024 or 2024-05 when the day is unknown
  text: example-letter.txt # the full text, in the texts directory: quotes are checked against it

claims:
  - id: example-letter.incompatible
    # A neutral one-sentence paraphrase, and the verbatim passage it rests on.
    summary: Scanning every private message cannot coexist with end-to-end encryption.
    quote: scanning every private message is incompatible with end-to-end encryption.
    tags: [encryption]

  - id: example-letter.reject
    summary: The Council should reject the proposal.
    quote: We ask the Council to reject the proposal.
    supports: example-letter.incompatible
`;
}

function replyMap(schema: string): string {
  return `# yaml-language-server: $schema=${schema}
source:
  id: example-reply
  kind: reply
  title: Reply to the open letter
  authors: [Example ministry]
  date: 2024-06-02
  text: example-reply.txt
  answers: [example-letter]

claims:
  - id: example-reply.court-order
    summary: Scanning happens only on a court's order and for a limited time.
    quote: Scanning happens only on a court's order, and only for a limited time.
    # Relations: supports, rebuts, undermines, undercuts, concedes, questions.
    undermines: example-letter.incompatible

  - id: example-reply.encryption-matters
    summary: Encryption matters.
    quote: We agree that encryption matters.
    concedes:
      - to: example-letter.incompatible
        note: grants the value of encryption, not the incompatibility
`;
}

const CONFIG = `# riposte configuration; paths are relative to this file.
# Full texts of the sources, for quote checks.
texts: texts
# What riposte reads when given no paths.
maps:
  - arguments
`;

/** Anything at that path counts, a link to nothing included: init never replaces it. */
async function exists(file: string): Promise<boolean> {
  try {
    await lstat(file);
    return true;
  } catch {
    return false;
  }
}

/** Whether this riposte is the one `root` would get from a node_modules of its own or above (an npm install). */
function installedFor(root: string, schemaFile: string): boolean {
  const real = realOrSelf(schemaFile);
  for (let dir = root; ; dir = path.dirname(dir)) {
    if (realOrSelf(path.join(dir, 'node_modules', 'riposte', 'schemas', 'riposte.schema.json')) === real) return true;
    if (path.dirname(dir) === dir) return false;
  }
}

/** Create a config file and a first map that validates out of the box. Never overwrites. */
export async function initCommand(ctx: CommandContext, dir: string | undefined): Promise<number> {
  const root = path.resolve(ctx.cwd, dir ?? '.');
  const schemaFile = fileURLToPath(new URL('../../schemas/riposte.schema.json', import.meta.url));
  // Installed in the project (npm i -D riposte): point editors at its schema, which upgrades
  // with it, and run it with npx. Installed elsewhere (globally, or this repository): a path
  // there would hold on this machine only, so the project gets a copy of the schema.
  const local = installedFor(root, schemaFile);
  const schema = local ? path.relative(path.join(root, 'arguments'), schemaFile).split(path.sep).join('/') : '../schemas/riposte.schema.json';
  const files: [string, string][] = [
    ['riposte.config.yaml', CONFIG],
    ['arguments/example-letter.yaml', letterMap(schema)],
    ['arguments/example-reply.yaml', replyMap(schema)],
    ['texts/example-letter.txt', LETTER_TEXT],
    ['texts/example-reply.txt', REPLY_TEXT],
    ...(local ? [] : [['schemas/riposte.schema.json', await readFile(schemaFile, 'utf8')] as [string, string]]),
  ];
  const existing: string[] = [];
  for (const [name] of files) if (await exists(path.join(root, name))) existing.push(name);
  // A directory of the new project that is a link elsewhere would carry the writes out of it.
  for (const sub of local ? ['arguments', 'texts'] : ['arguments', 'texts', 'schemas']) {
    const real = realOrSelf(path.join(root, sub));
    if (!isInside(real, realOrSelf(root))) {
      ctx.io.stderr.write(`riposte: init writes only inside ${safeInline(dir ?? '.')}, and '${sub}' there is a link to ${safeInline(real)}; remove it or choose another directory\n`);
      return EXIT.usage;
    }
  }
  if (existing.length > 0) {
    ctx.io.stderr.write(`riposte: init leaves existing files alone, and these exist in ${safeInline(dir ?? '.')}: ${existing.map(safeInline).join(', ')}\n`);
    return EXIT.usage;
  }
  for (const [name, content] of files) {
    try {
      await mkdir(path.dirname(path.join(root, name)), { recursive: true });
      await writeFileAtomic(path.join(root, name), content);
    } catch (error) {
      if (isInterrupted(error)) throw error;
      throw new InputError(`init: ${describeFsError(error, path.join(dir ?? '.', name))}`, name);
    }
    ctx.io.stderr.write(`created ${safeInline(path.join(dir ?? '.', name))}\n`);
  }
  const riposte = local ? 'npx riposte' : 'riposte';
  if (!local) ctx.io.stderr.write(`\nThe map files point editors at schemas/riposte.schema.json, a copy of this riposte's schema: refresh it with 'riposte schema > schemas/riposte.schema.json' after an upgrade.\n`);
  ctx.io.stderr.write(`\nNext: ${dir && dir !== '.' ? `cd ${safeInline(dir)} && ` : ''}${riposte} validate --strict && ${riposte} tree\n`);
  return EXIT.ok;
}
