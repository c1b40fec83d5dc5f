import type { YAMLError } from 'yaml';
import { finding, type Finding, type ParserSaid } from '../diagnostics.js';

/** The parser's own words, without the position it appends: positions are rendered separately. */
function parserSaid(error: YAMLError): ParserSaid {
  const text = (error.message.split('\n')[0] ?? error.message).replace(/ at line \d+, column \d+:?$/, '');
  return { why: 'parser', text, parserCode: error.code };
}

/**
 * A YAML error or warning as a finding, placed where the mistake really is: the parser reports
 * an unclosed string at the end of the file, but the mistake is where the string opens.
 */
export function yamlFinding(file: string, source: string, error: YAMLError, isError: boolean): Finding {
  const said = parserSaid(error);
  const place = { file, pointer: '', offset: error.pos[0] };
  if (error.code === 'DUPLICATE_KEY') return finding('duplicate-key', said, place);
  if (error.code === 'TAG_RESOLVE_FAILED' || error.code === 'BAD_ALIAS') return finding('unsupported-yaml', said, place);
  if (!isError) return finding('yaml-warning', said, place);
  if (error.code === 'MULTIPLE_DOCS') return finding('yaml-syntax', { why: 'second-document' }, place);
  const unclosed = /^Missing closing (["'])quote/.exec(said.text);
  if (error.code === 'MISSING_CHAR' && unclosed) {
    const quote = unclosed[1] as '"' | "'";
    const opening = source.lastIndexOf(quote, place.offset);
    if (opening >= 0) return finding('yaml-syntax', { why: 'unclosed-quote', quote }, { ...place, offset: opening });
  }
  return finding('yaml-syntax', said, place);
}
