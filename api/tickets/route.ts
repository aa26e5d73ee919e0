/** Ticket routes (admin only): POST /api/tickets/import (multipart upload) and GET /api/tickets/imports (history). */
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../context.ts';
import { requireAdmin } from '../admin/require-admin.ts';
import { fail } from '../errors.ts';
import { validated } from '../http/validate.ts';
import { receiveUpload } from '../http/receive-upload.ts';
import { IMPORT_UPLOAD } from './import-upload.ts';
import { ImportBusyError, ImportFileError, ProfileError, resolveProfile, type RowError } from '../../db/store.ts';
import type { ErrorDetail } from '../../db/shared/errors.ts';

/** Row problems in the details shape: the column as the path, with the file line and column. */
const rowDetails = (errors: readonly RowError[]): ErrorDetail[] =>
  errors.map((e) => ({ path: e.column ?? '', message: e.value === null ? e.reason : `${e.reason} (value: ${JSON.stringify(e.value)})`, line: e.line, ...(e.column ? { column: e.column } : {}) }));

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
    const upload = await receiveUpload(c.req.raw, IMPORT_UPLOAD, { tempDir: c.var.deps.config.tempDir });
    const one = (k: string) => upload.fields.get(k)?.[0]?.trim() || undefined;
    try {
      const { profile, label } = resolveProfile({
        preset: one('preset'),
        mappingText: one('mapping'),
        mappingName: 'the uploaded mapping profile',
        maps: (upload.fields.get('map') ?? []).flatMap((m) => m.split('\n')).map((m) => m.trim()).filter(Boolean),
      });
      const result = await c.var.deps.store.tickets.importFile(upload.path, {
        profile,
        profileLabel: label,
        fileName: upload.fileName,
        source: one('source'),
        timeZone: one('tz'),
        encoding: one('encoding'),
        dryRun: yes(one('dryRun')),
        skipInvalid: yes(one('skipInvalid')),
        ranBy: ranBy(c),
        // An upload does not hold its request open behind another import.
        waitForLock: false,
        // This is the server: its own events share the connection and wait for the event loop, not for the lock.
        besideServer: false,
      });
      if (result.errorCount && !result.committed && !(result.dryRun && yes(one('skipInvalid')))) {
        const n = result.errorCount;
        const more = n > result.errors.length ? ` The first ${result.errors.length} are listed; ${(n - result.errors.length).toLocaleString('en')} more are not.` : '';
        fail(422, `Nothing was imported: ${n.toLocaleString('en')} ${n === 1 ? 'error was' : 'errors were'} found in the file.${more}`, rowDetails(result.errors), { result });
      }
      return c.json(result);
    } catch (err) {
      if (err instanceof ProfileError) fail(400, err.message, [{ path: one('mapping') ? 'mapping' : 'preset', message: err.message }]);
      if (err instanceof ImportBusyError) {
        c.header('Retry-After', '30');
        fail(409, err.message);
      }
      if (err instanceof ImportFileError) {
        const result = { imported: 0, updated: 0, unchanged: 0, skipped: 0, errors: err.errors, errorCount: err.errors.length };
        fail(422, err.message, rowDetails(err.errors), { result });
      }
      throw err;
    } finally {
      await upload.dispose();
    }
  })
  .get(
    '/imports',
    validated('query', z.object({ limit: z.coerce.number().int().min(1).max(500).default(20), offset: z.coerce.number().int().min(0).max(1_000_000).default(0) }), 'limit must be 1..500 and offset 0 or more.'),
    async (c) => {
      const { limit, offset } = c.req.valid('query');
      const { tickets: t } = c.var.deps.store;
      const [imports, total] = await Promise.all([t.listImports(limit, offset), t.countImports()]);
      return c.json({ imports, total, limit, offset });
    },
  );
