import { readFileSync } from 'node:fs';
import type { Finding } from '../diagnostics.js';
import { describeFsError } from './discover.js';

const utf8 = new TextDecoder('utf-8', { fatal: true });

export type ReadResult = { ok: true; text: string } | { ok: false; finding: Finding; io: boolean };

/** Read a map file as UTF-8, refusing bytes that are not text rather than guessing. */
export function readMapFile(file: string, absolute: string): ReadResult {
  let bytes: Buffer;
  try {
    bytes = readFileSync(absolute);
  } catch (error) {
    return { ok: false, io: true, finding: fileFinding(file, 'yaml-syntax', describeFsError(error, file)) };
  }
  return decodeMapBytes(file, bytes);
}

export function decodeMapBytes(file: string, bytes: Uint8Array): ReadResult {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { ok: false, io: false, finding: fileFinding(file, 'yaml-syntax', 'the file is UTF-16; save it as UTF-8') };
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    return {
      ok: false,
      io: false,
      finding: fileFinding(file, 'yaml-syntax', `the file holds a NUL byte at offset ${nul}: it is binary or UTF-16, not a UTF-8 YAML file`),
    };
  }
  try {
    return { ok: true, text: utf8.decode(bytes) };
  } catch {
    return { ok: false, io: false, finding: fileFinding(file, 'yaml-syntax', 'the file is not valid UTF-8; save it as UTF-8') };
  }
}

function fileFinding(file: string, code: Finding['code'], message: string): Finding {
  return { code, severity: 'error', message, file, pointer: '', offset: 0 };
}
