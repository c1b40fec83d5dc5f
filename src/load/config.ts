import { readFile } from 'node:fs/promises';
import path from 'node:path';
import jsYaml from 'js-yaml';
import { YAML_CORE_SCHEMA } from './core-schema.js';
import { InputError, describeFsError } from './discover.js';
import { DEFAULT_LIMITS, type ParseLimits } from './parse.js';

export const CONFIG_FILE = 'riposte.config.yaml';

export interface Config {
  /** Absolute path of the config file, when one was found. */
  file?: string;
  /** Directory holding the sources' full texts (absolute). */
  texts?: string;
  /** Map paths used when a command is given none. */
  maps: string[];
  /** Limits raised or lowered from their defaults (docs/security.md). */
  limits: Partial<Limits>;
}

/** Every limit, with its name in the config file's `limits`. */
export interface Limits extends ParseLimits {
  /** Map files one run may read. */
  maxFiles: number;
}

/** The limits in force: the defaults, then the config file's, then the flags'. */
export function resolveLimits(config: Config, flags: Partial<Limits> = {}): Limits {
  return { ...DEFAULT_LIMITS, maxFiles: 100_000, ...config.limits, ...flags };
}

export const LIMIT_SETTINGS: Record<string, keyof Limits> = {
  max_file_size_mb: 'maxFileBytes',
  max_depth: 'maxDepth',
  max_keys: 'maxKeys',
  max_aliases: 'maxAliasCount',
  max_files: 'maxFiles',
};

const KNOWN_KEYS = ['texts', 'maps', 'limits'];

/**
 * Find riposte.config.yaml in `cwd` or the nearest directory above it, or read `explicit`.
 * Paths inside it are relative to the file itself.
 */
export async function loadConfig(cwd: string, explicit?: string): Promise<Config> {
  const file = explicit ? path.resolve(cwd, explicit) : await findUp(cwd);
  if (!file) return { maps: ['arguments'], limits: {} };
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new InputError(`config: ${describeFsError(error, explicit ?? file)}`, file);
  }
  const shown = path.relative(cwd, file) || file;
  let data: Record<string, unknown>;
  try {
    data = (jsYaml.load(text, { schema: YAML_CORE_SCHEMA }) ?? {}) as Record<string, unknown>;
  } catch (error) {
    throw new InputError(`config ${shown}: ${(error as Error).message.split('\n')[0]}`, file);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new InputError(`config ${shown}: expected a mapping of settings`, file);
  for (const key of Object.keys(data)) {
    if (!KNOWN_KEYS.includes(key)) throw new InputError(`config ${shown}: unknown setting '${key}'; known settings: ${KNOWN_KEYS.join(', ')}`, file);
  }
  const base = path.dirname(file);
  const config: Config = { file, maps: [], limits: {} };
  if (data.limits !== undefined) {
    if (typeof data.limits !== 'object' || data.limits === null || Array.isArray(data.limits)) {
      throw new InputError(`config ${shown}: 'limits' must be a mapping, e.g. limits: {max_depth: 128}`, file);
    }
    for (const [name, value] of Object.entries(data.limits as Record<string, unknown>)) {
      const key = LIMIT_SETTINGS[name];
      if (!key) throw new InputError(`config ${shown}: unknown limit '${name}'; known limits: ${Object.keys(LIMIT_SETTINGS).join(', ')}`, file);
      if (typeof value !== 'number' || !(value > 0)) throw new InputError(`config ${shown}: limit '${name}' must be a positive number`, file);
      config.limits[key] = key === 'maxFileBytes' ? Math.round(value * 1024 * 1024) : Math.floor(value);
    }
  }
  if (data.texts !== undefined) {
    if (typeof data.texts !== 'string') throw new InputError(`config ${shown}: 'texts' must be a directory path`, file);
    config.texts = path.resolve(base, data.texts);
  }
  const maps = data.maps === undefined ? ['arguments'] : data.maps;
  if (!Array.isArray(maps) || !maps.every((m) => typeof m === 'string')) {
    throw new InputError(`config ${shown}: 'maps' must be a list of paths`, file);
  }
  config.maps = maps.map((m) => path.relative(cwd, path.resolve(base, m)) || '.');
  return config;
}

async function findUp(start: string): Promise<string | undefined> {
  let dir = path.resolve(start);
  for (;;) {
    const candidate = path.join(dir, CONFIG_FILE);
    try {
      await readFile(candidate, { flag: 'r' }).then(() => undefined);
      return candidate;
    } catch {
      // not here; look in the parent
    }
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}
