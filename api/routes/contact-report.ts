/** GET /api/reports/contact (admin): the contact form's deflection report, as JSON or CSV (SPEC 4.1, 7). */
import { Hono } from 'hono';
import { zValidator } from '@hono/zod-validator';
import { stringify } from 'csv-stringify/sync';
import { DateTime } from 'luxon';
import { z } from 'zod';
import { getContactFormReport } from '../../db/queries/getContactFormReport.ts';
import type { AppEnv } from '../context.ts';
import { fail } from '../errors.ts';
import { requireAdmin } from '../auth/require-admin.ts';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'must be a date YYYY-MM-DD' }).refine((d) => DateTime.fromISO(d).isValid, { error: 'must be a real date' });

const Query = z
  .object({
    from: day,
    to: day,
    interval: z.enum(['day', 'week', 'month']).default('day'),
    locale: z.string().regex(/^[a-z]{2,3}$/).optional(),
    format: z.enum(['json', 'csv']).default('json'),
  })
  .refine((q) => q.from <= q.to, { error: 'must not be after `to`', path: ['from'] })
  .refine((q) => DateTime.fromISO(q.to).diff(DateTime.fromISO(q.from), 'days').days <= 366 * 3, { error: 'the range may span at most 3 years', path: ['from'] });

export const contactReport = new Hono<AppEnv>().get(
  '/',
  requireAdmin,
  zValidator('query', Query, (result) => {
    if (!result.success) {
      const details = result.error.issues.map((i) => `${i.path.join('.') || 'query'}: ${i.message}`);
      fail(400, `The report query has ${details.length} problem(s): ${details.join('; ')}`, details);
    }
  }),
  (c) => {
    const q = c.req.valid('query');
    const report = getContactFormReport(c.var.deps.db, { ...q, timeZone: c.var.deps.config.timeZone });
    if (q.format === 'json') return c.json(report);
    const columns = ['period', 'deflectorShown', 'deflectorClicked', 'submitted', 'implicitDeflections', 'clickRate', 'implicitDeflectionRate'] as const;
    const rows = [...report.series, { ...report.totals, period: 'total' }].map((p) => columns.map((k) => p[k] ?? ''));
    c.header('Content-Type', 'text/csv; charset=utf-8');
    c.header('Content-Disposition', `attachment; filename="contact-${q.from}-${q.to}.csv"`);
    return c.body(stringify([columns as unknown as string[], ...rows]));
  },
);
