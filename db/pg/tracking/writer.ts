/**
 * The PostgreSQL ingest writer: validated events in, one transaction per batch of concurrent callers, each caller
 * answered after its batch committed (durable: PostgreSQL's commit waits for its WAL). Events are settled by the
 * same code as on SQLite (db/ingest/settle.ts); sessions come from the database, so any node may take any request.
 * Each event also gets a rollup_queue row in the same transaction; the applier (db/pg/rollups) drains it.
 */
import type { Config } from '../../shared/config.ts';
import type { ClientInfo } from '../../tracking/writer.ts';
import { utcDay } from '../../tracking/salts.ts';
import { afterInsert, toParams, toStored } from '../../tracking/settle.ts';
import type { EventParams, IngestStatements } from '../../tracking/ingest-statements.ts';
import { visitorHash } from '../../tracking/visitor-hash.ts';
import type { StoredEvent } from '../../reports/rollups/events.ts';
import type { TrackEvent } from '../../shared/event.ts';
import { bools, int8s, texts } from '../arrays.ts';
import type { PgDb, Sql } from '../client.ts';
import { createAsyncGroupCommit } from './group-commit.ts';
import { createPgSaltBook } from './salts.ts';
import { continueOrStart, latestSessions, lockVisitors, saveSessions, type PgOpenSession } from './sessions.ts';

export interface PgIngest {
  /** Stores validated events from one client; resolves with how many, once they are committed. */
  store(events: readonly TrackEvent[], client: ClientInfo): Promise<number>;
  /** Resolves when everything submitted so far is committed. */
  flush(): Promise<void>;
  /** Writes what is queued and refuses further events. */
  close(): Promise<void>;
}

export interface PgIngestOptions {
  maxBatchEvents?: number;
  clock?: () => number;
  /** Called after each committed batch (the rollup applier's nudge). */
  onCommit?: () => void;
}

interface Pending {
  events: readonly TrackEvent[];
  client: ClientInfo;
  ts: number;
}

interface Settled {
  params: EventParams;
  session: PgOpenSession;
  event: TrackEvent;
  ts: number;
}

export function createPgIngest(db: PgDb, config: Pick<Config, 'attributionMinutes'>, options: PgIngestOptions = {}): PgIngest {
  const sql = db.$client;
  const clock = options.clock ?? Date.now;
  const salts = createPgSaltBook(sql);
  const attributionMs = config.attributionMinutes * 60_000;

  async function writeBatch(batch: Pending[]): Promise<void> {
    // Salts first, outside the transaction: agreeing on one is idempotent and commits on its own.
    const visitors = await Promise.all(
      batch.map(async ({ client, ts }) => visitorHash(await salts.saltFor(utcDay(ts)), client.ip, client.userAgent)),
    );
    await sql.begin(async (txn) => {
      const tx = txn as unknown as Sql;
      // Sent together (postgres.js pipelines them on the one connection): PostgreSQL runs them in order, and the read
      // takes its snapshot when it starts, after the locks are held, so it sees what any other node committed.
      const [, latest] = await Promise.all([lockVisitors(tx, visitors), latestSessions(tx, [...new Set(visitors)])]);
      // Pass 1: which session each event belongs to (needs times only), so ids can be taken in one round trip.
      const plan: Array<{ event: TrackEvent; ts: number; session: PgOpenSession }> = [];
      const touched = new Set<PgOpenSession>();
      batch.forEach(({ events, ts }, i) => {
        for (const event of events) {
          const session = continueOrStart(latest, visitors[i]!, ts);
          touched.add(session);
          plan.push({ event, ts, session });
        }
      });
      const fresh = [...touched].filter((s) => s.isNew);
      const [ids] = await tx<[{ events: number[]; sessions: number[] }]>`
        SELECT ARRAY(SELECT nextval('events_id_seq') FROM generate_series(1, ${plan.length})) AS events,
               ARRAY(SELECT nextval('sessions_id_seq') FROM generate_series(1, ${fresh.length})) AS sessions`;
      fresh.forEach((s, i) => (s.id = Number(ids!.sessions[i])));
      // Pass 2: settle each event in order, exactly as the SQLite writer does.
      const byId = new Map<number, StoredEvent>();
      const earlierClicked: number[] = [];
      const marker = { markClicked: { run: (id: number) => void (byId.has(id) || earlierClicked.push(id)) } } as unknown as IngestStatements;
      const rows: StoredEvent[] = [];
      plan.forEach(({ event, ts, session }, i) => {
        const params = toParams(event, ts, session.visitor, session, attributionMs);
        const row = toStored(Number(ids!.events[i]), params);
        byId.set(row.id, row);
        rows.push(row);
        afterInsert(row, session, marker, byId);
      });
      await Promise.all([
        insertEvents(tx, rows),
        earlierClicked.length > 0 ? tx`UPDATE events SET clicked = true WHERE id = ANY(${int8s(tx, earlierClicked)}::int8[])` : undefined,
        saveSessions(tx, [...touched]),
      ]);
    });
    options.onCommit?.();
  }

  const commits = createAsyncGroupCommit<Pending>({
    maxWeight: options.maxBatchEvents ?? 2000,
    weigh: (p) => p.events.length,
    write: writeBatch,
  });

  return {
    async store(events, client) {
      if (events.length === 0) return 0;
      await commits.submit({ events, client, ts: client.now ?? clock() });
      return events.length;
    },
    flush: () => commits.flush(),
    close: () => commits.close(),
  };
}

/** Inserts the batch's events and their rollup_queue rows in one statement. */
async function insertEvents(tx: Sql, rows: readonly StoredEvent[]): Promise<void> {
  const col = <T>(f: (r: StoredEvent) => T) => rows.map(f);
  await tx`
    WITH ins AS (
      INSERT INTO events (id, ts, type, visitor, session_id, pv, path, article, locale, seconds, scroll, helpful, query, query_norm,
        results, position, comment, referrer_host, via, attributed_article, clicked)
      SELECT * FROM unnest(${int8s(tx, col((r) => r.id))}::int8[], ${int8s(tx, col((r) => r.ts))}::int8[], ${texts(tx, col((r) => r.type))}::text[],
        ${texts(tx, col((r) => r.visitor))}::text[], ${int8s(tx, col((r) => r.sessionId))}::int8[], ${texts(tx, col((r) => r.pv))}::text[],
        ${texts(tx, col((r) => r.path))}::text[], ${texts(tx, col((r) => r.article))}::text[], ${texts(tx, col((r) => r.locale))}::text[],
        ${int8s(tx, col((r) => r.seconds))}::int8[], ${int8s(tx, col((r) => r.scroll))}::int8[], ${bools(tx, col((r) => r.helpful))}::bool[],
        ${texts(tx, col((r) => r.query))}::text[], ${texts(tx, col((r) => r.queryNorm))}::text[], ${int8s(tx, col((r) => r.results))}::int8[],
        ${int8s(tx, col((r) => r.position))}::int8[], ${texts(tx, col((r) => r.comment))}::text[], ${texts(tx, col((r) => r.referrerHost))}::text[],
        ${texts(tx, col((r) => r.via))}::text[], ${texts(tx, col((r) => r.attributedArticle))}::text[], ${bools(tx, col((r) => r.clicked))}::bool[])
      RETURNING id)
    INSERT INTO rollup_queue (event_id) SELECT id FROM ins`;
}
