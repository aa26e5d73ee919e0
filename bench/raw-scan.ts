/**
 * The key report figures computed the slow, obvious way: plain scans of the raw events and tickets tables,
 * straight from the SPEC 7 definitions. The benchmark and a test hold the rollup-based reports against it.
 */
import type Database from 'better-sqlite3';
import { DateTime } from 'luxon';
import { quantileSorted } from '../db/reports/stats.ts';
import { csatScore, isSolved } from '../db/shared/ticket-rules.ts';

/** Median and p90 the obvious way, by sorting (the reports pick ranks by selection). */
function quantiles(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  return { median: quantileSorted(sorted, 0.5), p90: quantileSorted(sorted, 0.9) };
}

export interface RawFigures {
  overview: { views: number; visitors: number; searches: number; contacts: number; sessions: number; contacted: number; foundAnswer: number; failed: number; tickets: number; requesters: number };
  articles: Record<string, { views: number; visitors: number; sessions: number; contactsAfterRead: number; helpfulYes: number; helpfulNo: number; readThrough: number; medianReadSeconds: number | null }>;
  search: { searches: number; zeroResultSearches: number; clicked: number; bouncedSearches: number };
  tickets: { tickets: number; solved: number; firstResponseMedian: number | null; firstResponseP90: number | null; resolutionMedian: number | null; slaBreaches: number; csat: number | null; abandoned: number; phoneQueued: number };
}

/** A temp table of local days (day, start ms, end ms) covering from..to, for joining events to their day. */
function dayTable(db: Database.Database, from: string, to: string, zone: string) {
  db.exec('DROP TABLE IF EXISTS temp.raw_days; CREATE TEMP TABLE raw_days (day TEXT, s INTEGER, e INTEGER)');
  const ins = db.prepare('INSERT INTO raw_days VALUES (?, ?, ?)');
  for (let d = DateTime.fromISO(from, { zone }); d.toISODate()! <= to; d = d.plus({ days: 1 })) {
    ins.run(d.toISODate(), d.startOf('day').toMillis(), d.plus({ days: 1 }).startOf('day').toMillis());
  }
  const r = db.prepare('SELECT min(s) AS s, max(e) AS e FROM raw_days').get() as { s: number; e: number };
  return [r.s, r.e] as const;
}


