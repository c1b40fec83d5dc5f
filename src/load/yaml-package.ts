import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';

const require = createRequire(import.meta.url);
let loaded: typeof Yaml | undefined;

/**
 * The position-keeping `yaml` package, loaded on first need: it is used only for files
 * with findings, so a clean run never pays for loading it.
 */
export function yamlPackage(): typeof Yaml {
  return (loaded ??= require('yaml') as typeof Yaml);
}

/**
 * The one way riposte reads YAML with the `yaml` package, wherever it does (validation's
 * precise path, fmt): YAML 1.2 with the core schema, no merge keys, strict, duplicate keys
 * left to riposte's own linear check, and no warnings of the package's own on stderr (riposte
 * reports what matters as findings, through the command's output).
 */
export const YAML_OPTIONS = {
  version: '1.2',
  schema: 'core',
  merge: false,
  strict: true,
  uniqueKeys: false,
  prettyErrors: false,
  logLevel: 'error',
} as const satisfies Yaml.ParseOptions & Yaml.DocumentOptions & Yaml.SchemaOptions;
