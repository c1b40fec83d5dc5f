import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { DiagnosticCode } from '../diagnostics.js';
import type { FileProblem } from '../wording.js';
import type { DebateMap } from '../model.js';
import { InputError, describeFsError } from './discover.js';
import { encodingProblem, readBoundedFile } from './read.js';
import { fsProblem, isInside, makeScope, resolveForRead } from './scope.js';
import { didYouMean } from '../suggest.js';


/** A source text as the loader found it: its content, or why it could not be read (with the finding's code). */
export type LoadedText =
  | { ok: true; content: string }
  | { ok: false; problem: FileProblem; code: Extract<DiagnosticCode, 'text-not-found' | 'text-encoding' | 'limit-exceeded' | 'path-outside-project' | 'not-regular-file' | 'broken-link' | 'invalid-file-name'> };
const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Read every text file the map's sources name, from `dir`. Each must resolve, links
 * followed, to a regular file inside `dir` that is not hidden, of at most `maxBytes`, in
 * UTF-8: a text is searched and passages of it are shown, so nothing outside may be read.
 * A text that fails is reported per source, with the reason, never thrown.
 */
export function loadTexts(map: DebateMap, dir: string, shownDir: string, maxBytes = Infinity): Map<string, LoadedText> {
  try {
    const info = statSync(dir);
    if (!info.isDirectory()) throw new InputError(`texts directory '${shownDir}' is not a directory`, dir);
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(`texts directory: ${describeFsError(error, shownDir)}; pass --texts DIR, set 'texts' in riposte.config.yaml, or skip quote checks with --no-texts`, dir);
  }
  const scope = makeScope('the texts directory', [dir]);
  const names = new Set(map.sources.flatMap((s) => (s.text !== undefined ? [s.text] : [])));
  const texts = new Map<string, LoadedText>();
  // Synchronous reads: for many small files they cost a fraction of promise-based ones.
  const listings = new Map<string, string[]>();
  for (const name of names) {
    const loaded = loadText(path.resolve(dir, name), path.join(shownDir, name), scope, maxBytes);
    texts.set(name, loaded.ok || loaded.code !== 'text-not-found' ? loaded : withClosestName(loaded, name, dir, listings));
  }
  return texts;
}

/** A text not found, with the closest file name in its directory: 'reply.tx' is most likely 'reply.txt'. */
function withClosestName(loaded: LoadedText & { ok: false }, name: string, dir: string, listings: Map<string, string[]>): LoadedText {
  const folder = path.dirname(path.resolve(dir, name));
  if (!isInside(folder, dir)) return loaded;
  let entries = listings.get(folder);
  if (!entries) {
    try {
      // Names only, and at most a few thousand: a texts directory is listed, never read through.
      entries = readdirSync(folder).filter((entry) => !entry.startsWith('.')).slice(0, 10_000);
    } catch {
      entries = [];
    }
    listings.set(folder, entries);
  }
  const closest = didYouMean(path.basename(name), entries);
  if (!closest) return loaded;
  const suggested = path.join(path.dirname(name), closest);
  return loaded.problem.why === 'missing' ? { ...loaded, problem: { ...loaded.problem, suggested } } : loaded;
}

function loadText(absolute: string, shown: string, scope: ReturnType<typeof makeScope>, maxBytes: number): LoadedText {
  const resolved = resolveForRead(absolute, shown, scope);
  if (!resolved.ok) {
    const { code, problem } = resolved.refusal;
    return { ok: false, code: code === 'unreadable-file' ? 'text-not-found' : code, problem };
  }
  const read = readBoundedFile(resolved.real, maxBytes);
  if (!read.ok) {
    if (read.tooLarge !== undefined) {
      return { ok: false, code: 'limit-exceeded', problem: { why: 'too-large', path: shown, size: read.tooLarge, limit: maxBytes, option: '--max-text-size' } };
    }
    if (read.kind !== undefined) return { ok: false, code: 'not-regular-file', problem: { why: 'not-regular', path: shown, kind: read.kind } };
    return { ok: false, code: 'text-not-found', problem: fsProblem(read.error, shown) };
  }
  return decodeText(read.bytes, shown);
}

/** Decode a text as UTF-8, naming the encoding it is in instead when it is not. */
export function decodeText(bytes: Uint8Array, shown: string): LoadedText {
  const problem = encodingProblem(bytes, shown);
  if (problem) return { ok: false, code: 'text-encoding', problem };
  let content: string;
  try {
    content = utf8.decode(bytes);
  } catch {
    return { ok: false, code: 'text-encoding', problem: { why: 'not-utf8', path: shown } };
  }
  // Old Mac line ends (CR alone) are line ends too; one character for one, so offsets hold.
  if (content.includes('\r')) content = content.replace(/\r(?!\n)/g, '\n');
  return { ok: true, content };
}