export function rawFigures(db: Database.Database, from: string, to: string, zone: string, slaMinutes: number): RawFigures {
  const [start, end] = dayTable(db, from, to, zone);
  const one = <T>(sql: string, ...args: unknown[]) => db.prepare(sql).get(...args) as T;
  const inRange = 'ts >= ? AND ts < ?';
  const counts = one<{ views: number; searches: number; contacts: number }>(
    `SELECT sum(type = 'view') AS views, sum(type = 'search') AS searches, sum(type = 'contact') AS contacts FROM events WHERE ${inRange}`,
    start, end,
  );
  const visitors = one<{ n: number }>(
    `SELECT count(*) AS n FROM (SELECT DISTINCT d.day, e.visitor FROM events e JOIN raw_days d ON e.ts >= d.s AND e.ts < d.e)`,
  ).n;
  // A session counts on the local day of its first event; its outcome comes from all its events.
  const sessions = one<{ sessions: number; contacted: number; found: number; failed: number }>(
    `WITH s AS (
       SELECT session_id, min(ts) AS first, max(type = 'contact') AS contacted,
              max(type = 'view' AND article IS NOT NULL) AS viewed
       FROM events GROUP BY session_id)
     SELECT count(*) AS sessions, sum(contacted) AS contacted, sum(NOT contacted AND viewed) AS found,
            sum(NOT contacted AND NOT viewed) AS failed
     FROM s WHERE first >= ? AND first < ?`,
    start, end,
  );
  const ticketsRow = one<{ n: number; r: number }>('SELECT count(*) AS n, count(DISTINCT requester) AS r FROM tickets WHERE created_at >= ? AND created_at < ?', start, end);

  const articles: RawFigures['articles'] = {};
  const art = (slug: string) =>
    (articles[slug] ??= { views: 0, visitors: 0, sessions: 0, contactsAfterRead: 0, helpfulYes: 0, helpfulNo: 0, readThrough: 0, medianReadSeconds: null });
  for (const r of db
    .prepare(
      `SELECT e.article, count(*) AS views, count(DISTINCT d.day || ' ' || e.visitor) AS visitors
       FROM events e JOIN raw_days d ON e.ts >= d.s AND e.ts < d.e
       WHERE e.type = 'view' AND e.article IS NOT NULL GROUP BY e.article`,
    )
    .all() as Array<{ article: string; views: number; visitors: number }>) {
    Object.assign(art(r.article), { views: r.views, visitors: r.visitors });
  }
  for (const r of db
    .prepare(
      `WITH a AS (SELECT article, session_id, min(ts) AS first FROM events WHERE type = 'view' AND article IS NOT NULL GROUP BY article, session_id)
       SELECT a.article, count(*) AS sessions,
              sum(EXISTS (SELECT 1 FROM events c WHERE c.session_id = a.session_id AND c.type = 'contact' AND c.attributed_article = a.article)) AS contacts
       FROM a WHERE a.first >= ? AND a.first < ? GROUP BY a.article`,
    )
    .all(start, end) as Array<{ article: string; sessions: number; contacts: number }>) {
    Object.assign(art(r.article), { sessions: r.sessions, contactsAfterRead: r.contacts });
  }
  // Per page view: day of its first event, largest seconds, deepest scroll, last vote. Plain grouping passes
  // over the events joined on the pv (events have no index by pv: nothing else reads them that way).
  const pvs = db
    .prepare(
      `WITH p AS (SELECT pv, min(ts) AS first, min(id) AS firstId, max(coalesce(seconds, 0)) AS secs, max(coalesce(scroll, 0)) AS scroll
                  FROM events WHERE pv IS NOT NULL AND article IS NOT NULL GROUP BY pv),
            v AS (SELECT pv, helpful FROM (SELECT pv, helpful, row_number() OVER (PARTITION BY pv ORDER BY ts DESC, id DESC) AS n
                                           FROM events WHERE type = 'vote' AND pv IS NOT NULL) WHERE n = 1)
       SELECT e.article, p.secs, p.scroll, v.helpful AS vote
       FROM p JOIN events e ON e.id = p.firstId LEFT JOIN v ON v.pv = p.pv
       WHERE p.first >= ? AND p.first < ?`,
    )
    .all(start, end) as Array<{ article: string; secs: number; scroll: number; vote: number | null }>;
  const reads = new Map<string, number[]>();
  for (const p of pvs) {
    const a = art(p.article);
    if (p.scroll >= 90) a.readThrough++;
    if (p.vote === 1) a.helpfulYes++;
    if (p.vote === 0) a.helpfulNo++;
    if (p.secs > 0) (reads.get(p.article) ?? (reads.set(p.article, []), reads.get(p.article)!)).push(p.secs);
  }
  for (const [slug, list] of reads) art(slug).medianReadSeconds = quantiles(list).median;

  const search = one<{ searches: number; zero: number; clicked: number; bounced: number }>(
    `SELECT count(*) AS searches, sum(results = 0) AS zero, sum(clicked) AS clicked, sum(results > 0 AND NOT clicked) AS bounced
     FROM events WHERE type = 'search' AND ${inRange}`,
    start, end,
  );
  return {
    overview: {
      views: counts.views ?? 0, visitors, searches: counts.searches ?? 0, contacts: counts.contacts ?? 0,
      sessions: sessions.sessions, contacted: sessions.contacted ?? 0, foundAnswer: sessions.found ?? 0, failed: sessions.failed ?? 0,
      tickets: ticketsRow.n, requesters: ticketsRow.r,
    },
    articles,
    search: { searches: search.searches, zeroResultSearches: search.zero ?? 0, clicked: search.clicked ?? 0, bouncedSearches: search.bounced ?? 0 },
    tickets: rawTickets(db, start, end, slaMinutes),
  };
}

function rawTickets(db: Database.Database, start: number, end: number, slaMinutes: number): RawFigures['tickets'] {
  const rows = db
    .prepare('SELECT created_at AS c, first_response_at AS f, solved_at AS s, status, csat, channel, wait_seconds AS w, abandoned AS a FROM tickets WHERE created_at >= ? AND created_at < ?')
    .all(start, end) as Array<{ c: number; f: number | null; s: number | null; status: string | null; csat: string | null; channel: string; w: number | null; a: number | null }>;
  const fr = rows.filter((r) => r.f !== null).map((r) => (r.f! - r.c) / 60_000);
  const res = rows.filter((r) => r.s !== null).map((r) => (r.s! - r.c) / 60_000);
  const rated = rows.map((r) => csatScore(r.csat)).filter((x) => x !== null);
  const queued = rows.filter((r) => r.channel === 'phone' && r.w !== null);
  return {
    tickets: rows.length,
    solved: rows.filter((r) => isSolved(r.status)).length,
    firstResponseMedian: quantiles(fr).median,
    firstResponseP90: quantiles(fr).p90,
    resolutionMedian: quantiles(res).median,
    slaBreaches: fr.filter((m) => m > slaMinutes).length,
    csat: rated.length ? rated.reduce<number>((s, x) => s + x, 0) / rated.length : null,
    abandoned: queued.filter((r) => r.a).length,
    phoneQueued: queued.length,
  };
}
