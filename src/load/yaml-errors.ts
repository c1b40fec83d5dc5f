import type { YAMLError } from 'yaml';
import type { Finding } from '../diagnostics.js';

/**
 * Where a YAML error really is, and what to say about it. The parser reports an unclosed
 * string at the end of the file; the mistake is where the string opens.
 */
function describeYamlError(source: string, error: YAMLError): { offset: number; message: string } {
  let message = error.message.split('\n')[0] ?? error.message;
  // The yaml package appends " at line L, column C"; positions are rendered separately.
  message = message.replace(/ at line \d+, column \d+:?$/, '');
  let offset = error.pos[0];
  const unclosed = /^Missing closing (["'])quote/.exec(message);
  if (error.code === 'MISSING_CHAR' && unclosed) {
    const opening = source.lastIndexOf(unclosed[1]!, offset);
    if (opening >= 0) {
      offset = opening;
      message = `this ${unclosed[1] === '"' ? 'double' : 'single'}-quoted string is never closed; add the closing ${unclosed[1]}`;
    }
  }
  return { offset, message };
}

/** What to do about the parser's commonest complaints, in the terms of a map file. */
const YAML_ADVICE: Partial<Record<string, string>> = {
  BLOCK_AS_IMPLICIT_KEY: "check the indentation of this line and the next (a key lines up with the keys above it), or quote a value that holds ': '",
  MULTILINE_IMPLICIT_KEY: "check the indentation of this line and the next (a key lines up with the keys above it), or quote a value that holds ': '",
  BAD_INDENT: 'close the bracket, or indent the lines inside it further than their key',
  TAB_AS_INDENT: 'indent with spaces',
  BAD_SCALAR_START: 'quote the value',
  UNEXPECTED_TOKEN: 'check the indentation and the punctuation of this line',
};

export function yamlFinding(file: string, source: string, error: YAMLError, isError: boolean): Finding {
  const code =
    error.code === 'DUPLICATE_KEY'
      ? 'duplicate-key'
      : error.code === 'TAG_RESOLVE_FAILED' || error.code === 'BAD_ALIAS'
        ? 'unsupported-yaml'
        : isError
          ? 'yaml-syntax'
          : 'yaml-warning';
  const described = describeYamlError(source, error);
  const offset = described.offset;
  let message = described.message;
  if (code === 'duplicate-key') message = `${message}; each key may appear once in a mapping, merge or remove the repeated one`;
  if (error.code === 'MULTIPLE_DOCS') message = `a map file holds one YAML document, and '---' starts a second one here: move it to a file of its own`;
  const advice = YAML_ADVICE[error.code];
  if (advice) message = `${message}; ${advice}`;
  if (code === 'unsupported-yaml' && error.code === 'TAG_RESOLVE_FAILED') {
    message = `${message}; riposte reads plain YAML only (no custom tags), remove the tag`;
  }
  return { code, message, file, pointer: '', offset };
}
