import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import type { Finding } from '../diagnostics.js';
import { describeFsError } from './discover.js';

const utf8 = new TextDecoder('utf-8', { fatal: true });

export type ReadResult = { ok: true; text: string } | { ok: false; finding: Finding; io: boolean };

const MB = 1024 * 1024;

/**
 * Read a map file as UTF-8, refusing bytes that are not text rather than guessing, and a file
 * over `maxBytes` without reading it.
 */
export function readMapFile(file: string, absolute: string, maxBytes = Infinity): ReadResult {
  let bytes: Buffer;
  let fd: number | undefined;
  try {
    fd = openSync(absolute, 'r');
    const size = fstatSync(fd).size;
    if (size > maxBytes) {
      const shown = (n: number): string => (n >= MB ? `${(n / MB).toFixed(1)} MB` : `${n} bytes`);
      return {
        ok: false,
        io: false,
        finding: fileFinding(file, 'limit-exceeded', `the file is ${shown(size)}, over the limit of ${shown(maxBytes)} (raise it with --max-file-size)`),
      };
    }
    bytes = Buffer.allocUnsafe(size);
    let read = 0;
    while (read < size) {
      const n = readSync(fd, bytes, read, size - read, read);
      if (n === 0) break;
      read += n;
    }
    bytes = bytes.subarray(0, read);
  } catch (error) {
    return { ok: false, io: true, finding: fileFinding(file, 'yaml-syntax', describeFsError(error, file)) };
  } finally {
    if (fd !== undefined) closeSync(fd);
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
