/** Streams a multipart/form-data request to disk with busboy: the named file to a temp file, other fields as text. */
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import busboy from 'busboy';
import { fail } from '../errors.ts';

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

const TEXT_FILE_BYTES = 1024 * 1024;

export async function receiveUpload(req: Request, limits: UploadLimits): Promise<Upload> {
  const type = req.headers.get('content-type') ?? '';
  if (!type.toLowerCase().startsWith('multipart/form-data')) fail(415, `Send the file as multipart/form-data in the field "${limits.fileField}".`);
  if (!req.body) fail(400, 'The request has no body.');
  const dir = await mkdtemp(join(tmpdir(), 'kb-upload-'));
  const dispose = () => rm(dir, { recursive: true, force: true });
  const fields = new Map<string, string[]>();
  const add = (k: string, v: string) => fields.set(k, [...(fields.get(k) ?? []), v]);
  let path = '';
  let fileName = '';
  let tooBig = false;
  const writes: Promise<void>[] = [];
  const bb = busboy({
    headers: { 'content-type': type },
    limits: { fileSize: limits.maxFileBytes, files: 1 + (limits.textFileFields?.length ?? 0), fields: 100, fieldSize: 64 * 1024 },
  });
  bb.on('field', (name, value) => add(name, value));
  bb.on('file', (name, stream, info) => {
    if (name === limits.fileField && !path) {
      fileName = basename(info.filename || 'upload');
      path = join(dir, 'upload');
      stream.on('limit', () => (tooBig = true));
      writes.push(pipeline(stream, createWriteStream(path)));
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
    await pipeline(Readable.fromWeb(req.body as WebReadableStream<Uint8Array>), bb);
    await Promise.all(writes);
  } catch (err) {
    await dispose();
    fail(400, `The upload could not be read: ${(err as Error).message}`);
  }
  if (tooBig) {
    await dispose();
    fail(413, `The file is larger than ${Math.round(limits.maxFileBytes / 2 ** 20)} MB.`);
  }
  if (!path) {
    await dispose();
    fail(400, `No file in the upload: send it in the multipart field "${limits.fileField}".`);
  }
  return { path, fileName, fields, dispose };
}
