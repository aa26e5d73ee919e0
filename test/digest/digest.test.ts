/** The weekly digest (SPEC 7.5) through a real SMTP server: once per period across a restart, figures equal to the reports'. */
import { simpleParser, type ParsedMail } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../api/env.ts';
import { createRuntime, type Runtime } from '../../api/runtime.ts';
import { lastCompleteWeek } from '../../api/digest/period.ts';
import { startDigestSchedule } from '../../api/digest/schedule.ts';
import { listDigestSends } from '../../db/digest/sends.ts';
import { openMigratedDb } from '../../db/sqlite/migrate.ts';
import { sqliteStore } from '../../db/sqlite/store.ts';
import { addDays } from '../../db/shared/report-range.ts';
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { tempDb, type TempDb } from '../helpers/db.ts';
import { startServerProcess } from '../helpers/process.ts';
import { startSmtp, type Mailbox } from '../helpers/receivers.ts';
import { addTickets, eventStore, type EventInput } from '../reports/store.ts';

const TOKEN = 'digest-test-token-0123456789';
const DAY = 86_400_000;
let t: TempDb;
let mailbox: Mailbox;
let env: Record<string, string>;
const week = lastCompleteWeek('UTC');

async function until(done: () => boolean, ms = 15_000) {
  const end = Date.now() + ms;
  while (!done()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}
const parse = (i: number) => simpleParser(mailbox.messages[i]!.raw);
const int = (n: number) => n.toLocaleString('en');

beforeAll(async () => {
  mailbox = await startSmtp();
  env = {
    KB_ADMIN_TOKEN: TOKEN, KB_TZ: 'UTC', KB_SMTP_URL: mailbox.url, KB_DIGEST_TO: 'lead@example.com, writer@example.com',
    KB_DIGEST_SCHEDULE: 'weekly', KB_SITE_URL: 'https://help.example.com', KB_COST_PER_TICKET: '12.5',
  };
  t = tempDb(env);
  const { add, close } = eventStore(t);
  const events: EventInput[] = [];
  // Last week: 30 readers of reset-password (6 contact support), 12 searches for "gift card" with no results.
  // The week before: 20 readers, 1 contact.
  const day = (d: string, hour: number, minute: number) => `${d} ${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
  for (let s = 0; s < 30; s++) {
    const at = (m: number) => day(addDays(week.from, s % 7), 8 + Math.floor(s / 7), m);
    events.push({ type: 'view', at: at(0), session: s, article: 'reset-password', locale: 'en' });
    if (s < 6) events.push({ type: 'contact', at: at(2), session: s, via: 'cta', locale: 'en' });
  }
  for (let s = 0; s < 12; s++) events.push({ type: 'search', at: day(addDays(week.from, 2), 14, s * 2), session: 100 + s, query: 'Gift card', results: 0, locale: 'en' });
  for (let s = 0; s < 20; s++) {
    const at = (m: number) => day(addDays(week.previous.from, s % 7), 9 + Math.floor(s / 7), m);
    events.push({ type: 'view', at: at(0), session: 200 + s, article: 'reset-password', locale: 'en' });
    if (s === 0) events.push({ type: 'contact', at: at(3), session: 200 + s, via: 'cta', locale: 'en' });
  }
  await add(...events.sort((a, b) => a.at.localeCompare(b.at)));
  await close();
  addTickets(t, [
    ...Array.from({ length: 14 }, (_, i) => ({ created: day(addDays(week.from, i % 7), 10, i), channel: 'email' as const, tags: ['login'], requester: `r${i}` })),
    ...Array.from({ length: 9 }, (_, i) => ({ created: day(addDays(week.previous.from, i % 7), 10, i), channel: 'email' as const, requester: `p${i}` })),
  ]);
}, 60_000);

afterAll(async () => {
  t?.cleanup();
  await mailbox?.close();
});

describe('the weekly digest', () => {
  let kb: Runtime;
  let mail: ParsedMail;

  it('arrives from the running server, in plain text and HTML, to everyone in KB_DIGEST_TO', async () => {
    kb = await createRuntime(t.config);
    await until(() => mailbox.messages.length === 1);
    mail = await parse(0);
    expect(mailbox.messages[0]!.to).toEqual(['lead@example.com', 'writer@example.com']);
    expect(mail.headers.get('x-kb-digest-period')).toBe(week.id);
    expect(mail.text).toContain('Your help center,');
    expect(mail.html).toContain('<table');
    expect(await kb.store.digest.list()).toMatchObject([{ period: week.id, attempts: 1, lastError: null }]);
  });

  it('holds the same figures as the reports for that week and the week before, each linking to the dashboard', async () => {
    const get = async (path: string) => (await kb.app.request(path, { headers: { authorization: `Bearer ${TOKEN}` } })).json() as Promise<any>;
    const range = `from=${week.from}&to=${week.to}`;
    const overview = await get(`/api/reports/overview?${range}&compare=previous`);
    const [now, before] = [overview.totals, overview.previous.totals];
    expect(overview.previous).toMatchObject({ from: week.previous.from, to: week.previous.to });
    expect([now.views, before.views, now.tickets, before.tickets]).toEqual([30, 20, 14, 9]);
    const text = mail.text!;
    expect(text).toContain(`Page views: ${int(now.views)} (week before ${int(before.views)}, +50%)`);
    expect(text).toContain(`Tickets created: ${int(now.tickets)} (week before ${int(before.tickets)}, +56%)`);
    expect(text).toContain(`Contacts after read: ${int(now.contactsAfterRead)} (week before ${int(before.contactsAfterRead)}`);
    expect(text).toContain(`Self-service rate: ${(now.selfServiceRate * 100).toFixed(1)}% (week before ${(before.selfServiceRate * 100).toFixed(1)}%`);
    expect(text).toContain(`Tickets avoided (estimate): ${int(now.ticketsAvoided)} (week before ${int(before.ticketsAvoided)}`);
    expect(text).toContain(`Cost avoided (estimate, 12.5 a ticket): ${int(now.costAvoided)}`);
    const articles = (await get(`/api/reports/articles?${range}`)).articles.filter((a: any) => a.contactsAfterRead > 0);
    expect(articles).toHaveLength(1);
    expect(text).toContain(`1. ${articles[0].title}: ${articles[0].contactsAfterRead} contacts after read of ${articles[0].sessions} sessions`);
    const zero = (await get(`/api/reports/search?${range}`)).zeroResultQueries;
    expect(text).toContain(`1. "${zero[0].query}": ${zero[0].zeroResultSearches} searches found nothing`);
    expect(zero[0]).toMatchObject({ query: 'gift card', zeroResultSearches: 12 });
    const gaps = (await get(`/api/reports/gaps?${range}`)).gaps.slice(0, 5);
    for (const g of gaps) expect(text).toContain(`${g.title}: ${int(g.size)} ${g.unit}.`);
    expect(mail.subject).toBe(`Help center, week of ${new Date(`${week.from}T00:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' })}: 30 views (+50%), 14 tickets (+56%)`);
    // every figure links into the dashboard for that week
    expect(text).toContain(`https://help.example.com/admin?${range}`);
    expect(mail.html).toContain(`href="https://help.example.com/admin/articles/reset-password?${range.replace('&', '&amp;')}"`);
    expect(mail.html).toContain(`href="https://help.example.com/admin/search/query?${range.replace('&', '&amp;')}&amp;q=gift+card"`);
    expect((mail.html as string).match(/href="https:\/\/help\.example\.com\/admin\?/g)!.length).toBeGreaterThanOrEqual(9);
  });

  it('is not sent again for the same week after a restart', async () => {
    await kb.close();
    kb = await createRuntime(t.config);
    expect(await kb.digest!.check()).toBe('not-due');
    await new Promise((r) => setTimeout(r, 300));
    expect(mailbox.messages).toHaveLength(1);
    await kb.close();
  });

  it('goes out once when two processes share the database, and is retried after an SMTP failure', async () => {
    // A week later: both processes find the next week due; one claim wins.
    let now = Date.now() + 7 * DAY;
    const next = lastCompleteWeek('UTC', now);
    const catalog = async () => ({ articles: [], categories: [], problems: [] });
    // Two stores on the same file, as two processes would hold.
    const dbs = [openMigratedDb(t.file), openMigratedDb(t.file)];
    const stores = dbs.map((db) => sqliteStore(db, t.config));
    const schedules = stores.map((store) => startDigestSchedule({ store, config: t.config, catalog, now: () => now, checkEveryMs: 3_600_000, log: () => {} }));
    try {
      await until(() => mailbox.messages.length === 2);
      const results = await Promise.all(schedules.map((s) => s.check()));
      expect(results).toEqual(['not-due', 'not-due']);
      expect((await parse(1)).headers.get('x-kb-digest-period')).toBe(next.id);
      // Another week on, with the SMTP server unreachable: the send fails and the claim waits for its retry.
      now += 7 * DAY;
      const down = { ...loadConfig({ ...env, KB_DB: t.file, KB_SMTP_URL: 'smtp://127.0.0.1:9' }) };
      const failing = startDigestSchedule({ store: stores[0]!, config: down, catalog, now: () => now, checkEveryMs: 3_600_000, retryMs: 60_000, log: () => {} });
      const third = lastCompleteWeek('UTC', now);
      await until(() => listDigestSends(dbs[0]!).some((s) => s.period === third.id && s.lastError !== null));
      await failing.stop();
      expect(await schedules[1]!.check()).toBe('not-due'); // the retry is not due yet
      now += 61_000;
      expect(await schedules[1]!.check()).toBe('sent');
      expect(mailbox.messages).toHaveLength(3);
      expect(listDigestSends(dbs[0]!).find((s) => s.period === third.id)).toMatchObject({ attempts: 2, lastError: null });
    } finally {
      await Promise.all(schedules.map((s) => s.stop()));
      for (const db of dbs) db.$client.close();
    }
  });

  it('is sent once by `npm start` across a real restart of the server process, and `kb digest --to` sends one now', async () => {
    const fresh = { dir: mkdtempSync(join(tmpdir(), 'kb-digest-')) };
    // Without KB_SITE_URL: `npm start` rebuilds dist/ for a site URL other than the build's (bin/build-site.ts), which
    // would pull the pages from under every other test running meanwhile. The links are checked above.
    const { KB_SITE_URL: _, ...withoutSiteUrl } = env;
    const server = { ...withoutSiteUrl, KB_DB: join(fresh.dir, 'kb.sqlite') };
    const before = mailbox.messages.length;
    try {
      const first = await startServerProcess(server);
      await until(() => mailbox.messages.length === before + 1);
      first.child.kill('SIGTERM');
      await first.exited;
      const second = await startServerProcess(server);
      await new Promise((r) => setTimeout(r, 1500)); // its first look runs right after start
      second.child.kill('SIGTERM');
      await second.exited;
      expect(mailbox.messages).toHaveLength(before + 1);
      const sent = openMigratedDb(server.KB_DB);
      expect(listDigestSends(sent)).toMatchObject([{ period: week.id, attempts: 1 }]);
      sent.$client.close();
      const root = fileURLToPath(new URL('../..', import.meta.url));
      const cli = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'bin/cli/main.ts', 'digest', '--to', 'someone@example.com'], {
        cwd: root,
        env: { ...process.env, KB_DB: t.file, KB_TZ: 'UTC', KB_SMTP_URL: mailbox.url, KB_SITE_URL: 'https://help.example.com' },
      });
      expect(cli.stdout).toContain(`Sent the digest for ${week.from} – ${week.to} to someone@example.com.`);
      expect(mailbox.messages.at(-1)!.to).toEqual(['someone@example.com']);
      expect((await parse(mailbox.messages.length - 1)).text).toContain('Page views: 30 (week before 20, +50%)');
    } finally {
      await import('node:fs').then((fs) => fs.rmSync(fresh.dir, { recursive: true, force: true }));
    }
  }, 120_000);
});
