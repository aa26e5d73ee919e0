/**
 * Reads the import upload form without holding its file in memory: busboy streams the file to the database's
 * temp folder, after the form's CSRF field (sent first) has been checked, and the form hands the file on as a
 * file-backed Blob, read lazily when posted on. request.formData() would buffer a 1 GB export whole.
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

/**
 * `csrfRefusal` sees the fields that came before the first file and returns a sentence to refuse the upload
 * (403, nothing written). Throws the HTTPException receiveUpload raises (refused, too large, unreadable, no file).
 */
export async function readUploadForm(request: Request, tempDir: string, csrfRefusal: (fields: Map<string, string[]>) => string | undefined): Promise<DiskForm> {
  const upload = await receiveUpload(request, IMPORT_UPLOAD, { tempDir, beforeFile: csrfRefusal });
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
