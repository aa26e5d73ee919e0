/**
 * Ticket rollups kept by SQLite triggers, so every writer (importer, API upload, demo, tests) keeps them
 * exact without knowing about them: sums per local day, tickets per channel/assignee/type+tags, requesters.
 * Installed, and rebuilt from the tickets table, the first time a report needs them in a zone.
 */
import { DateTime } from 'luxon';
import type { Db } from '../../sqlite/client.ts';
import { comboSql, daySql, daySums, dimSums, TICKET_TIMES_INDEX, upsert } from './ticket-rollup-sql.ts';
import { fillRequestersSql, REQUESTER_TRIGGER_NAMES, requesterTriggers } from './ticket-requesters.ts';

type Sqlite = Db['$client'];
const MIN_MS = -8_640_000_000_000_000;

/** Offset pieces of a zone from 1970 to 2100 (weekly probes, then a binary search to the exact ms). */
function zonePieces(zone: string): Array<[number, number]> {
  const offsetAt = (ms: number) => DateTime.fromMillis(ms, { zone }).offset * 60_000;
  const end = Date.UTC(2100, 0, 1);
  const step = 7 * 86_400_000;
  const pieces: Array<[number, number]> = [[MIN_MS, offsetAt(0)]];
  for (let t = 0; t < end; t += step) {
    const last = pieces[pieces.length - 1]![1];
    if (offsetAt(t + step) === last) continue;
    let lo = t;
    let hi = t + step;
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (offsetAt(mid) === last) lo = mid;
      else hi = mid;
    }
    pieces.push([hi, offsetAt(hi)]);
  }
  return pieces;
}

function triggers(): string[] {
  const keysFor = (r: string): Array<[string, string]> => [['day', daySql(r)]];
  const dims = (r: string, sign: 1 | -1) => [
    upsert('ticket_day_dims', [['day', daySql(r)], ['dim', "'channel'"], ['value', `${r}channel`]], dimSums(r), sign),
    upsert('ticket_day_dims', [['day', daySql(r)], ['dim', "'assignee'"], ['value', `${r}assignee`]], dimSums(r), sign, `${r}assignee IS NOT NULL`),
    upsert('ticket_day_dims', [['day', daySql(r)], ['dim', "'combo'"], ['value', comboSql(r, `${r}id`)]], dimSums(r), sign),
    upsert('ticket_day_requesters', [['day', daySql(r)], ['requester', `${r}requester`]], [['tickets', '1']], sign, `${r}requester IS NOT NULL`),
  ];
  const all = (r: string, sign: 1 | -1) => [upsert('ticket_days', keysFor(r), daySums(r), sign), ...dims(r, sign)].join('\n');
  // A tag change moves the ticket from its old combo to its new one.
  const comboMove = (id: string, before: string, after: string) => {
    const move = (key: string, sign: 1 | -1) =>
      `INSERT INTO ticket_day_dims (day, dim, value, ${dimSums('t.').map(([c]) => c).join(', ')})
       SELECT ${daySql('t.')}, 'combo', ${key}, ${dimSums('t.').map(([, v]) => `${sign} * (${v})`).join(', ')} FROM tickets t WHERE t.id = ${id}
       ON CONFLICT (dim, day, value) DO UPDATE SET ${dimSums('t.').map(([c]) => `${c} = ${c} + excluded.${c}`).join(', ')};`;
    return `${move(before, -1)}\n${move(after, 1)}`;
  };
  const withOldTag = `(coalesce(t.type, '') || char(1) || (SELECT group_concat(tag, ',' ORDER BY tag) FROM
      (SELECT tag FROM ticket_tags WHERE ticket_id = OLD.ticket_id UNION ALL SELECT OLD.tag)))`;
  return [
    `CREATE TRIGGER IF NOT EXISTS kb_tickets_insert AFTER INSERT ON tickets BEGIN\n${all('NEW.', 1)}\nEND`,
    `CREATE TRIGGER IF NOT EXISTS kb_tickets_update AFTER UPDATE ON tickets BEGIN\n${all('OLD.', -1)}\n${all('NEW.', 1)}\nEND`,
    // BEFORE, so the ticket's tags (deleted by the cascade afterwards) still make its combo key.
    `CREATE TRIGGER IF NOT EXISTS kb_tickets_delete BEFORE DELETE ON tickets BEGIN\n${all('OLD.', -1)}\nEND`,
    // After a tag is added the ticket's key includes it; before, it did not.
    `CREATE TRIGGER IF NOT EXISTS kb_ticket_tags_insert AFTER INSERT ON ticket_tags BEGIN
      ${comboMove('NEW.ticket_id', comboSql('t.', 'NEW.ticket_id', { exceptTag: 'NEW.tag' }), comboSql('t.', 'NEW.ticket_id'))}\nEND`,
    // After a tag is removed the key lacks it (a cascade from a deleted ticket finds no ticket: nothing to move).
    `CREATE TRIGGER IF NOT EXISTS kb_ticket_tags_delete AFTER DELETE ON ticket_tags BEGIN
      ${comboMove('OLD.ticket_id', withOldTag, comboSql('t.', 'OLD.ticket_id'))}\nEND`,
    ...requesterTriggers(),
  ];
}

