import jsYaml from 'js-yaml';

/**
 * A js-yaml schema that resolves plain scalars exactly as the `yaml` package's YAML 1.2
 * core schema does (its regular expressions, copied), so the fast and the precise parser
 * read the same data. js-yaml's own core schema differs on a few forms ('-.5', '0b101').
 */
/** Numbers start with a digit, a sign or a dot: most plain scalars are ruled out by one comparison. */
function mayBeNumber(data: string | null): data is string {
  if (data === null || data.length === 0) return false;
  const c = data.charCodeAt(0);
  return (c >= 0x30 && c <= 0x39) || c === 0x2b || c === 0x2d || c === 0x2e;
}

const int = new jsYaml.Type('tag:yaml.org,2002:int', {
  kind: 'scalar',
  resolve: (data: string | null) => mayBeNumber(data) && (/^[-+]?[0-9]+$/.test(data) || /^0o[0-7]+$/.test(data) || /^0x[0-9a-fA-F]+$/.test(data)),
  construct: (data: string) => {
    if (data.startsWith('0o')) return parseInt(data.slice(2), 8);
    if (data.startsWith('0x')) return parseInt(data.slice(2), 16);
    return parseInt(data, 10);
  },
  predicate: (value: unknown) => typeof value === 'number' && Number.isInteger(value),
  represent: (value: object) => String(value),
});

const float = new jsYaml.Type('tag:yaml.org,2002:float', {
  kind: 'scalar',
  resolve: (data: string | null) =>
    mayBeNumber(data) &&
    (/^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/.test(data) ||
      /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/.test(data) ||
      /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/.test(data)),
  construct: (data: string) => {
    if (/nan$/i.test(data)) return NaN;
    if (/inf$/i.test(data)) return data.startsWith('-') ? -Infinity : Infinity;
    return parseFloat(data);
  },
  predicate: (value: unknown) => typeof value === 'number',
  represent: (value: object) => String(value),
});

const nil = new jsYaml.Type('tag:yaml.org,2002:null', {
  kind: 'scalar',
  resolve: (data: string | null) => data === null || data.length === 0 || (data.length <= 4 && /^(?:~|[Nn]ull|NULL)$/.test(data)),
  construct: () => null,
  predicate: (value: unknown) => value === null,
  represent: () => 'null',
});

const bool = new jsYaml.Type('tag:yaml.org,2002:bool', {
  kind: 'scalar',
  resolve: (data: string | null) => data !== null && (data.length === 4 || data.length === 5) && /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/.test(data),
  construct: (data: string) => data[0] === 't' || data[0] === 'T',
  predicate: (value: unknown) => typeof value === 'boolean',
  represent: (value: object) => String(value),
});

export const YAML_CORE_SCHEMA = jsYaml.FAILSAFE_SCHEMA.extend({ implicit: [nil, bool, int, float] });
