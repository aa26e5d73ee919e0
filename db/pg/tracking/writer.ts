/**
 * The PostgreSQL ingest writer: validated events in, one transaction per batch of concurrent callers, each caller
 * answered after its batch committed (durable: PostgreSQL's commit waits for its WAL). Events are settled by the
 * same code as on SQLite (db/ingest/settle.ts); sessions come from the database, so any node may take any request.
 * Each batch also gets a rollup_batches row, with its rows as written, in the same transaction; the applier
 * (db/pg/rollups) drains it.
 * A batch costs two round trips: BEGIN with the visitors' locks, their latest sessions and new ids; one statement that
 * writes everything (and, when clicks mark searches of earlier batches, one more), followed by COMMIT.
 */
import type { Config } from '../../shared/config.ts';
import type { ClientInfo } from '../../tracking/writer.ts';
import { utcDay } from '../../tracking/salts.ts';
import { afterInsert, toParams, toStored } from '../../tracking/settle.ts';
import type { EventParams, IngestStatements } from '../../tracking/ingest-statements.ts';
import { visitorHash } from '../../tracking/visitor-hash.ts';
import type { StoredEvent } from '../../reports/rollups/events.ts';
import type { TrackEvent } from '../../shared/event.ts';
import { int8s } from '../arrays.ts';
import { beginPipelined, unprepared, type PgDb, type Sql } from '../client.ts';
import { EVENT_COLUMNS, eventValues } from '../event-rows.ts';
import { arrayRows, jsonRows } from '../json-rows.ts';
import { createGroupCommit } from '../../tracking/group-commit.ts';
import { createPgSaltBook } from './salts.ts';
import { continueOrStart, latestSessions, lockVisitors, SESSION_COLUMNS, sessionRows, type PgOpenSession } from './sessions.ts';

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
  // Session ids taken ahead (a batch starts at most one session per request): taking them with the batch's first
  // round trip saves one, and a pool keeps the sequence from being spent one id per event.
  const sessionIds: number[] = [];

  async function writeBatch(batch: Pending[]): Promise<void> {
    // Salts first, outside the transaction: agreeing on one is idempotent and commits on its own.
    const visitors = await Promise.all(
      batch.map(async ({ client, ts }) => visitorHash(await salts.saltFor(utcDay(ts)), client.ip, client.userAgent)),
    );
    const eventCount = batch.reduce((n, p) => n + p.events.length, 0);
    const moreSessionIds = sessionIds.length < batch.length ? Math.max(batch.length, SESSION_ID_BLOCK) : 0;
    let written: Promise<unknown> | undefined;
    let writing = false;
    // A transaction of postgres.js rather than a reserved connection: it fails when the connection drops, where a
    // query queued on a reserved connection could wait forever (a PostgreSQL restart under load showed it). Pipelined
    // (beginPipelined): the statements below go out with BEGIN, so a batch costs two round trips.
    const transact = () => beginPipelined(sql, async (tx) => {
      // Sent together (pipelined) in this order: postgres.js sends a query when it is first awaited, a moment
      // later, hence execute() on each as it is made. PostgreSQL runs them in order, and the read takes its snapshot
      // when it starts, after the locks are held, so it sees what any other node committed.
      const locked = lockVisitors(tx, visitors);
      const reading = latestSessions(tx, [...new Set(visitors)]);
      const taking = tx<[{ events: number[]; sessions: number[] }]>`
        SELECT ARRAY(SELECT nextval('events_id_seq') FROM generate_series(1, ${eventCount})) AS events,
               ARRAY(SELECT nextval('sessions_id_seq') FROM generate_series(1, ${moreSessionIds})) AS sessions`.execute();
      const [, latest, [ids]] = await Promise.all([locked, reading, taking]);
      for (const id of ids!.sessions) sessionIds.push(Number(id));
      // Pass 1: which session each event belongs to (needs times only).
      const plan: Array<{ event: TrackEvent; ts: number; session: PgOpenSession }> = [];
      const touched = new Set<PgOpenSession>();
      batch.forEach(({ events, ts }, i) => {
        for (const event of events) {
          const session = continueOrStart(latest, visitors[i]!, ts);
          if (session.isNew && session.id === 0) session.id = sessionIds.shift()!;
          touched.add(session);
          plan.push({ event, ts, session });
        }
      });
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
      writing = true;
      // Not awaited here, so the transaction's COMMIT goes out right behind them (one round trip for all). If a write
      // fails, PostgreSQL answers that COMMIT with a rollback, and the await below fails the batch.
      const clicking = earlierClicked.length > 0 ? markClicked(tx, earlierClicked).execute() : undefined;
      written = Promise.all([clicking, writeEvents(tx, jsonRows(rows.map(eventValues)), [...touched]).execute()]);
      // When the connection drops at COMMIT (PostgreSQL crashed or restarted), sql.begin rejects and the await of
      // `written` below is never reached: without a handler its rejection is unhandled and ends the whole node.
      written.catch(() => {});
    });
    for (let attempt = 1; ; attempt++) {
      try {
        await transact();
        break;
      } catch (err) {
        // The connection dropped before the batch's write was sent: on a pooled connection PostgreSQL had ended
        // while it sat idle (a restart, a failover, pg_terminate_backend, a pooler's timeout), or under the locks and
        // reads. Nothing of this batch was written, so it goes again, on the next connection (each dead one fails at
        // once, and the whole pool may be dead; the pool opens new ones). A batch whose write was sent is never sent
        // again: its COMMIT may have been applied.
        if (writing || !droppedConnection(err) || attempt > sql.options.max) throw err;
      }
    }
    await written;
    options.onCommit?.();
  }

  const commits = createGroupCommit<Pending>({
    maxWeight: options.maxBatchEvents ?? 2000,
    gatherMs: GATHER_MS,
    batchEveryMs: BATCH_EVERY_MS,
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

/**
 * Under load (events waiting when a batch commits), the next batch stays open this long for more to join: each
 * transaction costs PostgreSQL a WAL flush and both sides a few statements, so fewer, larger ones spend less CPU per
 * event (bench/results/pg.md). PostgreSQL's commit_delay does the same on the server; this needs no setting there.
 */
const GATHER_MS = 3;

/**
 * Batches start at most this often (ms): below saturation a node would otherwise commit a transaction for every event
 * or two, each costing more CPU than the events in it (two nodes sharing 600 events/s: 8-9 events a transaction with
 * 25 ms, 4-7 with 10 ms, 2-3 with none; 25 ms took a fifth off the CPU an event of 10 ms there, bench/results/pg.md).
 * An event waits at most this long for its batch, invisible behind a page's beacon; one after a quiet spell goes at
 * once.
 */
const BATCH_EVERY_MS = 25;

/** The connection was closed under the query (by PostgreSQL, or the network), not refused or timed out. */
function droppedConnection(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && DROPPED.has(code);
}
/** Socket errors, postgres.js's closed connection, and PostgreSQL's admin_shutdown and crash_shutdown (57P01, 57P02). */
const DROPPED = new Set(['ECONNRESET', 'EPIPE', 'CONNECTION_CLOSED', '57P01', '57P02']);

/** Ids taken at once when the pool of session ids runs short. */
const SESSION_ID_BLOCK = 256;

/**
 * One statement for the whole batch: its events, its rollup_batches row, and the sessions it started or continued.
 * The queue row keeps the batch's JSON text as sent ($1 is text, decoded once as jsonb for the insert): the events
 * PostgreSQL stored are exactly what that text decodes to, so the applier counts them from it instead of reading
 * them back (db/pg/rollups/applier.ts). Prepared: it reads no table, so its plan cannot go stale.
 */
const WRITE_BATCH = `
  WITH ins AS (
    INSERT INTO events (${EVENT_COLUMNS.map(([c]) => c).join(', ')})
    ${arrayRows('$1::text', EVENT_COLUMNS.map(([c, , t]) => [c, t] as const))}
    RETURNING id),
  queued AS (INSERT INTO rollup_batches (first_id, size, ids, events) SELECT min(id), count(*), array_agg(id ORDER BY id), $1 FROM ins),
  sessions AS (
    INSERT INTO sessions (${SESSION_COLUMNS.map(([c]) => c).join(', ')})
    ${arrayRows('$2', SESSION_COLUMNS)}
    ON CONFLICT (id) DO UPDATE SET ${SESSION_COLUMNS.slice(2).map(([c]) => `${c} = excluded.${c}`).join(', ')})
  SELECT 1`;

function writeEvents(tx: Sql, eventsJson: string, sessions: readonly PgOpenSession[]) {
  return tx.unsafe(WRITE_BATCH, [eventsJson, jsonRows(sessionRows(sessions))] as never[], { prepare: true });
}

/**
 * The clicked flag on searches stored by earlier batches. Not prepared, and sent only when there are some: a
 * prepared statement keeps a generic plan made once, and one made while `events` was small scans the whole table
 * on every later batch (in the ingest bench that scan was a fifth of PostgreSQL's CPU, growing with the table).
 */
function markClicked(tx: Sql, ids: readonly number[]) {
  return unprepared(tx, 'UPDATE events SET clicked = true WHERE id = ANY($1::int8[])', [int8s(tx, ids)]);
}
