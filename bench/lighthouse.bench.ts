/**
 * Lighthouse (mobile, its default simulated throttling) on every page type of the built help center, served by
 * api/server.ts over a database with 90 days of demo traffic. Lighthouse is installed from bench/lighthouse's
 * lockfile into bench/tmp (bench-only) and drives Debian's Chromium (CHROME_PATH).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { loadavg, tmpdir } from 'node:os';
import { benchInstall } from './lib/bench-install.ts';
import { startServers } from './lib/child.ts';

const PAGES = [
  ['home', '/'],
  ['category', '/categories/billing-and-plans'],
  ['article', '/articles/set-up-your-studio'],
  ['search (noindex on purpose)', '/search?q=refund'],
  ['Persian home (rtl)', '/fa/'],
  ['Persian article (rtl)', '/fa/articles/reset-your-password'],
  ['untranslated topic (fa)', '/fa/categories/bookings-and-calendar'],
] as const;
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;

interface Report {
  categories: Record<string, { score: number | null; auditRefs: { id: string; weight: number }[] }>;
  audits: Record<string, { score: number | null; displayValue?: string; numericValue?: number }>;
}

function lighthouse(dir: string, url: string): Report {
  const out = join(tmpdir(), `kb-lighthouse-${process.pid}.json`);
  const r = spawnSync(
    process.execPath,
    [join(dir, 'node_modules/lighthouse/cli/index.js'), url, '--quiet', '--output=json', `--output-path=${out}`, '--chrome-flags=--headless=new --no-sandbox --disable-gpu'],
    { encoding: 'utf8', env: { ...process.env, CHROME_PATH: process.env.CHROME_PATH ?? '/usr/bin/chromium' } },
  );
  if (r.status !== 0) throw new Error(`lighthouse ${url} failed:\n${r.stderr.slice(-2000)}`);
  const report = JSON.parse(readFileSync(out, 'utf8')) as Report;
  rmSync(out, { force: true });
  return report;
}

/** The audits that cost points, for the notes under the table. */
function misses(report: Report): string[] {
  return Object.entries(report.categories).flatMap(([cat, c]) =>
    c.auditRefs
      .filter((ref) => ref.weight > 0 && (report.audits[ref.id]?.score ?? 1) < 1)
      .map((ref) => `${cat}: ${ref.id} ${report.audits[ref.id]!.score}${report.audits[ref.id]!.displayValue ? ` (${report.audits[ref.id]!.displayValue})` : ''}`),
  );
}

export default async function lighthouseBench(): Promise<string> {
  const dir = benchInstall('lighthouse');
  const version = (JSON.parse(readFileSync(join(dir, 'node_modules/lighthouse/package.json'), 'utf8')) as { version: string }).version;
  const load = loadavg().map((l) => l.toFixed(1)).join(', ');
  const servers = await startServers(undefined, { demo: true });
  const base = `http://127.0.0.1:${servers.ports.ours}`;
  const rows: string[] = [];
  const notes: string[] = [];
  try {
    for (const [name, path] of PAGES) {
      const report = lighthouse(dir, base + path);
      const score = (c: string) => report.categories[c]?.score?.toFixed(2) ?? 'n/a';
      const lcp = report.audits['largest-contentful-paint']?.displayValue ?? '';
      const weight = report.audits['total-byte-weight']?.numericValue;
      rows.push(`| ${name} | \`${path}\` | ${CATEGORIES.map(score).join(' | ')} | ${lcp} | ${weight === undefined ? '' : `${(weight / 1024).toFixed(1)} KB`} |`);
      notes.push(...misses(report).map((m) => `- ${name}: ${m}`));
    }
  } finally {
    await servers.stop();
  }
  return [
    `## Lighthouse (measured ${new Date().toISOString().slice(0, 10)})`,
    '',
    `Lighthouse ${version}, its default mobile run (simulated slow 4G and CPU throttling), Debian Chromium, against`,
    `api/server.ts on loopback (brotli). Load average before the run: ${load}. Aim: 1.00 in every category; /search is`,
    '`noindex` on purpose, which Lighthouse counts against SEO.',
    '',
    '| page | path | performance | accessibility | best practices | SEO | LCP | transferred |',
    '|---|---|---|---|---|---|---|---|',
    ...rows,
    '',
    notes.length ? `Audits that cost points:\n${notes.join('\n')}` : 'No audit cost a point.',
  ].join('\n');
}
