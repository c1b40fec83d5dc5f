import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import type { Finding } from '../diagnostics.js';
import { describeFsError } from './discover.js';
import { describeKind, resolveForRead, type ReadScope } from './scope.js';

const utf8 = new TextDecoder('utf-8', { fatal: true });

export type ReadResult = { ok: true; text: string; real: string; bytes: Uint8Array } | { ok: false; finding: Finding; io: boolean };

const MB = 1024 * 1024;
const shownSize = (n: number): string => (n >= MB ? `${(n / MB).toFixed(1)} MB` : `${n} bytes`);

export type BytesResult = { ok: true; bytes: Uint8Array } | { ok: false; tooLarge?: number; error?: unknown; kind?: string };

/**
 * Read a regular file of at most `maxBytes`, never more than the size it had when opened:
 * a pseudo-file that reports no size (/proc) reads as empty, a device or a FIFO is refused
 * without blocking, and a file that grows while read cannot grow the read.
 */
export function readBoundedFile(real: string, maxBytes: number): BytesResult {
  let fd: number | undefined;
  try {
    // O_NONBLOCK: a FIFO swapped in after the checks opens at once instead of waiting for a writer.
    fd = openSync(real, constants.O_RDONLY | constants.O_NONBLOCK);
    const stats = fstatSync(fd);
    if (!stats.isFile()) return { ok: false, kind: describeKind(stats) };
    if (stats.size > maxBytes) return { ok: false, tooLarge: stats.size };
    const bytes = Buffer.allocUnsafe(stats.size);
    let read = 0;
    while (read < stats.size) {
      const n = readSync(fd, bytes, read, stats.size - read, read);
      if (n === 0) break;
      read += n;
    }
    return { ok: true, bytes: bytes.subarray(0, read) };
  } catch (error) {
    return { ok: false, error };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * Read a map file as UTF-8, refusing bytes that are not text rather than guessing, a file
 * over `maxBytes` without reading it, and, given a scope, any file that is not a regular
 * file inside it once its links are followed (nothing of such a file is read).
 */
export function readMapFile(file: string, absolute: string, maxBytes = Infinity, scope?: ReadScope): ReadResult {
  let real = absolute;
  if (scope) {
    const resolved = resolveForRead(absolute, file, scope);
    if (!resolved.ok) {
      const { code, message } = resolved.refusal;
      return { ok: false, io: code === 'unreadable-file', finding: fileFinding(file, code, message) };
    }
    real = resolved.real;
  }
  const read = readBoundedFile(real, maxBytes);
  if (!read.ok) {
    if (read.tooLarge !== undefined) {
      return { ok: false, io: false, finding: fileFinding(file, 'limit-exceeded', `the file is ${shownSize(read.tooLarge)}, over the limit of ${shownSize(maxBytes)} (raise it with --max-file-size)`) };
    }
    if (read.kind !== undefined) return { ok: false, io: false, finding: fileFinding(file, 'not-regular-file', `'${file}' is ${read.kind}, not a regular file; riposte reads only regular files`) };
    return { ok: false, io: true, finding: fileFinding(file, 'unreadable-file', describeFsError(read.error, file)) };
  }
  const decoded = decodeMapBytes(file, read.bytes);
  return decoded.ok ? { ...decoded, real, bytes: read.bytes } : decoded;
}

export function decodeMapBytes(file: string, bytes: Uint8Array): { ok: true; text: string } | { ok: false; finding: Finding; io: false } {
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

/** A finding about a whole file; one that was not read has no position, so locating it reads nothing. */
function fileFinding(file: string, code: Finding['code'], message: string): Finding {
  const unread = code !== 'yaml-syntax';
  return { code, message, file, pointer: '', ...(unread ? { unread: true } : { offset: 0 }) };
}
