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
