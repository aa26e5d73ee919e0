/** `kb report <name>`: the same reports as GET /api/reports/<name>, as a table, JSON or CSV. */
import { Argument, Command, Option } from 'commander';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../../api/env.ts';
import { openStore } from '../../db/open-store.ts';
import { loadCatalog } from '../../api/content/read-catalog.ts';
import { ReportQuerySchema, resolveRange } from '../../api/reports/query.ts';
import { describeIssues } from '../../api/http/validate.ts';
import { REPORT_NAMES, runReport, type ReportName } from '../../api/reports/registry.ts';
import { csvLists, reportToCsv } from '../../api/reports/csv.ts';
import { reportToTable } from '../../api/reports/table.ts';

const contentDir = fileURLToPath(new URL('../../content', import.meta.url));

export function reportCommand() {
  return new Command('report')
    .description('Print a report (SPEC 7) for a date range in KB_TZ: overview, articles, search, gaps or tickets.')
    .addArgument(new Argument('<name>', 'which report').choices(REPORT_NAMES))
    .option('--from <date>', 'first day, YYYY-MM-DD (default: 27 days before --to)')
    .option('--to <date>', 'last day, YYYY-MM-DD (default: yesterday, the last complete day)')
    .addOption(new Option('--interval <interval>', 'series period').choices(['day', 'week', 'month']).default('day'))
    .addOption(new Option('--format <format>', 'output').choices(['table', 'json', 'csv']).default('table'))
    .option('--locale <locale>', 'only events from pages in this locale')
    .option('--list <list>', 'CSV only: series (default), totals, or a list such as articles, queries, gaps')
    .option('--article <slug>', 'articles report only: one article')
    .addOption(new Option('--compare <period>', 'also the totals of the period of the same length just before').choices(['previous']))
    .action(async (name: ReportName, opts: Record<string, string | undefined>) => {
      const { format, ...query } = opts;
      const given = Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined));
      const parsed = ReportQuerySchema.safeParse(given);
      if (!parsed.success) throw new Error(describeIssues(parsed.error.issues, given).map((i) => `--${i.path}: ${i.message}`).join('\n'));
      const config = loadConfig();
      const range = resolveRange(parsed.data, config.timeZone);
      if (typeof range === 'string') throw new Error(range);
      const store = await openStore(config);
      try {
        await store.admin.ensureRollups();
        const catalog = await loadCatalog(contentDir);
        const q = parsed.data;
        const report = await runReport(name, store, config, catalog, { ...range, interval: q.interval, locale: q.locale, article: q.article, compare: q.compare });
        if (format === 'json') process.stdout.write(JSON.stringify(report, null, 2) + '\n');
        else if (format === 'csv') {
          const list = q.list ?? 'series';
          if (!csvLists(report).includes(list)) throw new Error(`--list: one of ${csvLists(report).join(', ')}`);
          process.stdout.write(reportToCsv(report, list));
        } else process.stdout.write(reportToTable(name, report));
      } finally {
        await store.admin.close();
      }
    });
}