/** Fills the rollups from the tickets table (inside the caller's transaction). */
function rebuild(db: Sqlite): void {
  for (const t of ['ticket_days', 'ticket_day_dims', 'ticket_day_requesters']) db.prepare(`DELETE FROM ${t}`).run();
  const sum = (pairs: Array<[string, string]>) => pairs.map(([c, v]) => [c, `total(${v})`] as [string, string]);
  const insert = (table: string, keys: Array<[string, string]>, sums: Array<[string, string]>, where = '') =>
    db
      .prepare(
        `INSERT INTO ${table} (${[...keys, ...sums].map(([c]) => c).join(', ')})
         SELECT ${[...keys, ...sum(sums)].map(([, v]) => v).join(', ')} FROM tickets t ${where ? `WHERE ${where}` : ''}
         GROUP BY ${keys.map((_, i) => i + 1).join(', ')}`,
      )
      .run();
  insert('ticket_days', [['day', daySql('t.')]], daySums('t.'));
  insert('ticket_day_dims', [['day', daySql('t.')], ['dim', "'channel'"], ['value', 't.channel']], dimSums('t.'));
  insert('ticket_day_dims', [['day', daySql('t.')], ['dim', "'assignee'"], ['value', 't.assignee']], dimSums('t.'), 't.assignee IS NOT NULL');
  insert('ticket_day_dims', [['day', daySql('t.')], ['dim', "'combo'"], ['value', comboSql('t.', 't.id')]], dimSums('t.'));
  db.prepare(fillRequestersSql(daySql('t.'))).run();
}

const ready = new WeakMap<Sqlite, string>();

/**
 * The shape of the rollups and triggers this code keeps; a database built by an older shape (say, before
 * ticket_day_dims counted first-contact resolutions) is rebuilt once, like a change of zone.
 */
const ROLLUP_SHAPE = '2';
const shapeOf = (client: Sqlite) =>
  (client.prepare("SELECT value FROM rollup_state WHERE key = 'ticketRollupShape'").get() as { value: string } | undefined)?.value;

/** Makes sure the ticket triggers exist and the rollups are built in `timeZone`; cheap after the first call. */
export function ensureTicketRollups(db: Db, timeZone: string): void {
  const client = db.$client;
  // The trigger count is checked every time (microseconds): a bulk import in another process may have them suspended.
  if (ready.get(client) === timeZone && installedTriggers(client) >= TRIGGER_NAMES.length) return;
  const state = client.prepare("SELECT value FROM rollup_state WHERE key = 'ticketTimeZone'").get() as { value: string } | undefined;
  if (state?.value !== timeZone || shapeOf(client) !== ROLLUP_SHAPE || installedTriggers(client) < TRIGGER_NAMES.length) {
    rebuildTicketRollups(db, timeZone);
  }
  ready.set(client, timeZone);
}

const TRIGGER_NAMES = [
  'kb_tickets_insert', 'kb_tickets_update', 'kb_tickets_delete', 'kb_ticket_tags_insert', 'kb_ticket_tags_delete', ...REQUESTER_TRIGGER_NAMES,
];

function installedTriggers(client: Sqlite): number {
  return (client.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'kb_ticket%'").get() as { n: number }).n;
}

/**
 * Runs a bulk ticket write without the per-row triggers, then rebuilds the rollups once: several times faster
 * for a big import. Exact either way: the rebuild starts from the tickets table, and a report that runs
 * meanwhile finds the triggers missing and reinstalls them. Without built rollups it just runs `write`.
 */
export async function withTicketRollupsSuspended<T>(db: Db, write: () => Promise<T>): Promise<T> {
  const client = db.$client;
  const state = client.prepare("SELECT value FROM rollup_state WHERE key = 'ticketTimeZone'").get() as { value: string } | undefined;
  if (!state || installedTriggers(client) === 0) return write();
  client.transaction(() => {
    for (const name of TRIGGER_NAMES) client.exec(`DROP TRIGGER IF EXISTS ${name}`);
    // Marked stale until the rebuild below: a crash in between is repaired by the next report or start.
    client.prepare("UPDATE rollup_state SET value = '' WHERE key = 'ticketTimeZone'").run();
  })();
  try {
    return await write();
  } finally {
    rebuildTicketRollups(db, state.value);
  }
}

/** Installs the triggers (if missing) and rebuilds the ticket rollups from the tickets table in `timeZone`. */
export function rebuildTicketRollups(db: Db, timeZone: string): void {
  const client = db.$client;
  client.transaction(() => {
    client.prepare('DELETE FROM tz_offsets').run();
    const ins = client.prepare('INSERT INTO tz_offsets (from_ms, offset_ms) VALUES (?, ?)');
    for (const [from, offset] of zonePieces(timeZone)) ins.run(from, offset);
    // Filled in bulk with no trigger firing per row, then the triggers (re)installed.
    for (const name of TRIGGER_NAMES) client.exec(`DROP TRIGGER IF EXISTS ${name}`);
    // Quantiles need each ticket's times, channel and assignee: this index answers them without reading the table.
    client.exec('DROP INDEX IF EXISTS tickets_created_durations');
    client.exec(`CREATE INDEX IF NOT EXISTS ${TICKET_TIMES_INDEX} ON tickets (created_at, first_response_at, solved_at, channel, assignee)`);
    rebuild(client);
    for (const sql of triggers()) client.exec(sql);
    client
      .prepare("INSERT INTO rollup_state (key, value) VALUES ('ticketTimeZone', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value")
      .run(timeZone);
    client
      .prepare("INSERT INTO rollup_state (key, value) VALUES ('ticketRollupShape', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value")
      .run(ROLLUP_SHAPE);
  })();
  ready.set(client, timeZone);
}
