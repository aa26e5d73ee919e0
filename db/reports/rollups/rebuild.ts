/** Rebuilds every rollup from the raw events, e.g. when KB_TZ changed since they were built. */
import type { Config } from '../../shared/config.ts';
import type { Db } from '../../sqlite/client.ts';
import { applyEventRollups } from './events.ts';
import { eventsAfter, setRollupWatermark } from './catch-up.ts';

const TABLES = [
  'page_views', 'article_days', 'article_read_days', 'article_day_visitors', 'article_sessions', 'article_comments',
  'site_days', 'site_day_visitors', 'session_facts', 'query_days', 'query_sessions', 'search_clicks',
];

const CHUNK = 20_000;

/** The time zone the rollups were built in, or undefined if never recorded. */
export function rollupTimeZone(db: Db): string | undefined {
  const row = db.$client.prepare("SELECT value FROM rollup_state WHERE key = 'timeZone'").get() as
    | { value: string }
    | undefined;
  return row?.value;
}

function recordTimeZone(db: Db, timeZone: string) {
  db.$client
    .prepare("INSERT INTO rollup_state (key, value) VALUES ('timeZone', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value")
    .run(timeZone);
}

/** Empties the rollups and replays every stored event through applyEventRollups, in one transaction. */
export function rebuildRollups(db: Db, config: Pick<Config, 'timeZone'>, onProgress?: (done: number, total: number) => void): number {
  const client = db.$client;
  const total = (client.prepare('SELECT count(*) AS n FROM events').get() as { n: number }).n;
  let done = 0;
  client.transaction(() => {
    for (const t of TABLES) client.prepare(`DELETE FROM ${t}`).run();
    let last = 0;
    for (;;) {
      const rows = eventsAfter(client, last, CHUNK);
      if (rows.length === 0) break;
      applyEventRollups(db, rows, config);
      last = rows[rows.length - 1]!.id;
      done += rows.length;
      onProgress?.(done, total);
    }
    setRollupWatermark(client, last);
    recordTimeZone(db, config.timeZone);
  }).immediate();
  return done;
}

/** At start: rebuilds the rollups when they were built in another zone (or never recorded while events exist). */
export function ensureRollups(db: Db, config: Pick<Config, 'timeZone'>): boolean {
  const zone = rollupTimeZone(db);
  if (zone === config.timeZone) return false;
  const hasEvents = db.$client.prepare('SELECT 1 FROM events LIMIT 1').get() !== undefined;
  if (zone === undefined && !hasEvents) {
    recordTimeZone(db, config.timeZone);
    return false;
  }
  rebuildRollups(db, config);
  return true;
}
