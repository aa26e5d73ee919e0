/** The one shape of a ticket-import upload, shared by POST /api/tickets/import and the /admin/import form. */
import type { UploadLimits } from '../http/receive-upload.ts';

/** The export in `file` (streamed to disk, up to 2 GB) and, optionally, a mapping profile in `mapping`. */
export const IMPORT_UPLOAD = {
  fileField: 'file',
  maxFileBytes: 2 * 1024 ** 3,
  textFileFields: ['mapping'],
} as const satisfies UploadLimits;
