/**
 * Streams a multipart/form-data request with busboy: the named file to a private temp file (mode 0600, in the
 * database's temp folder), other fields as text. Only for senders already known to be an admin: the caller checks
 * the session and origin first, and `beforeFile` can refuse the upload (a CSRF field) before a byte reaches disk.
 */
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { basename } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import busboy from 'busboy';
import { fail } from '../errors.ts';
import { tempPath } from '../../db/shared/temp-files.ts';

export interface Upload {
  /** Where the uploaded file was written; gone after dispose(). */
  path: string;
  /** The file's name as the browser sent it, without folders. */
  fileName: string;
  /** Text fields; repeated fields keep every value. Small uploaded text files (e.g. a profile) land here too. */
  fields: Map<string, string[]>;
  dispose(): Promise<void>;
}

export interface UploadLimits {
  fileField: string;
  maxFileBytes: number;
  /** Other file fields read into `fields` as text, at most 1 MB each. */
  textFileFields?: readonly string[];
}

export interface UploadOptions {
  /** The folder the file is written to (config.tempDir). */
  tempDir: string;
  /**
   * Called with the fields read so far when the first file part starts; a sentence refuses the upload (403) and
   * nothing is written. Browsers send fields in form order, so a hidden CSRF field placed first arrives first.
   */
  beforeFile?: (fields: Map<string, string[]>) => string | undefined;
}

const TEXT_FILE_BYTES = 1024 * 1024;

export async function receiveUpload(req: Request, limits: UploadLimits, options: UploadOptions): Promise<Upload> {
  const type = req.headers.get('content-type') ?? '';
  if (!type.toLowerCase().startsWith('multipart/form-data')) fail(415, `Send the file as multipart/form-data in the field "${limits.fileField}".`);
  if (!req.body) fail(400, 'The request has no body.');
  const fields = new Map<string, string[]>();
  const add = (k: string, v: string) => fields.set(k, [...(fields.get(k) ?? []), v]);
  let path = '';
  let fileName = '';
  let tooBig = false;
  let refused: string | undefined;
  let checked = !options.beforeFile;
  const dispose = () => (path ? rm(path, { force: true }) : Promise.resolve());
  const writes: Promise<void>[] = [];
  const source = Readable.fromWeb(req.body as WebReadableStream<Uint8Array>);
  let stop: (err: Error) => void = () => undefined;
  const bb = busboy({
    headers: { 'content-type': type },
    limits: { fileSize: limits.maxFileBytes, files: 1 + (limits.textFileFields?.length ?? 0), fields: 100, fieldSize: 64 * 1024 },
  });
  bb.on('field', (name, value) => add(name, value));
  bb.on('file', (name, stream, info) => {
    if (!checked) {
      checked = true;
      refused = options.beforeFile?.(fields);
    }
    if (refused) {
      // Stop reading the request at once: nothing more of it is wanted.
      stream.resume();
      source.unpipe(bb);
      source.destroy();
      stop(new Error(refused));
      return;
    }
    if (name === limits.fileField && !path) {
      fileName = basename(info.filename || 'upload');
      path = tempPath(options.tempDir, 'upload');
      stream.on('limit', () => (tooBig = true));
      writes.push(pipeline(stream, createWriteStream(path, { mode: 0o600, flags: 'wx' })));
    } else if (limits.textFileFields?.includes(name)) {
      const chunks: Buffer[] = [];
      let size = 0;
      stream.on('data', (c: Buffer) => (size += c.length) <= TEXT_FILE_BYTES && chunks.push(c));
      writes.push(
        new Promise((resolve) =>
          stream.on('end', () => {
            add(name, Buffer.concat(chunks).toString('utf8'));
            resolve();
          }),
        ),
      );
    } else stream.resume();
  });
  try {
    // Not pipeline(): a refusal stops the source without an error event that would outlive the pipe.
    await new Promise<void>((resolve, reject) => {
      stop = reject;
      source.once('error', reject);
      bb.once('error', reject);
      bb.once('close', resolve);
      source.pipe(bb);
    });
    await Promise.all(writes);
  } catch (err) {
    await Promise.allSettled(writes);
    await dispose();
    if (refused) fail(403, refused);
    fail(400, `The upload could not be read: ${(err as Error).message}`);
  }
  if (!checked) refused = options.beforeFile?.(fields);
  if (refused) {
    await dispose();
    fail(403, refused);
  }
  if (tooBig) {
    await dispose();
    fail(413, `The file is larger than ${Math.round(limits.maxFileBytes / 2 ** 20)} MB.`);
  }
  if (!path) fail(400, `No file in the upload: send it in the multipart field "${limits.fileField}".`);
  return { path, fileName, fields, dispose };
}
