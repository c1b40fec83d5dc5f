import { isoDateOf } from '../dates.js';
import { createRequire } from 'node:module';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { finding, type Finding } from '../diagnostics.js';
import { didYouMean } from '../suggest.js';

const require = createRequire(import.meta.url);
/** The schema shipped in schemas/; editors use the same file. */
export const mapSchema = require('../../schemas/riposte.schema.json') as Record<string, unknown> & {
  $defs: Record<string, { pattern?: string }>;
};

const ID_PATTERN = mapSchema.$defs.id!.pattern!;
const DATE_PATTERN = mapSchema.$defs.date!.pattern!;
const VALID_ID = new RegExp(ID_PATTERN);

let compiled: ValidateFunction | undefined;

/**
 * The build compiles the schema ahead of time (scripts/compile-schema.mjs), which saves
 * loading and running ajv's compiler on every start. Run from source (tests), there is no
 * compiled validator and ajv compiles the schema here, with the same options.
 */
function validator(): ValidateFunction {
  if (compiled) return compiled;
  try {
    compiled = require('./schema-validator.cjs') as ValidateFunction;
  } catch {
    const { Ajv2020 } = require('ajv/dist/2020.js') as typeof import('ajv/dist/2020.js');
    compiled = new Ajv2020({ allErrors: true, verbose: true, allowUnionTypes: true, strict: true }).compile(mapSchema);
  }
  return compiled;
}

/** Check one file's data against the schema; one finding per mistake. */
export function checkSchema(file: string, data: unknown): Finding[] {
  if (data === undefined || data === null) {
    return [finding('missing-key', { why: 'empty-file' }, { file, pointer: '' })];
  }
  const validate = validator();
  if (validate(data)) return [];
  const errors = pruneCascades(validate.errors ?? []);
  return errors.map((error) => toFinding(file, error));
}

/**
 * ajv reports every failed keyword; a person needs the first cause. A wrong type at a
 * path hides every other complaint at or below that path, and the same complaint is
 * reported once.
 */
function pruneCascades(errors: readonly ErrorObject[]): ErrorObject[] {
  const wrongTypeAt = errors.filter((e) => e.keyword === 'type').map((e) => e.instancePath);
  // A misspelt required key ('summray') is one mistake: the unknown key, whose message
  // suggests the right name. The missing required key it leaves is not reported again.
  const misspelt = new Set<string>();
  for (const error of errors) {
    if (error.keyword !== 'additionalProperties') continue;
    const allowed = Object.keys((error.parentSchema?.properties as object | undefined) ?? {});
    const meant = didYouMean(String(error.params.additionalProperty), allowed);
    if (meant) misspelt.add(`${error.instancePath}|${meant}`);
  }
  const seen = new Set<string>();
  const kept: ErrorObject[] = [];
  for (const error of errors) {
    const covered = wrongTypeAt.some(
      (path) => error.keyword !== 'type' && (error.instancePath === path || error.instancePath.startsWith(path + '/')),
    );
    if (covered) continue;
    if (error.keyword === 'required' && misspelt.has(`${error.instancePath}|${String(error.params.missingProperty)}`)) continue;
    const key = `${error.instancePath}|${error.keyword}|${JSON.stringify(error.params)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    kept.push(error);
  }
  return kept;
}

/** The type of a value, as JSON Schema names it ('date' for the Date a YAML 1.1 reader makes). */
function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (value instanceof Date) return 'date';
  return typeof value === 'object' ? 'object' : typeof value;
}

function toFinding(file: string, error: ErrorObject): Finding {
  const pointer = error.instancePath;
  const place = { file, pointer };
  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String(error.params.additionalProperty);
      const allowed = Object.keys((error.parentSchema?.properties as object | undefined) ?? {});
      const suggested = didYouMean(key, allowed);
      const at = `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
      return finding('unknown-key', { key, allowed, ...(suggested ? { suggested } : {}) }, { file, pointer: at, atKey: true });
    }
    case 'required':
      return finding('missing-key', { why: 'required', key: String(error.params.missingProperty) }, place);
    case 'dependentRequired':
      return finding('missing-key', { why: 'needs', key: String(error.params.property), needs: String(error.params.missingProperty) }, place);
    case 'minProperties':
      return finding('missing-key', { why: 'empty-file' }, place);
    case 'type': {
      const quotable = typeof error.data === 'number' || typeof error.data === 'boolean' || error.data instanceof Date;
      const args = { expected: String(error.params.type).split(','), got: typeOf(error.data), ...(quotable ? { value: String(error.data) } : {}) };
      return finding('wrong-type', args, place);
    }
    case 'enum': {
      const allowed = (error.params.allowedValues as unknown[]).map(String);
      const suggested = typeof error.data === 'string' ? didYouMean(error.data, allowed) : undefined;
      return finding('invalid-value', { why: 'enum', value: String(error.data), allowed, ...(suggested ? { suggested } : {}) }, place);
    }
    case 'pattern': {
      const value = String(error.data);
      const pattern = String(error.params.pattern);
      if (pattern === ID_PATTERN) {
        // Upper case is the one mistake with a single right answer.
        const lower = value.toLowerCase();
        const fix = lower !== value && VALID_ID.test(lower) ? { fix: { value: lower, does: `lower-case the id to '${lower}'` } } : {};
        return finding('invalid-id', { why: 'pattern', value }, { ...place, ...fix });
      }
      if (pattern === DATE_PATTERN) {
        const iso = isoDateOf(value);
        return finding('invalid-date', { why: 'format', value }, { ...place, ...(iso ? { fix: { value: iso, does: `write the date as ${iso}` } } : {}) });
      }
      if (pattern.startsWith('^https?')) return finding('invalid-url', { value }, place);
      return finding('invalid-value', { why: 'slug', value }, place);
    }
    case 'maxLength':
      return finding('invalid-id', { why: 'too-long', value: String(error.data), max: Number(error.params.limit) }, place);
    case 'minLength':
    case 'minItems':
      return finding('empty-value', {}, place);
    case 'uniqueItems':
      return finding('duplicate-value', { why: 'list', first: Number(error.params.j) + 1, second: Number(error.params.i) + 1 }, place);
    default:
      return finding('invalid-value', { why: 'other', text: error.message ?? 'is invalid' }, place);
  }
}
