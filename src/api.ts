import path from 'node:path';
import type { Diagnostic } from './diagnostics.js';
import { buildGraph, type DebateGraph } from './graph/build.js';
import { loadConfig, type Config } from './load/config.js';
import { loadMapFiles, locate } from './load/index.js';
import type { ParseLimits } from './load/parse.js';
import { loadTexts } from './load/texts.js';
import { buildModel, type DebateMap } from './model.js';
import type { QuoteStats } from './validate/quotes.js';
import { validateMap } from './validate/index.js';

export interface CheckOptions {
  cwd: string;
  /** Texts directory; overrides the config file's `texts`. */
  texts?: string;
  /** Config file; found by searching upward from cwd when absent. */
  config?: string;
  /** Unchecked quotes are errors. */
  strict?: boolean;
  limits?: ParseLimits;
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
}

/** Load and check a map: the whole of `riposte validate` as a function. Throws InputError on exit-2 problems. */
export async function checkMap(paths: readonly string[], options: CheckOptions): Promise<CheckResult> {
  const config = await loadConfig(options.cwd, options.config);
  const inputs = paths.length > 0 ? paths : config.maps;
  const loaded = await loadMapFiles(inputs, options.cwd, options.limits);
  const map = buildModel(loaded.files);
  let texts;
  const textsDir = options.texts !== undefined ? path.resolve(options.cwd, options.texts) : config.texts;
  if (options.quotes !== false && textsDir !== undefined) {
    texts = await loadTexts(map, textsDir, options.texts ?? (path.relative(options.cwd, textsDir) || '.'));
  }
  const outcome = validateMap(loaded.files, map, { ...(texts ? { texts } : {}), strict: options.strict ?? false, quotes: options.quotes ?? true });
  const { diagnostics, texts: fileTexts } = await locate(outcome.findings, options.cwd);
  return { config, files: loaded.files.map((f) => f.file), map, diagnostics, quotes: outcome.quotes, fileTexts };
}

export interface OpenedMap extends CheckResult {
  graph: DebateGraph;
}

/** Load a map for the read-only commands: no quote checks, and the graph built. */
export async function openMap(paths: readonly string[], options: CheckOptions): Promise<OpenedMap> {
  const result = await checkMap(paths, { ...options, quotes: false });
  return { ...result, graph: buildGraph(result.map) };
}
