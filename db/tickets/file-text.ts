/**
 * Opens an export as UTF-8 bytes for the readers. Without an encoding the file must be UTF-8: every chunk is checked
 * (Buffer's isUtf8, a character split across chunks carried over) and the first byte that is not UTF-8 stops the
 * import with a sentence naming its line, instead of storing `Caf\uFFFD`. With an encoding (`--encoding
 * windows-1252`) the WHATWG decoder built into Node (TextDecoder, the Encoding Standard's labels) turns it into UTF-8.
 */
import { closeSync, createReadStream, openSync, readSync } from 'node:fs';
import { isUtf8 } from 'node:buffer';
import { Transform, type Readable } from 'node:stream';
import { ImportFileError } from './errors.ts';

export interface FileText {
  /** UTF-8 bytes of the file. */
  stream: Readable;
  /** Bytes of the file read so far (for the progress bar). */
  bytesRead(): number;
  close(): void;
}

/** The decoder's name for an encoding label, or a ProfileError-like sentence (throws) for one it does not know. */
export function checkEncoding(label: string): string {
  try {
    return new TextDecoder(label).encoding;
  } catch {
    throw new ImportFileError(`"${label.slice(0, 40)}" is not an encoding this importer knows; try utf-8, windows-1252 (also called latin1), iso-8859-15 or shift_jis.`);
  }
}

export function openFileText(file: string, encoding?: string): FileText {
  const input = createReadStream(file, { highWaterMark: 256 * 1024 });
  const label = encoding ? checkEncoding(encoding) : 'utf-8';
  const through = label === 'utf-8' ? utf8Check(file) : decodeTo8(label);
  // pipe() does not pass a read error on: without this, a file that fails mid-read would leave the reader waiting.
  input.once('error', (err) => through.destroy(err));
  return { stream: input.pipe(through), bytesRead: () => input.bytesRead, close: () => input.destroy() };
}

/** How many bytes at the end of `buf` start a character that continues in the next chunk (0 to 3). */
function incompleteTail(buf: Buffer): number {
  for (let back = 1; back <= Math.min(3, buf.length); back++) {
    const b = buf[buf.length - back]!;
    if ((b & 0xc0) === 0x80) continue;
    const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return need > back ? back : 0;
  }
  return 0;
}

/** The line (1-based) that byte `offset` of `file` is on: its newlines before it, counted only when one is needed. */
function lineAt(file: string, offset: number): number {
  const fd = openSync(file, 'r');
  const buf = Buffer.alloc(256 * 1024);
  let lines = 1;
  try {
    for (let pos = 0; pos < offset; ) {
      const n = readSync(fd, buf, 0, Math.min(buf.length, offset - pos), pos);
      if (n === 0) break;
      for (let i = buf.indexOf(10); i !== -1 && i < n; i = buf.indexOf(10, i + 1)) lines++;
      pos += n;
    }
  } finally {
    closeSync(fd);
  }
  return lines;
}

/**
 * Passes UTF-8 through unchanged; anything else fails with the line it is on. Lines are counted only then, from the
 * file (a rare path): counting them in every chunk cost the reader's thread a pass over the whole file.
 */
function utf8Check(file: string): Transform {
  let carry = Buffer.alloc(0);
  /** Bytes passed on so far: where `whole` starts in the file. */
  let passed = 0;
  const refuse = (b: Buffer) => {
    const at = firstInvalid(b);
    const lines = lineAt(file, passed + at);
    const byte = b[at]!.toString(16).toUpperCase().padStart(2, '0');
    return new ImportFileError(
      `The file is not UTF-8 text: line ${lines} holds the byte 0x${byte}, which UTF-8 does not allow there. ` +
        'Save the file as UTF-8 (CSV UTF-8 in Excel), or name its encoding, e.g. --encoding windows-1252 (also called latin1).',
      [{ line: lines, column: null, value: null, reason: `not UTF-8 (byte 0x${byte})` }],
    );
  };
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      const buf = carry.length ? Buffer.concat([carry, chunk]) : chunk;
      const cut = buf.length - incompleteTail(buf);
      const whole = buf.subarray(0, cut);
      if (!isUtf8(whole)) return done(refuse(whole));
      passed += whole.length;
      carry = Buffer.from(buf.subarray(cut));
      done(null, whole);
    },
    flush(done) {
      if (carry.length) return done(refuse(carry));
      done();
    },
  });
}

/** The offset of the first byte that does not begin a valid UTF-8 sequence (only called on text known to hold one). */
function firstInvalid(b: Buffer): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    const len = c < 0x80 ? 1 : c >= 0xc2 && c <= 0xdf ? 2 : c >= 0xe0 && c <= 0xef ? 3 : c >= 0xf0 && c <= 0xf4 ? 4 : 0;
    if (len === 0 || i + len > b.length || !isUtf8(b.subarray(i, i + len))) return i;
    i += len;
  }
  return Math.max(0, b.length - 1);
}

/** Decodes `encoding` as it streams and re-encodes as UTF-8 for the readers. */
function decodeTo8(encoding: string): Transform {
  const decoder = new TextDecoder(encoding);
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      done(null, Buffer.from(decoder.decode(chunk, { stream: true }), 'utf8'));
    },
    flush(done) {
      const rest = decoder.decode();
      done(null, rest ? Buffer.from(rest, 'utf8') : undefined);
    },
  });
}
