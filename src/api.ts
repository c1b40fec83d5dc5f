import path from 'node:path';
import type { Diagnostic, Finding } from './diagnostics.js';
import type { DebateGraph } from './graph/build.js';
import { loadConfig, resolveLimits, type Config, type Limits } from './load/config.js';
import { discoverMapFiles, InputError, loadMapFile, locate } from './load/index.js';
import { projectScope, type ReadScope } from './load/scope.js';
import { loadTexts } from './load/texts.js';
import { addToModel, type DebateMap } from './model.js';
import type { QuoteStats } from './validate/quotes.js';
import { validateFile, validateMap } from './validate/index.js';

export interface CheckOptions {
  cwd: string;
  /** Texts directory; overrides the config file's `texts`. `false`: check no quotes. */
  texts?: string | false;
  /** Config file; found by searching upward from cwd when absent. */
  config?: string;
  /** Unchecked quotes are errors. */
  strict?: boolean;
  /** Limits given on the command line; they override the config file's and the defaults. */
  limits?: Partial<Limits>;
  /** Skip quote checks (the read-only commands do not need them). */
  quotes?: boolean;
}

export interface CheckResult {
  config: Config;
  files: string[];
  map: DebateMap;
  diagnostics: Diagnostic[];
  quotes: QuoteStats;
  /** Texts of the files with findings, for code frames. */
  fileTexts: Map<string, string>;
  /** Where this run may read (the project, and what the command line named), and its limits. */
  scope: ReadScope;
  limits: Limits;
}

/** Load and check a map: the whole of `riposte validate` as a function. Throws InputError on exit-2 problems. */
export async function checkMap(paths: readonly string[], options: CheckOptions): Promise<CheckResult> {
  const config = await loadConfig(options.cwd, options.config);
  const limits = resolveLimits(config, options.limits);
  // Reads stay in the project; only paths named on the command line may widen that.
  const scope = projectScope(config.root, paths, options.cwd);
  const files = await discoverMapFiles(paths.length > 0 ? paths : config.maps, options.cwd, limits.maxFiles, scope);
  // One file at a time: parse, check against the schema, add to the model, drop the data.
  const map: DebateMap = { sources: [], claims: [], evidence: [] };
  const findings: Finding[] = [];
  const recovered = new Set<string>();
  for (const file of files) {
    const parsed = loadMapFile(file, options.cwd, limits, scope);
    for (const finding of validateFile(parsed)) findings.push(finding);
    for (const id of parsed.recoveredIds) recovered.add(id);
    addToModel(map, parsed.file, parsed.data);
  }
  let texts;
  const textsDir = typeof options.texts === 'string' ? path.resolve(options.cwd, options.texts) : options.texts === false ? undefined : config.texts;
  if (options.quotes !== false && textsDir !== undefined) {
    if (options.texts === undefined && config.textsRefused) throw new InputError(config.textsRefused, config.file ?? '.');
    texts = loadTexts(map, textsDir, typeof options.texts === 'string' ? options.texts : path.relative(options.cwd, textsDir) || '.', limits.maxTextBytes);
  }
  const outcome = validateMap(map, recovered, {
    ...(texts ? { texts } : {}),
    ...(options.texts === false ? { textsOff: true } : {}),
    strict: options.strict ?? false,
    quotes: options.quotes ?? true,
  });
  for (const finding of outcome.findings) findings.push(finding);
  const { diagnostics, texts: fileTexts } = await locate(findings, options.cwd, scope, limits.maxFileBytes);
  return { config, files, map, diagnostics, quotes: outcome.quotes, fileTexts, scope, limits };
}

export interface OpenedMap extends CheckResult {
  graph: DebateGraph;
}

/** Load a map for the read-only commands: no quote checks, and the graph built. */
export async function openMap(paths: readonly string[], options: CheckOptions): Promise<OpenedMap> {
  const result = await checkMap(paths, { ...options, quotes: false });
  const { buildGraph } = await import('./graph/build.js');
  return { ...result, graph: buildGraph(result.map) };
}
