import { readFileSync } from 'node:fs';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import type { CheckOptions, OpenedMap } from './api.js';
import { countBySeverity, type Diagnostic } from './diagnostics.js';
import { InputError } from './load/discover.js';
import { safeInline } from './render/sanitize.js';

// Each command loads only the modules it needs, so start-up stays close to Node's own.
const api = () => import('./api.js');
const formatters = () => import('./render/formatters/index.js');
const DIAGNOSTIC_FORMATS = ['stylish', 'json'] as const;
type DiagnosticFormat = (typeof DIAGNOSTIC_FORMATS)[number];

export interface CliIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  cwd?: string;
  env?: Record<string, string | undefined>;
  /** Whether stdout is a terminal, and its width. */
  isTTY?: boolean;
  columns?: number;
}

export const EXIT = { ok: 0, findings: 1, usage: 2 } as const;

const VERSION = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;

/** Raised inside an action to end the run with a code, after output has been written. */
class Exit extends Error {
  constructor(readonly code: number) {
    super(`exit ${code}`);
  }
}

interface CommonOptions {
  color?: boolean;
  texts?: string;
  config?: string;
}

function integer(min: number, what: string) {
  return (value: string): number => {
    if (!/^\d+$/.test(value) || Number(value) < min) throw new InvalidArgumentError(`${what} must be a whole number of at least ${min}`);
    return Number(value);
  };
}

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

