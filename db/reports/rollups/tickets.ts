/**
 * Ticket rollups kept by SQLite triggers, so every writer (importer, API upload, demo, tests) keeps them
 * exact without knowing about them: sums per local day, tickets per channel/assignee/type+tags, requesters.
 * The triggers and their index come from a committed migration (db/migrations/0005_ticket_rollup_triggers.sql,
 * the SQL ticketTriggerSql() writes); they work only while the rollups are live, i.e. built in a zone
 * (`rollup_state.ticketTimeZone` set), which the first report that needs them does.
 */
import { DateTime } from 'luxon';
import type { Db } from '../../sqlite/client.ts';
import { comboSql, daySql, daySums, dimSums, upsert } from './ticket-rollup-sql.ts';
import { fillRequestersSql, REQUESTER_TRIGGER_NAMES, requesterTriggers } from './ticket-requesters.ts';

type Sqlite = Db['$client'];
const MIN_MS = -8_640_000_000_000_000;

/** Offset pieces of a zone from 1970 to 2100 (weekly probes, then a binary search to the exact ms). */
export function zonePieces(zone: string): Array<[number, number]> {
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

/** Each trigger runs only while the rollups are live: built in a zone, not suspended for a bulk write. */
const LIVE = `(SELECT value FROM rollup_state WHERE key = 'ticketTimeZone') <> ''`;

/** The CREATE TRIGGER statements of the migration, from the same SQL pieces the rebuild uses (a test holds them equal). */
export function ticketTriggerSql(): string[] {
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
    `CREATE TRIGGER kb_tickets_insert AFTER INSERT ON tickets WHEN ${LIVE} BEGIN\n${all('NEW.', 1)}\nEND`,
    `CREATE TRIGGER kb_tickets_update AFTER UPDATE ON tickets WHEN ${LIVE} BEGIN\n${all('OLD.', -1)}\n${all('NEW.', 1)}\nEND`,
    // BEFORE, so the ticket's tags (deleted by the cascade afterwards) still make its combo key.
    `CREATE TRIGGER kb_tickets_delete BEFORE DELETE ON tickets WHEN ${LIVE} BEGIN\n${all('OLD.', -1)}\nEND`,
    // After a tag is added the ticket's key includes it; before, it did not.
    `CREATE TRIGGER kb_ticket_tags_insert AFTER INSERT ON ticket_tags WHEN ${LIVE} BEGIN
      ${comboMove('NEW.ticket_id', comboSql('t.', 'NEW.ticket_id', { exceptTag: 'NEW.tag' }), comboSql('t.', 'NEW.ticket_id'))}\nEND`,
    // After a tag is removed the key lacks it (a cascade from a deleted ticket finds no ticket: nothing to move).
    `CREATE TRIGGER kb_ticket_tags_delete AFTER DELETE ON ticket_tags WHEN ${LIVE} BEGIN
      ${comboMove('OLD.ticket_id', withOldTag, comboSql('t.', 'OLD.ticket_id'))}\nEND`,
    ...requesterTriggers(LIVE),
  ];
}

const sum = (pairs: Array<[string, string]>) => pairs.map(([c, v]) => [c, `total(${v})`] as [string, string]);
const insertSql = (table: string, keys: Array<[string, string]>, sums: Array<[string, string]>, where = '') =>
  `INSERT INTO ${table} (${[...keys, ...sums].map(([c]) => c).join(', ')})
         SELECT ${[...keys, ...sum(sums)].map(([, v]) => v).join(', ')} FROM tickets t ${where ? `WHERE ${where}` : ''}
         GROUP BY ${keys.map((_, i) => i + 1).join(', ')}`;

/**
 * The INSERTs that fill ticket_day_dims from the tickets table; `where` limits them (the migration that added the
 * dims' FCR sums refills them with these, only where the rollups are live).
 */
