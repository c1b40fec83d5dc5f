import { isoDateOf } from '../dates.js';
import { createRequire } from 'node:module';
import type { ErrorObject, ValidateFunction } from 'ajv';
import type { DiagnosticCode, Finding } from '../diagnostics.js';
import { didYouMean, suggestion } from '../suggest.js';

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
    return [{ code: 'missing-key', message: `empty map file: expected 'source' and 'claims', or 'evidence'`, file, pointer: '' }];
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

function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (value instanceof Date) return 'a date';
  switch (typeof value) {
    case 'string':
      return 'a string';
    case 'number':
      return 'a number';
    case 'boolean':
      return 'a boolean';
    case 'object':
      return 'a mapping';
    default:
      return typeof value;
  }
}

const TYPE_NAMES: Record<string, string> = {
  string: 'a string',
  array: 'a list',
  object: 'a mapping',
  number: 'a number',
  integer: 'an integer',
  boolean: 'true or false',
};

function lastSegment(pointer: string): string {
  return pointer.slice(pointer.lastIndexOf('/') + 1);
}

function where(pointer: string): string {
  const name = lastSegment(pointer);
  if (name === '') return 'the file';
  if (!/^\d+$/.test(name)) return `'${name}'`;
  // Counted from 1, as people count: '/claims/3' is the 4th claim.
  const list = lastSegment(pointer.slice(0, pointer.lastIndexOf('/')));
  const noun = ITEM_NOUNS[list];
  return noun ? `the ${ordinal(Number(name) + 1)} ${noun}` : `the ${ordinal(Number(name) + 1)} item of '${list}'`;
}

/** What one item of each list of the format is called in messages. */
const ITEM_NOUNS: Record<string, string> = {
  claims: 'claim',
  evidence: 'evidence entry',
  authors: 'author',
  signatories: 'signatory',
  tags: 'tag',
  quote: 'quote',
  answers: 'answered source',
  addressed_to: 'addressee',
  supports: 'supported claim',
  rebuts: 'rebutted claim',
  undermines: 'undermined claim',
  undercuts: 'undercut claim',
  concedes: 'conceded claim',
  questions: 'questioned claim',
};

/** 1st, 2nd, 3rd, 4th ... 11th, 12th, 13th ... 21st. */
export function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}

function toFinding(file: string, error: ErrorObject): Finding {
  const at = error.instancePath;
  const make = (code: DiagnosticCode, message: string, pointer = at, atKey = false): Finding => ({
    code,
    message,
    file,
    pointer,
    ...(atKey ? { atKey } : {}),
  });
  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String(error.params.additionalProperty);
      const allowed = Object.keys((error.parentSchema?.properties as object | undefined) ?? {});
      const hint = suggestion(key, allowed);
      const message = hint
        ? `unknown key '${key}'${hint}`
        : `unknown key '${key}'; allowed keys here: ${allowed.join(', ')}`;
      return make('unknown-key', message, `${at}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`, true);
    }
    case 'required':
      return make('missing-key', `missing required key '${String(error.params.missingProperty)}' in ${where(at)}`);
    case 'dependentRequired':
      return make(
        'missing-key',
        `'${String(error.params.property)}' needs a '${String(error.params.missingProperty)}' in the same file: claims belong to the file's source`,
      );
    case 'minProperties':
      return make('missing-key', `empty map file: expected 'source' and 'claims', or 'evidence'`);
    case 'type': {
      const expected = String(error.params.type)
        .split(',')
        .map((t) => TYPE_NAMES[t] ?? t)
        .join(' or ');
      const got = describeType(error.data);
      const advice = typeof error.data === 'number' || typeof error.data === 'boolean' || error.data instanceof Date
        ? `; quote it ("${String(error.data)}") if it is meant as text`
        : '';
      return make('wrong-type', `${where(at)} must be ${expected}, got ${got}${advice}`);
    }
    case 'enum': {
      const allowed = (error.params.allowedValues as unknown[]).map(String);
      const hint = typeof error.data === 'string' ? suggestion(error.data, allowed) : '';
      return make('invalid-value', `${where(at)}: '${String(error.data)}'${hint} is not allowed; expected one of ${allowed.join(', ')}`);
    }
    case 'pattern': {
      const value = String(error.data);
      const pattern = String(error.params.pattern);
      if (pattern === ID_PATTERN) {
        const finding = make('invalid-id', `'${value}' is not a valid id: use lower-case letters, digits and single '-' or '.' separators (e.g. 'ec-reply-2022.last-resort')`);
        // Upper case is the one mistake with a single right answer.
        const lower = value.toLowerCase();
        return lower !== value && VALID_ID.test(lower) ? { ...finding, fix: { value: lower, does: `lower-case the id to '${lower}'` } } : finding;
      }
      if (pattern === DATE_PATTERN) {
        const finding = make('invalid-date', `'${value}' is not an ISO 8601 date: write YYYY-MM-DD, or YYYY-MM or YYYY when the day or month is unknown`);
        const iso = isoDateOf(value);
        return iso ? { ...finding, fix: { value: iso, does: `write the date as ${iso}` } } : finding;
      }
      if (pattern.startsWith('^https?')) return make('invalid-url', `'${value}' is not an http(s) URL`);
      return make('invalid-value', `'${value}' in ${where(at)} must be lower-case words joined by '-'`);
    }
    case 'maxLength':
      return make('invalid-id', `'${String(error.data)}' is too long: at most ${String(error.params.limit)} characters`);
    case 'minLength':
    case 'minItems':
      return make('empty-value', `${where(at)} must not be empty`);
    case 'uniqueItems':
      return make('duplicate-value', `${where(at)} lists the same value twice (the ${ordinal(Number(error.params.j) + 1)} and the ${ordinal(Number(error.params.i) + 1)})`);
    default:
      return make('invalid-value', `${where(at)} ${error.message ?? 'is invalid'}`);
  }
}