/** The riposte command line: parses argv, runs one command, returns the exit code. */
export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const cwd = io.cwd ?? '.';
  const env = io.env ?? {};
  const useColor = (options: CommonOptions): boolean => {
    if (options.color !== undefined) return options.color;
    if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
    if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0') return true;
    return io.isTTY === true;
  };
  const width = (given: number | undefined): number => given ?? (io.isTTY && io.columns ? io.columns : 80);

  const checkOptions = (options: CommonOptions & { strict?: boolean }): CheckOptions => ({
    cwd,
    ...(options.texts !== undefined ? { texts: options.texts } : {}),
    ...(options.config !== undefined ? { config: options.config } : {}),
    strict: options.strict ?? false,
  });

  /** The read-only commands refuse a map with errors: their answers would be wrong. */
  const open = async (paths: string[], options: CommonOptions): Promise<OpenedMap> => {
    const opened = await (await api()).openMap(paths, checkOptions(options));
    const errors = opened.diagnostics.filter((d) => d.severity === 'error');
    if (errors.length > 0) {
      const { diagnosticFormatters } = await formatters();
      io.stderr.write(
        diagnosticFormatters.stylish(errors, {
          color: useColor(options),
          verbose: false,
          summary: { files: opened.files.length, quotes: opened.quotes },
          texts: opened.fileTexts,
        }),
      );
      io.stderr.write('riposte: the map has errors; fix them first (riposte validate shows them all)\n');
      throw new Exit(EXIT.findings);
    }
    return opened;
  };

  const program = new Command('riposte')
    .description('Map public debates as data: validate claim maps, show the debate as a tree, find unanswered claims.')
    .version(VERSION, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
    });

  const common = (command: Command): Command =>
    command
      .option('--texts <dir>', 'directory of the sources\' full texts (overrides riposte.config.yaml)')
      .option('--config <file>', 'config file (default: riposte.config.yaml here or in a parent directory)')
      .option('--color', 'force colour')
      .option('--no-color', 'no colour (also NO_COLOR=1; off when output is not a terminal)');

  common(
    program
      .command('validate')
      .description('check map files: YAML, schema, references, and quotes against the source texts')
      .argument('[paths...]', 'map files, directories or glob patterns (default: the config\'s maps, or arguments/)')
      .addOption(new Option('-f, --format <format>', 'output format').choices(DIAGNOSTIC_FORMATS).default('stylish'))
      .addOption(new Option('--fail-on <severity>', 'lowest severity that fails the run (exit 1)').choices(['error', 'warning']).default('error'))
      .option('--strict', 'treat unchecked quotes as errors')
      .option('-v, --verbose', 'show a code frame under each finding')
      .option('-q, --quiet', 'report errors only'),
  ).action(async (paths: string[], options: CommonOptions & { format: DiagnosticFormat; failOn: 'error' | 'warning'; strict?: boolean; verbose?: boolean; quiet?: boolean }) => {
    const result = await (await api()).checkMap(paths, checkOptions(options));
    const { diagnosticFormatters } = await formatters();
    const shown: Diagnostic[] = options.quiet ? result.diagnostics.filter((d) => d.severity === 'error') : result.diagnostics;
    const text = diagnosticFormatters[options.format](shown, {
      color: useColor(options),
      verbose: options.verbose ?? false,
      summary: { files: result.files.length, quotes: result.quotes },
      texts: result.fileTexts,
    });
    // JSON is data for the caller; stylish findings are diagnostics.
    (options.format === 'json' ? io.stdout : io.stderr).write(text);
    const { errors, warnings } = countBySeverity(result.diagnostics);
    throw new Exit(errors > 0 || (options.failOn === 'warning' && warnings > 0) ? EXIT.findings : EXIT.ok);
  });

  common(
    program
      .command('unanswered')
      .description('list the claims no other source has answered, grouped by source')
      .argument('[paths...]', 'map files, directories or glob patterns')
      .option('-s, --source <id>', 'only claims of this source (repeatable)', collect)
      .option('-a, --author <name>', 'only sources with an author or signatory containing this text (repeatable)', collect)
      .option('-t, --tag <tag>', 'only claims with this tag (repeatable)', collect)
      .option('--no-challenged', 'leave out claims that were questioned but not answered')
      .option('--fail-on-unanswered', 'exit 1 when any claim is listed (for CI gates)')
      .option('-w, --width <columns>', 'wrap to this many columns (default: the terminal\'s, or 80)', integer(20, '--width'))
      .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text')),
  ).action(async (paths: string[], options: CommonOptions & { source?: string[]; author?: string[]; tag?: string[]; challenged: boolean; failOnUnanswered?: boolean; width?: number; format: 'text' | 'json' }) => {
    const { graph } = await open(paths, options);
    const [{ unansweredClaims }, { unansweredJsonChunks }, { renderUnanswered }] = await Promise.all([
      import('./graph/unanswered.js'),
      import('./render/data.js'),
      import('./render/unanswered.js'),
    ]);
    for (const id of options.source ?? []) {
      if (!graph.hasNode(id) || graph.getNodeAttribute(id, 'type') !== 'source') {
        io.stderr.write(`riposte: no source '${safeInline(id)}' (--source takes a source id; riposte stats lists the map)\n`);
        throw new Exit(EXIT.usage);
      }
    }
    const groups = unansweredClaims(graph, {
      ...(options.source ? { sources: options.source } : {}),
      ...(options.author ? { authors: options.author } : {}),
      ...(options.tag ? { tags: options.tag } : {}),
      includeChallenged: options.challenged,
    });
    if (options.format === 'json') for (const chunk of unansweredJsonChunks(groups)) io.stdout.write(chunk);
    else io.stdout.write(renderUnanswered(groups, { color: useColor(options), width: width(options.width) }));
    const any = groups.some((g) => g.claims.length > 0);
    throw new Exit(options.failOnUnanswered && any ? EXIT.findings : EXIT.ok);
  });

  common(
    program
      .command('tree')
      .description('show the debate as a tree: sources in date order, responses nested under the claims they answer')
      .argument('[paths...]', 'map files, directories or glob patterns')
      .option('--from <id>', 'start from a claim (and its responses) or a source (and all its claims)')
      .option('-d, --depth <n>', 'levels of responses to show', integer(0, '--depth'))
      .option('-w, --width <columns>', 'wrap to this many columns (default: the terminal\'s, or 80)', integer(20, '--width'))
      .option('--ascii', 'draw with ASCII instead of Unicode box drawing')
      .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text')),
  ).action(async (paths: string[], options: CommonOptions & { from?: string; depth?: number; width?: number; ascii?: boolean; format: 'text' | 'json' }) => {
    const { graph } = await open(paths, options);
    const [{ debateTree, UnknownNodeError }, { treeJson }, { renderTree }] = await Promise.all([
      import('./graph/tree.js'),
      import('./render/data.js'),
      import('./render/tree.js'),
    ]);
    let sections;
    try {
      sections = debateTree(graph, { ...(options.from !== undefined ? { from: options.from } : {}), ...(options.depth !== undefined ? { depth: options.depth } : {}) });
    } catch (error) {
      if (!(error instanceof UnknownNodeError)) throw error;
      io.stderr.write(`riposte: ${safeInline(error.message)} (--from takes a claim or source id)\n`);
      throw new Exit(EXIT.usage);
    }
    io.stdout.write(
      options.format === 'json'
        ? treeJson(graph, sections)
        : renderTree(graph, sections, { color: useColor(options), ascii: options.ascii ?? false, width: width(options.width) }),
    );
    throw new Exit(EXIT.ok);
  });

  common(
    program
      .command('stats')
      .description('count sources, claims, evidence, relations by kind, and answered/unanswered claims')
      .argument('[paths...]', 'map files, directories or glob patterns')
      .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text')),
  ).action(async (paths: string[], options: CommonOptions & { format: 'text' | 'json' }) => {
    const { graph } = await open(paths, options);
    const [{ mapStats }, { statsJson }, { renderStats }] = await Promise.all([
      import('./graph/stats.js'),
      import('./render/data.js'),
      import('./render/stats.js'),
    ]);
    const stats = mapStats(graph);
    io.stdout.write(options.format === 'json' ? statsJson(stats) : renderStats(stats, { color: useColor(options) }));
    throw new Exit(EXIT.ok);
  });

  try {
    if (argv.length === 0) {
      program.outputHelp({ error: true });
      return EXIT.usage;
    }
    await program.parseAsync([...argv], { from: 'user' });
    return EXIT.ok;
  } catch (error) {
    if (error instanceof Exit) return error.code;
    if (error instanceof CommanderError) {
      return error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help' ? EXIT.ok : EXIT.usage;
    }
    if (error instanceof InputError) {
      io.stderr.write(`riposte: ${safeInline(error.message)}\n`);
      return EXIT.usage;
    }
    // A bug, not bad input: say so plainly, without a stack trace.
    io.stderr.write(`riposte: internal error: ${safeInline(error instanceof Error ? error.message : String(error))}\nPlease report it with the command you ran.\n`);
    return EXIT.usage;
  }
}