export function dimsFillSql(where = ''): string[] {
  const and = (w: string) => [w, where].filter(Boolean).join(' AND ');
  return [
    insertSql('ticket_day_dims', [['day', daySql('t.')], ['dim', "'channel'"], ['value', 't.channel']], dimSums('t.'), and('')),
    insertSql('ticket_day_dims', [['day', daySql('t.')], ['dim', "'assignee'"], ['value', 't.assignee']], dimSums('t.'), and('t.assignee IS NOT NULL')),
    insertSql('ticket_day_dims', [['day', daySql('t.')], ['dim', "'combo'"], ['value', comboSql('t.', 't.id')]], dimSums('t.'), and('')),
  ];
}

/** Fills the rollups from the tickets table (inside the caller's transaction). */
function rebuild(db: Sqlite): void {
  for (const t of ['ticket_days', 'ticket_day_dims', 'ticket_day_requesters']) db.prepare(`DELETE FROM ${t}`).run();
  db.prepare(insertSql('ticket_days', [['day', daySql('t.')]], daySums('t.'))).run();
  for (const sql of dimsFillSql()) db.prepare(sql).run();
  db.prepare(fillRequestersSql(daySql('t.'))).run();
}

const ready = new WeakMap<Sqlite, string>();

const liveZone = (client: Sqlite) =>
  (client.prepare("SELECT value FROM rollup_state WHERE key = 'ticketTimeZone'").get() as { value: string } | undefined)?.value;

/** Makes sure the ticket rollups are live and built in `timeZone`; cheap after the first call. */
export function ensureTicketRollups(db: Db, timeZone: string): void {
  const client = db.$client;
  // The state is read every time (microseconds): a bulk import in another process may have suspended the rollups.
  if (ready.get(client) === timeZone && liveZone(client) === timeZone) return;
  if (liveZone(client) !== timeZone) rebuildTicketRollups(db, timeZone);
  ready.set(client, timeZone);
}

export const TICKET_TRIGGER_NAMES = [
  'kb_tickets_insert', 'kb_tickets_update', 'kb_tickets_delete', 'kb_ticket_tags_insert', 'kb_ticket_tags_delete', ...REQUESTER_TRIGGER_NAMES,
];

/**
 * Runs a bulk ticket write with the triggers idle, then rebuilds the rollups once: several times faster for a
 * big import. Exact either way: the rebuild starts from the tickets table, and a report that runs meanwhile
 * finds the rollups suspended and rebuilds them. Without live rollups it just runs `write`.
 */
export async function withTicketRollupsSuspended<T>(db: Db, write: () => Promise<T>): Promise<T> {
  const client = db.$client;
  const zone = liveZone(client);
  if (!zone) return write();
  // Marked suspended until the rebuild below: a crash in between is repaired by the next report or start.
  client.prepare("UPDATE rollup_state SET value = '' WHERE key = 'ticketTimeZone'").run();
  try {
    return await write();
  } finally {
    rebuildTicketRollups(db, zone);
  }
}

/** Rebuilds the ticket rollups from the tickets table in `timeZone` and makes them live. */
export function rebuildTicketRollups(db: Db, timeZone: string): void {
  const client = db.$client;
  client.transaction(() => {
    // Filled in bulk with the triggers idle (not live until the end of this transaction).
    client.prepare("INSERT INTO rollup_state (key, value) VALUES ('ticketTimeZone', '') ON CONFLICT (key) DO UPDATE SET value = ''").run();
    client.prepare('DELETE FROM tz_offsets').run();
    const ins = client.prepare('INSERT INTO tz_offsets (from_ms, offset_ms) VALUES (?, ?)');
    for (const [from, offset] of zonePieces(timeZone)) ins.run(from, offset);
    rebuild(client);
    client
      .prepare("INSERT INTO rollup_state (key, value) VALUES ('ticketTimeZone', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value")
      .run(timeZone);
  })();
  ready.set(client, timeZone);
}
