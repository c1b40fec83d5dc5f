import { readFileSync } from 'node:fs';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { EXIT, makeContext, type CliIo } from './commands/context.js';
import { REPORT_FORMATS } from './commands/reports.js';
import { InputError } from './load/discover.js';
import { safeInline } from './render/sanitize.js';

export { EXIT, type CliIo } from './commands/context.js';

const VERSION = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;

function integer(min: number, what: string) {
  return (value: string): number => {
    if (!/^\d+$/.test(value) || Number(value) < min) throw new InvalidArgumentError(`${what} must be a whole number of at least ${min}`);
    return Number(value);
  };
}

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

/** A repeatable option with a fixed set of values. */
function collectChoice(choices: readonly string[], what: string) {
  return (value: string, previous: string[] = []): string[] => {
    if (!choices.includes(value)) throw new InvalidArgumentError(`${what} takes one of ${choices.join(', ')}`);
    return [...previous, value];
  };
}

function positive(what: string) {
  return (value: string): number => {
    const n = Number(value);
    if (!/^\d+(\.\d+)?$/.test(value) || !(n > 0)) throw new InvalidArgumentError(`${what} must be a positive number`);
    return n;
  };
}

const PATHS = ['[paths...]', "map files, directories or glob patterns (default: the config's maps, or arguments/)"] as const;

/**
 * The riposte command line: parses argv, runs one command, returns the exit code.
 * Only commander wiring lives here; each command is a module of src/commands, loaded when run,
 * so start-up stays close to Node's own.
 */
