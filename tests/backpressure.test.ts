import { Writable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateDebateMap } from '../bench/generate.mjs';
import { run } from '../src/cli.js';
import { writeChunks } from '../src/commands/output.js';
import { inBatches } from '../src/io/batches.js';
import { runCli, tempDir } from './helpers.js';

/** A reader slower than the writer, as `riposte tree | less` is: each chunk is taken a tick later. It records how much waited in its buffer. */
function slowReader(highWaterMark = 16 * 1024): { stream: Writable; text: () => string; maxBuffered: () => number } {
  const parts: Buffer[] = [];
  let maxBuffered = 0;
  const stream = new Writable({
    highWaterMark,
    write(chunk: Buffer, _encoding, done) {
      parts.push(chunk);
      setImmediate(done);
    },
  });
  const write = stream.write.bind(stream);
  stream.write = ((chunk: string) => {
    const ok = write(chunk);
    maxBuffered = Math.max(maxBuffered, stream.writableLength);
    return ok;
  }) as typeof stream.write;
  return { stream, text: () => Buffer.concat(parts).toString('utf8'), maxBuffered: () => maxBuffered };
}

describe('streamed output waits for its reader', () => {
  it('writeChunks makes the next chunk only once a full buffer has drained', async () => {
    const reader = slowReader(1024);
    const chunks = Array.from({ length: 200 }, (_, i) => `${String(i).padStart(3, '0')}:${'x'.repeat(500)}\n`);
    let made = 0;
    const lagAtPull: number[] = [];
    function* lazily(): Generator<string> {
      for (const chunk of chunks) {
        lagAtPull.push(reader.stream.writableLength);
        made++;
        yield chunk;
      }
    }
    await writeChunks(reader.stream, lazily());
    await new Promise<void>((resolve) => reader.stream.end(resolve));
    expect(made).toBe(200);
    expect(reader.text()).toBe(chunks.join(''));
    // Never more than the buffer's mark and one chunk waiting, where writing all at once would queue 100 KB.
    expect(reader.maxBuffered()).toBeLessThanOrEqual(1024 + 600);
    expect(Math.max(...lagAtPull)).toBeLessThan(1024);
  });

  it('a stream without drain events (an in-memory sink) takes every chunk at once', async () => {
    let text = '';
    await writeChunks({ write: (s: string) => (text += s) }, ['a', 'b', 'c']);
    expect(text).toBe('abc');
  });

  it('inBatches keeps the text, bounds every piece and never splits a surrogate pair', () => {
    const text = fc.array(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 40 }), fc.string({ unit: 'grapheme-ascii', maxLength: 40 })), { maxLength: 30 });
    fc.assert(
      fc.property(text, fc.integer({ min: 2, max: 50 }), (chunks, size) => {
        const batches = [...inBatches(chunks, size)];
        expect(batches.join('')).toBe(chunks.join(''));
        // Each piece encoded on its own gives the bytes of the whole: no half of a pair is cut off.
        expect(Buffer.concat(batches.map((b) => Buffer.from(b))).equals(Buffer.from(chunks.join('')))).toBe(true);
        for (const batch of batches) expect(batch.length).toBeLessThan(2 * size + 40);
      }),
    );
  });

  it('tree, unanswered, validate and html hold little of a large report when the reader lags', async () => {
    const dir = tempDir();
    generateDebateMap({ claims: 3000, seed: 11, dir });
    const commands = [
      ['tree', '--width', '80'],
      ['tree', '--format', 'json'],
      ['unanswered'],
      ['unanswered', '--format', 'json'],
      ['validate', '--no-texts'],
      ['html'],
    ];
    for (const args of commands) {
      const reader = slowReader();
      const code = await run(args, { stdout: reader.stream, stderr: { write: () => true }, cwd: dir, env: {} });
      await new Promise<void>((resolve) => reader.stream.end(resolve));
      const whole = await runCli(args, { cwd: dir });
      expect({ args, code, same: reader.text() === whole.stdout }).toEqual({ args, code: whole.code, same: true });
      expect(whole.stdout.length, args.join(' ')).toBeGreaterThan(300_000);
      // Bounded by the buffer's mark and one chunk of output (16k characters, 3 bytes each at most).
      expect(reader.maxBuffered(), args.join(' ')).toBeLessThan(16 * 1024 + 3 * 16 * 1024 + 1);
    }
  }, 120_000);
});

