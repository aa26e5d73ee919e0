/**
 * Fast synthetic traffic and tickets for the reports benchmark and agreement test: sessions of views, reads,
 * votes, searches, clicks and contacts stored as ingest stores them (attribution and `clicked` settled), and
 * tickets as the importer's canonical rows. Prepared statements in one transaction; deterministic per seed.
 */
import type Database from 'better-sqlite3';
import { DateTime } from 'luxon';
import { normalizeQuery } from '../db/tracking/event-fields.ts';

export interface GenerateOptions {
  from: string;
  days: number;
  timeZone: string;
  events: number;
  tickets: number;
  articles: Array<{ slug: string; category: string }>;
  ticketTags: string[];
  ticketTypes: string[];
  locales: string[];
  attributionMinutes: number;
  seed?: number;
  onProgress?: (events: number) => void;
}

/** mulberry32: a small seeded PRNG so every run generates the same data. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const QUERY_WORDS = ['reset', 'password', 'invoice', 'refund', 'cancel', 'booking', 'calendar', 'sync', 'zoom', 'export', 'login', 'plan', 'card', 'sms', 'reminder', 'client', 'staff', 'hours', 'gift', 'tax'];

export function generate(db: Database.Database, o: GenerateOptions): { events: number; tickets: number } {
  const rnd = prng(o.seed ?? 42);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  // Popular articles get most views (Zipf-like).
  const weightedArticle = () => o.articles[Math.floor(o.articles.length * rnd() ** 2)]!;
  const queries = Array.from({ length: 400 }, (_, i) => `${pick(QUERY_WORDS)} ${pick(QUERY_WORDS)}${i % 7 === 0 ? ' ' + pick(QUERY_WORDS) : ''}`);
  const zeroQueries = new Set(queries.filter((_, i) => i % 10 === 3));
  const insEvent = db.prepare(
    `INSERT INTO events (ts, type, visitor, session_id, pv, path, article, locale, seconds, scroll, helpful, query, query_norm,
       results, position, comment, via, attributed_article, clicked)
     VALUES (@ts, @type, @visitor, @session, @pv, @path, @article, @locale, @seconds, @scroll, @helpful, @query, @queryNorm,
       @results, @position, @comment, @via, @attributed, 0)`,
  );
  const setClicked = db.prepare('UPDATE events SET clicked = 1 WHERE id = ?');
  const insSession = db.prepare('INSERT INTO sessions (visitor, started_at, last_at) VALUES (?, ?, ?)');
  const blank = { pv: null, path: null, article: null, seconds: null, scroll: null, helpful: null, query: null, queryNorm: null, results: null, position: null, comment: null, via: null, attributed: null };
  const start = DateTime.fromISO(o.from, { zone: o.timeZone });
  const perDay = o.events / o.days;
  let events = 0;
  let pvN = 0;
  db.transaction(() => {
    for (let d = 0; d < o.days && events < o.events; d++) {
      const dayStart = start.plus({ days: d }).toMillis();
      const weekday = start.plus({ days: d }).weekday;
      const target = Math.round(perDay * (weekday >= 6 ? 0.6 : 1.15) * (0.9 + 0.2 * rnd()));
      const starts = Array.from({ length: Math.ceil(target / 3.9) }, () => dayStart + Math.floor(rnd() * 86_000_000)).sort((a, b) => a - b);
      for (const sessionStart of starts) {
        const visitor = `v${d}-${Math.floor(rnd() * target * 0.15)}`;
        const locale = rnd() < 0.8 ? o.locales[0]! : pick(o.locales);
        let ts = sessionStart;
        const session = Number(insSession.run(visitor, ts, ts).lastInsertRowid);
        const base = { visitor, session, locale };
        const emit = (e: Record<string, unknown>) => {
          events++;
          return Number(insEvent.run({ ...blank, ...base, ts, ...e }).lastInsertRowid);
        };
        let lastView: { article: string; ts: number } | undefined;
        let lastSearch: number | undefined;
        const readArticle = (article: string) => {
          const pv = `pv${++pvN}`;
          emit({ type: 'view', pv, article, path: `/articles/${article}` });
          lastView = { article, ts };
          let seconds = 0;
          let scroll = 0;
          const reads = Math.floor(rnd() * 4);
          for (let r = 0; r < reads; r++) {
            ts += 5_000 + Math.floor(rnd() * 30_000);
            seconds += Math.floor(rnd() * 40);
            scroll = Math.min(100, scroll + Math.floor(rnd() * 50));
            emit({ type: 'read', pv, article, seconds, scroll });
          }
          if (rnd() < 0.12) {
            ts += 3_000;
            const helpful = rnd() < 0.7;
            emit({ type: 'vote', pv, article, helpful: helpful ? 1 : 0 });
            if (!helpful && rnd() < 0.3) emit({ type: 'vote', pv, article, helpful: 0, comment: `Missing: ${pick(QUERY_WORDS)}` });
            else if (rnd() < 0.05) emit({ type: 'vote', pv, article, helpful: helpful ? 0 : 1 });
          }
        };
        if (rnd() < 0.1) emit({ type: 'view', pv: `pv${++pvN}`, path: '/' });
        if (rnd() < 0.35) {
          const query = pick(queries);
          const results = zeroQueries.has(query) ? 0 : 1 + Math.floor(rnd() * 8);
          lastSearch = emit({ type: 'search', query, queryNorm: normalizeQuery(query), results });
          ts += 2_000 + Math.floor(rnd() * 10_000);
          if (results > 0 && rnd() < 0.6) {
            emit({ type: 'search_click', query, position: 1 + Math.floor(rnd() * results) });
            setClicked.run(lastSearch);
            readArticle(weightedArticle().slug);
          }
        }
        const more = rnd() < 0.7 ? 1 + Math.floor(rnd() * 2) : 0;
        for (let v = 0; v < more; v++) {
          ts += 10_000 + Math.floor(rnd() * 60_000);
          readArticle(weightedArticle().slug);
        }
        if (rnd() < 0.08) {
          ts += 60_000 + Math.floor(rnd() * 50 * 60_000);
          const attributed = lastView && ts - lastView.ts <= o.attributionMinutes * 60_000 ? lastView.article : null;
          emit({ type: 'contact', via: rnd() < 0.7 ? 'cta' : 'form', attributed });
        }
        if (events % 100_000 < 8) o.onProgress?.(events);
      }
    }
  })();
  const tickets = generateTickets(db, o, rnd, pick);
  return { events, tickets };
}

function generateTickets(db: Database.Database, o: GenerateOptions, rnd: () => number, pick: <T>(xs: readonly T[]) => T): number {
  const ins = db.prepare(
    `INSERT INTO tickets (source, external_id, created_at, first_response_at, solved_at, status, channel, type, requester, assignee,
       replies, reopens, csat, handle_seconds, wait_seconds, abandoned, imported_at)
     VALUES ('bench', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)`,
  );
  const tag = db.prepare('INSERT INTO ticket_tags (ticket_id, tag) VALUES (?, ?)');
  const channels = ['email', 'email', 'web', 'chat', 'phone', 'phone', 'social'] as const;
  const csats = ['good', 'good', 'bad', '5', '4', '3', '2', '1', 'offered'];
  const start = DateTime.fromISO(o.from, { zone: o.timeZone });
  let n = 0;
  db.transaction(() => {
    for (let d = 0; d < o.days; d++) {
      const day = start.plus({ days: d });
      const monthEnd = day.daysInMonth! - day.day < 3 ? 1.4 : 1;
      const count = Math.round((o.tickets / o.days) * (day.weekday >= 6 ? 0.5 : 1.2) * monthEnd * (0.9 + 0.2 * rnd()));
      for (let i = 0; i < count && n < o.tickets; i++) {
        const created = day.toMillis() + Math.floor(rnd() * 86_000_000);
        const channel = pick(channels);
        const fr = rnd() < 0.9 ? created + Math.floor(60_000 * (5 + rnd() * rnd() * 900)) : null;
        const solved = rnd() < 0.8 ? created + Math.floor(60_000 * (30 + rnd() * rnd() * 5000)) : null;
        const phone = channel === 'phone';
        const waited = phone && rnd() < 0.9;
        const id = Number(
          ins.run(
            `b${++n}`, created, fr, solved, solved ? pick(['solved', 'closed']) : pick(['open', 'pending']), channel, pick(o.ticketTypes),
            `req${Math.floor(rnd() * o.tickets * 0.4)}`, `agent${Math.floor(rnd() * 20)}`, Math.floor(rnd() * 5), rnd() < 0.05 ? 1 : 0,
            rnd() < 0.4 ? pick(csats) : null, Math.floor(60 + rnd() * 900), waited ? Math.floor(rnd() * 300) : null,
            waited ? (rnd() < 0.12 ? 1 : 0) : null,
          ).lastInsertRowid,
        );
        tag.run(id, pick(o.ticketTags));
        if (rnd() < 0.3) tag.run(id, `extra-${Math.floor(rnd() * 5)}`);
      }
    }
  })();
  return n;
}
