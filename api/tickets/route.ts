/** Ticket routes (admin only): POST /api/tickets/import (multipart upload) and GET /api/tickets/imports (history). */
import { Hono, type Context } from 'hono';
import type { AppEnv } from '../context.ts';
import { requireAdmin } from '../admin/require-admin.ts';
import { fail } from '../errors.ts';
import { receiveUpload } from '../http/receive-upload.ts';
import { IMPORT_UPLOAD } from './import-upload.ts';
import { ImportFileError, ProfileError } from '../../db/tickets/errors.ts';
import { resolveProfile } from '../../db/tickets/resolve-profile.ts';
import { importFile } from '../../db/tickets/run-import.ts';
import { listImports } from '../../db/tickets/list-imports.ts';

const yes = (v: string | undefined) => v !== undefined && ['1', 'true', 'on', 'yes'].includes(v.toLowerCase());

/**
 * Who ran an upload, for the import history: `dashboard` for the upload page (which calls this route in-process,
 * so no socket: `X-KB-Ran-By` is believed only then) or a session cookie, `api` for the admin token.
 */
function ranBy(c: Context<AppEnv>): string {
  const inProcess = !(c.env as { incoming?: unknown } | undefined)?.incoming;
  if (inProcess && c.req.header('x-kb-ran-by') === 'dashboard') return 'dashboard';
  return c.req.header('authorization')?.startsWith('Bearer ') ? 'api' : 'dashboard';
}

export const tickets = new Hono<AppEnv>()
  .use(requireAdmin)
  .post('/import', async (c) => {
    const upload = await receiveUpload(c.req.raw, IMPORT_UPLOAD);
    const one = (k: string) => upload.fields.get(k)?.[0]?.trim() || undefined;
    try {
      const { profile, label } = resolveProfile({
        preset: one('preset'),
        mappingText: one('mapping'),
        mappingName: 'the uploaded mapping profile',
        maps: (upload.fields.get('map') ?? []).flatMap((m) => m.split('\n')).map((m) => m.trim()).filter(Boolean),
      });
      const result = await importFile(c.var.deps.db, upload.path, {
        profile,
        profileLabel: label,
        fileName: upload.fileName,
        source: one('source'),
        timeZone: one('tz'),
        dryRun: yes(one('dryRun')),
        skipInvalid: yes(one('skipInvalid')),
        ranBy: ranBy(c),
      });
      if (result.errorCount && !result.committed && !(result.dryRun && yes(one('skipInvalid')))) {
        fail(422, `Nothing was imported: ${result.errorCount} ${result.errorCount === 1 ? 'row has an error' : 'rows have errors'}.`, result);
      }
      return c.json(result);
    } catch (err) {
      if (err instanceof ProfileError) fail(400, err.message);
      if (err instanceof ImportFileError) {
        fail(422, err.message, { imported: 0, updated: 0, unchanged: 0, skipped: 0, errors: err.errors, errorCount: err.errors.length });
      }
      throw err;
    } finally {
      await upload.dispose();
    }
  })
  .get('/imports', (c) => c.json({ imports: listImports(c.var.deps.db) }));