export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const ctx = makeContext(io, VERSION);
  let code: number = EXIT.ok;

  const program = new Command('riposte')
    .description('Map public debates as data: validate claim maps, show the debate as a tree, find unanswered claims.')
    .version(VERSION, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({ writeOut: (text) => io.stdout.write(text), writeErr: (text) => io.stderr.write(text) });

  const limits = (command: Command): Command =>
    command
      .option('--max-file-size <mb>', 'largest map file read, in MB (default 4)', positive('--max-file-size'))
      .option('--max-depth <n>', 'deepest nesting of a map file (default 64)', integer(1, '--max-depth'))
      .option('--max-keys <n>', 'most keys in one mapping (default 1000)', integer(1, '--max-keys'))
      .option('--max-aliases <n>', 'most YAML aliases in one file (default 100)', integer(0, '--max-aliases'))
      .option('--max-files <n>', 'most map files in one run (default 100000)', integer(1, '--max-files'))
      .option('--max-text-size <mb>', 'largest source text read, in MB (default 16)', positive('--max-text-size'));
  const common = (command: Command): Command =>
    limits(command)
      .option('--texts <dir>', "directory of the sources' full texts (overrides riposte.config.yaml)")
      .option('--no-texts', 'check no quotes (they are counted as unchecked)')
      .option('--config <file>', 'config file (default: riposte.config.yaml here or in a parent directory)')
      .option('--ignore-pattern <pattern>', "leave out map files matching this pattern, as the config's ignore does (repeatable)", collect)
      .option('--color', 'force colour')
      .option('--no-color', 'no colour (also NO_COLOR=1; off when output is not a terminal)');
  const outputFile = (command: Command): Command =>
    command.option('-o, --output-file <format=path>', `also write a report to a file, FORMAT one of ${REPORT_FORMATS.join(', ')} (repeatable)`, collect);
  // Factories, not shared instances: each command gets options of its own.
  const width = (): Option => new Option('-w, --width <columns>', "wrap to this many columns, at least 40 (default: the terminal's, or 80)").argParser(integer(40, '--width'));
  const textOrJson = (): Option => new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text');

  outputFile(
    common(
      program
        .command('validate')
        .description('check map files: YAML, schema, references, and quotes against the source texts')
        .argument(...PATHS)
        .addOption(new Option('-f, --format <format>', 'output format').choices(REPORT_FORMATS).default('stylish'))
        .addOption(new Option('--fail-on <severity>', 'lowest severity that fails the run (exit 1)').choices(['error', 'warning']).default('error'))
        .option('--strict', 'treat unchecked quotes as errors')
        .option('--rule <code=level>', 'turn a finding off, or make it a warning or an error: missing-quote=off (repeatable; overrides the config\'s rules)', collect)
        .option('--max-warnings <n>', 'fail the run (exit 1) when there are more than this many warnings', integer(0, '--max-warnings'))
        .option('--print-config', 'print the settings in force (config, flags and defaults) as JSON, and check nothing')
        .option('--fix', 'apply the fixes that are certain (a quote that differs from its text only in whitespace, quote marks, dashes or case; an upper-case id; a date with one reading), rewriting the files atomically, then report what is left')
        .option('-v, --verbose', 'show a code frame under each finding')
        .option('-q, --quiet', 'report errors only')
        .option('--stdin', 'check the map file given on standard input (for editors), in the context of the whole map')
        .option('--stdin-filename <path>', 'the path of the file given with --stdin: findings are reported there')
        .option('--no-context', 'check the named files alone, without the rest of the map (references into it are dangling)')
        .option('--only-maps', "of the files named, check only those in the config's maps (for hooks that pass every changed *.yml)"),
    ),
  ).action(async (paths, options) => {
    code = await (await import('./commands/validate.js')).validateCommand(ctx, paths, options);
  });

  outputFile(
    common(
      program
        .command('unanswered')
        .description('list the claims no other source has answered, grouped by source')
        .argument(...PATHS)
        .option('-s, --source <id>', 'only claims of this source (repeatable)', collect)
        .option('-a, --author <name>', 'only sources with an author or signatory containing this text (repeatable)', collect)
        .option('-t, --tag <tag>', 'only claims with this tag (repeatable)', collect)
        .addOption(new Option('--type <type>', 'only claims of this type (repeatable)').choices(['assertion', 'demand', 'question']).argParser(collectChoice(['assertion', 'demand', 'question'], '--type')))
        .option('--by <name>', 'count as answers only responses from sources with an author, signatory or short name containing this text (repeatable)', collect)
        .option('--addressed-to <name>', 'only claims of sources addressed to someone whose name contains this text (repeatable)', collect)
        .option('--no-challenged', 'leave out claims that were questioned but not answered')
        .option('--fail-on-unanswered', 'exit 1 when any claim is listed (for CI gates)')
        .addOption(width())
        .addOption(new Option('-f, --format <format>', 'output format').choices(['text', ...REPORT_FORMATS.filter((f) => f !== 'stylish')]).default('text')),
    ),
  ).action(async (paths, options) => {
    code = await (await import('./commands/unanswered.js')).unansweredCommand(ctx, paths, options);
  });

  common(
    program
      .command('tree')
      .description('show the debate as a tree: sources in debate order, responses nested under the claims they answer')
      .argument(...PATHS)
      .option('--from <id>', 'start from a claim (and its responses) or a source (and all its claims)')
      .option('-d, --depth <n>', 'levels of responses to show', integer(0, '--depth'))
      .addOption(width())
      .option('--ascii', 'draw with ASCII instead of Unicode box drawing')
      .addOption(textOrJson()),
  ).action(async (paths, options) => {
    code = await (await import('./commands/tree.js')).treeCommand(ctx, paths, options);
  });

  outputFile(common(
    program
      .command('status')
      .description('list claims with their response status and grounded label (in: stands, out: defeated, undecided)')
      .argument(...PATHS)
      .option('-s, --source <id>', 'only claims of this source (repeatable)', collect)
      .option('-a, --author <name>', 'only sources with an author, signatory or short name containing this text (repeatable)', collect)
      .option('-t, --tag <tag>', 'only claims with this tag (repeatable)', collect)
      .addOption(new Option('-l, --label <label>', 'only claims with this label (repeatable)').choices(['in', 'out', 'undecided']).argParser(collectChoice(['in', 'out', 'undecided'], '--label')))
      .addOption(new Option('-r, --response <status>', 'only claims with this response status (repeatable)').choices(['answered', 'challenged', 'unanswered']).argParser(collectChoice(['answered', 'challenged', 'unanswered'], '--response')))
      .option('--fail-on-listed', 'exit 1 when any claim is listed (for CI gates)')
      .addOption(width())
      .option('--ascii', 'ASCII instead of Unicode ellipses')
      .addOption(new Option('-f, --format <format>', 'output format').choices(['text', ...REPORT_FORMATS.filter((f) => f !== 'stylish')]).default('text')),
  )).action(async (paths, options) => {
    code = await (await import('./commands/status.js')).statusCommand(ctx, paths, options);
  });

  common(
    program
      .command('explain')
      .description('why a claim stands, falls or is undecided, down to the claims that settle it, and who answered it')
      .argument('<id>', 'a claim id')
      .argument(...PATHS)
      .option('-d, --depth <n>', 'levels of attackers to explain (default 8)', integer(1, '--depth'))
      .addOption(width())
      .option('--ascii', 'draw with ASCII instead of Unicode box drawing')
      .addOption(textOrJson()),
  ).action(async (id, paths, options) => {
    code = await (await import('./commands/explain.js')).explainCommand(ctx, id, paths, options);
  });

  common(
    program
      .command('coverage')
      .description('who answered whom: for each source addressed to someone or answered, which of its claims were answered, by whom, how long after')
      .argument(...PATHS)
      .addOption(width())
      .addOption(textOrJson()),
  ).action(async (paths, options) => {
    code = await (await import('./commands/coverage.js')).coverageCommand(ctx, paths, options);
  });

  common(
    program
      .command('stats')
      .description('count sources, claims, evidence, relations by kind, and answered/unanswered claims')
      .argument(...PATHS)
      .addOption(textOrJson()),
  ).action(async (paths, options) => {
    code = await (await import('./commands/stats.js')).statsCommand(ctx, paths, options);
  });

  limits(
    program
      .command('fmt')
      .description('put map files in canonical form: key order and layout, comments kept')
      .argument(...PATHS),
  )
    .option('--check', 'list the files that are not in canonical form; exit 1 if any (for CI)')
    .option('--write', 'rewrite the files in place, atomically')
    .option('--only-maps', "of the files named, format only those in the config's maps (for hooks that pass every changed *.yml)")
    .option('--config <file>', 'config file (default: riposte.config.yaml here or in a parent directory)')
    .option('--ignore-pattern <pattern>', "leave out map files matching this pattern, as the config's ignore does (repeatable)", collect)
    .action(async (paths, options) => {
      code = await (await import('./commands/fmt.js')).fmtCommand(ctx, paths, options);
    });

  program
    .command('import')
    .description('read a debate from another format (kialo, aif, argdown, json, apx, tgf) and write it as riposte map files')
    .argument('<format>', 'kialo (Kialo text export), aif (AIF JSON), argdown, json (riposte export json), apx or tgf (ICCMA frameworks)')
    .argument('<input>', 'the file to read')
    .requiredOption('-o, --output <dir>', 'directory to write the map files into')
    .option('--force', 'overwrite map files that exist')
    .option('--max-file-size <mb>', 'largest input read, in MB (default 256)', positive('--max-file-size'))
    .addOption(textOrJson())
    .action(async (format, input, options) => {
      code = await (await import('./commands/import.js')).importCommand(ctx, format, input, options);
    });

  common(
    program
      .command('export')
      .description('write the map in another format: dot (Graphviz), mermaid, graphml, json, aif, argdown, apx, csv (Neo4j import)')
      .argument('<format>', 'dot, mermaid, graphml, json, aif, argdown, apx, or csv')
      .argument(...PATHS)
      .option('-o, --output <file>', 'write to this file (a directory for csv) instead of stdout, atomically')
      .option('--from <id>', 'only this claim and its responses, or this source and its claims (as for tree)')
      .option('-d, --depth <n>', 'levels of responses to include below --from', integer(0, '--depth')),
  ).action(async (format, paths, options) => {
    code = await (await import('./commands/export.js')).exportCommand(ctx, format, paths, options);
  });

  common(
    program
      .command('html')
      .description('write the map as one self-contained web page: the debate as a tree, filters, search, sources and a timeline')
      .argument(...PATHS)
      .option('-o, --output <file>', 'write the page to this file instead of stdout, atomically')
      .option('--title <text>', 'the page title (default: Debate map)'),
  ).action(async (paths, options) => {
    code = await (await import('./commands/html.js')).htmlCommand(ctx, paths, options);
  });

  common(
    program
      .command('diff')
      .description('compare the map at two revisions (or directories) as data: claims, relations, and what changed for the debate')
      .argument('<base>', 'a git revision (main, HEAD~1, a tag) or a directory')
      .argument('[head]', 'a git revision or a directory (default: the working tree)')
      .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'markdown', 'json']).default('text'))
      .option('--fail-on <what>', 'exit 1 when the change does this: newly-unanswered, removed, label-changed, broken-quote or any (repeatable)', collectChoice(['newly-unanswered', 'removed', 'label-changed', 'broken-quote', 'any'], '--fail-on'))
      .option('-s, --source <id>', 'only claims of this source count for --fail-on (repeatable)', collect)
      .addOption(width()),
  ).action(async (base, head, options) => {
    code = await (await import('./commands/diff.js')).diffCommand(ctx, base, head, options);
  });

  program
    .command('init')
    .description('create a config file and a first map that validates out of the box')
    .argument('[dir]', 'directory to create them in (default: the current one)')
    .action(async (dir) => {
      code = await (await import('./commands/init.js')).initCommand(ctx, dir);
    });

  program
    .command('schema')
    .description('print the JSON Schema of map files (for editors and other tools)')
    .action(async () => {
      code = await (await import('./commands/schema.js')).schemaCommand(ctx);
    });

  try {
    if (argv.length === 0) {
      program.outputHelp({ error: true });
      return EXIT.usage;
    }
    await program.parseAsync([...argv], { from: 'user' });
    return code;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help' ? EXIT.ok : EXIT.usage;
    }
    if (error instanceof InputError) {
      io.stderr.write(`riposte: ${safeInline(error.message)}\n`);
      return EXIT.usage;
    }
    // By name: the write module is loaded only by the commands that write.
    if (error instanceof Error && error.name === 'InterruptedError') {
      io.stderr.write('riposte: interrupted; files already written are complete, the others untouched\n');
      return (error as Error & { exitCode?: number }).exitCode ?? EXIT.interrupted;
    }
    // A bug, not bad input: say so plainly, without a stack trace.
    io.stderr.write(`riposte: internal error: ${safeInline(error instanceof Error ? error.message : String(error))}\nPlease report it with the command you ran.\n`);
    return EXIT.usage;
  }
}
