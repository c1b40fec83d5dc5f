import type { DebateMap } from '../model.js';
import { aifToMap } from './aif.js';
import { slug } from './ids.js';
import { argdownToMap } from './argdown.js';
import { apxToMap, parseApx, parseTgf } from './apx.js';
import { jsonToMap } from './json-import.js';
import { kialoToMap } from './kialo.js';

/** A reader: the text of a file in another format, and a name for the map (the file's), to a map. */
export type Reader = (text: string, name: string) => DebateMap | Promise<DebateMap>;

const slugName = (name: string): string => slug(name, 48) || 'framework';

/** Every import format, by the name `riposte import` takes. */
export const READERS: Record<string, Reader> = {
  kialo: (text, name) => kialoToMap(text, name),
  aif: (text, name) => aifToMap(text, name),
  argdown: (text, name) => argdownToMap(text, name),
  json: (text) => jsonToMap(text),
  apx: (text, name) => apxToMap(parseApx(text), slugName(name), name).map,
  tgf: (text, name) => apxToMap(parseTgf(text), slugName(name), name).map,
};
