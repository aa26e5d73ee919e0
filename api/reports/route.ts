/** GET /api/reports/<overview|articles|search|gaps|tickets>: SPEC 7 reports as JSON or CSV, admin only. */
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../context.ts';
import { requireAdmin } from '../admin/require-admin.ts';
import { fail } from '../errors.ts';
import { ReportQuerySchema, resolveRange } from './query.ts';
import { validated } from '../http/validate.ts';
import { csvLists, reportToCsv } from './csv.ts';
import { REPORT_NAMES, runReport, type ReportName } from './registry.ts';
import { emptyCatalog } from '../../db/shared/catalog.ts';

export const reports = new Hono<AppEnv>();

reports.use(requireAdmin);

/** One search query's drill-down (the dashboard's /admin/search/query): its figures then, the result counts it showed. */
const QueryDetailSchema = ReportQuerySchema.pick({ from: true, to: true, locale: true }).extend({
  q: z.string().trim().min(1, 'must be the query to look at').max(200, 'must be at most 200 characters'),
});
reports.get('/query', validated('query', QueryDetailSchema, 'The query drill-down takes q (the search query), from, to and locale.'), async (c) => {
  const q = c.req.valid('query');
  const { store, config } = c.var.deps;
  const range = resolveRange(q, config.timeZone);
  if (typeof range === 'string') fail(400, `The report range is not valid: ${range}.`, [{ path: 'from', message: range }]);
  const detail = await store.reports.queryDetail({ ...range, timeZone: config.timeZone, query: q.q, ...(q.locale ? { locale: q.locale } : {}) });
  return c.json({ ...range, ...detail });
});

// An unknown report is a 404 whatever its query says; the query is checked for known ones only.
reports.use('/:name', async (c, next) => {
  const name = c.req.param('name') as ReportName;
  if (!REPORT_NAMES.includes(name)) fail(404, `No report "${name}"; reports are: ${REPORT_NAMES.join(', ')}.`);
  await next();
});

reports.get('/:name', validated('query', ReportQuerySchema, 'The report query is not valid; it takes from, to, interval, locale, format, list, article and compare.'), async (c) => {
  const name = c.req.param('name') as ReportName;
  const q = c.req.valid('query');
  const { store, config, catalog } = c.var.deps;
  const range = resolveRange(q, config.timeZone);
  if (typeof range === 'string') fail(400, `The report range is not valid: ${range}.`, [{ path: 'from', message: range }]);
  if (q.article && name !== 'articles') fail(400, 'article= is only for the articles report.', [{ path: 'article', message: 'only for /api/reports/articles' }]);
  const report = await runReport(name, store, config, catalog ? await catalog() : emptyCatalog(), { ...range, interval: q.interval, locale: q.locale, article: q.article, compare: q.compare });
  if (q.format === 'json') return c.json(report);
  const list = q.list ?? 'series';
  if (!csvLists(report).includes(list)) {
    fail(400, `This report has no list "${list}".`, [{ path: 'list', message: `one of ${csvLists(report).join(', ')}` }]);
  }
  c.header('Content-Type', 'text/csv; charset=utf-8');
  c.header('Content-Disposition', `attachment; filename="${name}-${range.from}-${range.to}-${list}.csv"`);
  return c.body(reportToCsv(report, list));
});
