import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { finding, type Finding } from '../diagnostics.js';
import type { FileKindName, FileProblem } from '../wording.js';
import { fsProblem, kindOf, resolveForRead, type ReadScope } from './scope.js';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * What a file was when read: device, inode, size and modification time. A file read twice
 * (checked, then read again to place its findings) must have the same stamp both times.
 */
export type FileStamp = string;

export type ReadResult = { ok: true; text: string; real: string; bytes: Uint8Array; stamp: FileStamp } | { ok: false; finding: Finding; io: boolean };

export type BytesResult = { ok: true; bytes: Uint8Array; stamp: FileStamp } | { ok: false; tooLarge?: number; error?: unknown; kind?: FileKindName };

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
    if (!stats.isFile()) return { ok: false, kind: kindOf(stats) };
    if (stats.size > maxBytes) return { ok: false, tooLarge: stats.size };
    const bytes = Buffer.allocUnsafe(stats.size);
    let read = 0;
    while (read < stats.size) {
      const n = readSync(fd, bytes, read, stats.size - read, read);
      if (n === 0) break;
      read += n;
    }
    return { ok: true, bytes: bytes.subarray(0, read), stamp: `${stats.dev}:${stats.ino}:${stats.size}:${stats.mtimeMs}` };
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
      const { code, problem } = resolved.refusal;
      return { ok: false, io: code === 'unreadable-file', finding: unreadFinding(file, code, problem) };
    }
    real = resolved.real;
  }
  const read = readBoundedFile(real, maxBytes);
  if (!read.ok) {
    if (read.tooLarge !== undefined) {
      const problem: FileProblem = { why: 'too-large', path: file, size: read.tooLarge, limit: maxBytes, option: '--max-file-size' };
      return { ok: false, io: false, finding: finding('limit-exceeded', { why: 'file', problem }, { file, pointer: '', unread: true }) };
    }
    if (read.kind !== undefined) return { ok: false, io: false, finding: unreadFinding(file, 'not-regular-file', { why: 'not-regular', path: file, kind: read.kind }) };
    return { ok: false, io: true, finding: unreadFinding(file, 'unreadable-file', fsProblem(read.error, file)) };
  }
  const decoded = decodeMapBytes(file, read.bytes);
  return decoded.ok ? { ...decoded, real, bytes: read.bytes, stamp: read.stamp } : decoded;
}

export function decodeMapBytes(file: string, bytes: Uint8Array): { ok: true; text: string } | { ok: false; finding: Finding; io: false } {
  const problem = encodingProblem(bytes, file);
  if (problem) return { ok: false, io: false, finding: finding('yaml-syntax', { why: 'file', problem }, { file, pointer: '', offset: 0 }) };
  try {
    return { ok: true, text: utf8.decode(bytes) };
  } catch {
    return { ok: false, io: false, finding: finding('yaml-syntax', { why: 'file', problem: { why: 'not-utf8', path: file } }, { file, pointer: '', offset: 0 }) };
  }
}

/** UTF-16 (with a byte order mark, or ASCII letters each beside a zero byte) or binary: bytes riposte will not guess at. */
export function encodingProblem(bytes: Uint8Array, shown: string): FileProblem | undefined {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff) || hasUtf16Zeros(bytes)) return { why: 'utf16', path: shown };
  const nul = bytes.indexOf(0);
  return nul >= 0 ? { why: 'nul', path: shown, offset: nul } : undefined;
}

/** UTF-16 without a byte order mark: ASCII letters with a zero byte beside each, in the first bytes. */
function hasUtf16Zeros(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 64) & ~1;
  if (n < 8) return false;
  let zeros = 0;
  for (let i = 0; i < n; i++) if (bytes[i] === 0) zeros++;
  return zeros >= n / 4;
}

/** A finding about a file that was not read: it has no position, so locating it reads nothing. */
function unreadFinding(file: string, code: 'path-outside-project' | 'not-regular-file' | 'broken-link' | 'unreadable-file' | 'invalid-file-name', problem: FileProblem): Finding {
  return finding(code, { problem }, { file, pointer: '', unread: true });
}
