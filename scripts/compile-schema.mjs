// Compile schemas/riposte.schema.json into standalone validation code (ajv's "standalone"
// mode), so the CLI does not load and run the ajv compiler on every start.
import { readFileSync, writeFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import standaloneCode from 'ajv/dist/standalone/index.js';

const root = new URL('..', import.meta.url);
const schema = JSON.parse(readFileSync(new URL('schemas/riposte.schema.json', root), 'utf8'));
// The same options as src/validate/schema.ts uses when it compiles at run time.
const ajv = new Ajv2020({ allErrors: true, verbose: true, allowUnionTypes: true, strict: true, code: { source: true, esm: false } });
const code = standaloneCode.default(ajv, ajv.compile(schema));
writeFileSync(new URL('dist/validate/schema-validator.cjs', root), `// Generated from schemas/riposte.schema.json by scripts/compile-schema.mjs; do not edit.\n${code}`);
