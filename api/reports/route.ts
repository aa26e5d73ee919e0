/** GET /api/reports/<overview|articles|search|gaps|tickets>: SPEC 7 reports as JSON or CSV, admin only. */
import { Hono } from 'hono';
import type { AppEnv } from '../context.ts';
import { requireAdmin } from '../admin/require-admin.ts';
import { fail } from '../errors.ts';
import { issueList, ReportQuerySchema, resolveRange } from './query.ts';
import { csvLists, reportToCsv } from './csv.ts';
import { REPORT_NAMES, runReport, type ReportName } from './registry.ts';
import { emptyCatalog } from '../../db/shared/catalog.ts';

export const reports = new Hono<AppEnv>();

reports.use(requireAdmin);

reports.get('/:name', async (c) => {
  const name = c.req.param('name') as ReportName;
  if (!REPORT_NAMES.includes(name)) fail(404, `No report "${name}"; reports are: ${REPORT_NAMES.join(', ')}.`);
  const parsed = ReportQuerySchema.safeParse(c.req.query());
  if (!parsed.success) fail(400, 'The report query is not valid.', issueList(parsed.error));
  const q = parsed.data;
  const { db, config, catalog } = c.var.deps;
  const range = resolveRange(q, config.timeZone);
  if (typeof range === 'string') fail(400, `The report range is not valid: ${range}.`, [{ field: 'from', message: range }]);
  if (q.article && name !== 'articles') fail(400, 'article= is only for the articles report.', [{ field: 'article', message: 'only for /api/reports/articles' }]);
  const report = runReport(name, db, config, catalog ? await catalog() : emptyCatalog(), { ...range, interval: q.interval, locale: q.locale, article: q.article, compare: q.compare });
  if (q.format === 'json') return c.json(report);
  const list = q.list ?? 'series';
  if (!csvLists(report).includes(list)) {
    fail(400, `This report has no list "${list}".`, [{ field: 'list', message: `one of ${csvLists(report).join(', ')}` }]);
  }
  c.header('Content-Type', 'text/csv; charset=utf-8');
  c.header('Content-Disposition', `attachment; filename="${name}-${range.from}-${range.to}-${list}.csv"`);
  return c.body(reportToCsv(report, list));
});
