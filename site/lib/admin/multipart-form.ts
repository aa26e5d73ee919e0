/**
 * Reads an admin multipart form (the import upload) without holding its file in memory: busboy streams the
 * file to a temp folder and the form hands it on as a file-backed Blob, which is read lazily when posted on.
 * request.formData() would buffer a 1 GB export whole (SPEC 6: a 1 GB file must not need 1 GB of memory).
 */
import { openAsBlob } from 'node:fs';
import { receiveUpload } from '../../../api/http/receive-upload.ts';
import { IMPORT_UPLOAD } from '../../../api/tickets/import-upload.ts';

export interface DiskForm {
  form: FormData;
  /** Deletes the temp file; call once the request is answered. */
  dispose(): Promise<void>;
}

export const isMultipart = (request: Request) =>
  (request.headers.get('content-type') ?? '').toLowerCase().startsWith('multipart/form-data');

/** Throws the HTTPException receiveUpload raises (too large, unreadable, no file field) with a sentence to show. */
export async function readMultipartForm(request: Request): Promise<DiskForm> {
  const upload = await receiveUpload(request, IMPORT_UPLOAD);
  const form = new FormData();
  const textFiles: readonly string[] = IMPORT_UPLOAD.textFileFields;
  for (const [name, values] of upload.fields) {
    for (const value of values) {
      // A small profile file arrives as text; an empty one means no file was chosen.
      if (!textFiles.includes(name)) form.append(name, value);
      else if (value) form.append(name, new File([value], `${name}.json`, { type: 'application/json' }));
    }
  }
  form.set(IMPORT_UPLOAD.fileField, new File([await openAsBlob(upload.path)], upload.fileName));
  return { form, dispose: upload.dispose };
}
