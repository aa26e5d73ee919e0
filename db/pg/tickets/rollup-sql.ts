/**
 * The ticket rollups' per-ticket sums in PostgreSQL's SQL: the same definitions as db/rollups/ticket-sql.ts
 * (booleans cast to 0/1 instead of SQLite's boolean arithmetic, string_agg instead of group_concat, tags ordered
 * bytewise as SQLite orders them).
 */
import { CSAT_GOOD, CSAT_RATED, SOLVED_STATUSES } from '../../shared/ticket-rules.ts';

const list = (xs: readonly string[]) => xs.map((x) => `'${x}'`).join(', ');
const int = (bool: string) => `coalesce((${bool})::int, 0)`;

/** Local day number of a ticket (created_at plus the zone's offset at that instant, whole days since 1970). */
export const daySql = (r: string) =>
  `((${r}created_at + coalesce((SELECT o.offset_ms FROM tz_offsets o WHERE o.from_ms <= ${r}created_at ORDER BY o.from_ms DESC LIMIT 1), 0)) / 86400000)`;

const solved = (r: string) => `(lower(${r}status) IN (${list(SOLVED_STATUSES)}))`;
const good = (r: string) => `(lower(trim(${r}csat)) IN (${list(CSAT_GOOD)}))`;
const rated = (r: string) => `(lower(trim(${r}csat)) IN (${list(CSAT_RATED)}))`;

/** [ticket_days column, one ticket's value] pairs. */
export function daySums(r: string): Array<[string, string]> {
  const known = `(${solved(r)} AND ${r}replies IS NOT NULL)`;
  const queued = `(${r}channel = 'phone' AND ${r}wait_seconds IS NOT NULL)`;
  return [
    ['tickets', '1'],
    ['solved', int(solved(r))],
    ['replies_known', int(known)],
    ['replies_sum', `CASE WHEN ${known} THEN ${r}replies ELSE 0 END`],
    ['fcr', int(`${known} AND ${r}replies <= 1 AND coalesce(${r}reopens, 0) = 0`)],
    ['reopened', int(`${solved(r)} AND coalesce(${r}reopens, 0) > 0`)],
    ['csat_good', int(good(r))],
    ['csat_rated', int(rated(r))],
    ['handle_sum', `coalesce(${r}handle_seconds, 0)`],
    ['handle_n', int(`${r}handle_seconds IS NOT NULL`)],
    ['queued', int(queued)],
    ['wait_sum', `CASE WHEN ${queued} THEN ${r}wait_seconds ELSE 0 END`],
    ['abandoned', int(`${queued} AND ${r}abandoned`)],
    ['fr_sum_ms', `coalesce(${r}first_response_at - ${r}created_at, 0)`],
    ['fr_n', int(`${r}first_response_at IS NOT NULL`)],
    ['res_sum_ms', `coalesce(${r}solved_at - ${r}created_at, 0)`],
    ['res_n', int(`${r}solved_at IS NOT NULL`)],
  ];
}

/** [ticket_day_dims column, value] pairs after day/dim/value. */
export const dimSums = (r: string): Array<[string, string]> => [
  ['tickets', '1'],
  ['solved', int(solved(r))],
  ['solved_good', int(`${solved(r)} AND ${good(r)}`)],
  ['solved_rated', int(`${solved(r)} AND ${rated(r)}`)],
  ['replies_known', int(`${solved(r)} AND ${r}replies IS NOT NULL`)],
  ['fcr', int(`${solved(r)} AND ${r}replies IS NOT NULL AND ${r}replies <= 1 AND coalesce(${r}reopens, 0) = 0`)],
];

/** The combo key: type, U+0001, the ticket's tags sorted bytewise and joined by commas. */
export const comboSql = (r: string) =>
  `(coalesce(${r}type, '') || chr(1) || coalesce((SELECT string_agg(g.tag, ',' ORDER BY g.tag COLLATE "C") FROM ticket_tags g WHERE g.ticket_id = ${r}id), ''))`;

/** The dimension rows a ticket counts in: [dim, value expression, condition]. */
export const DIMS = (r: string): Array<[string, string, string]> => [
  ['channel', `${r}channel`, 'true'],
  ['assignee', `${r}assignee`, `${r}assignee IS NOT NULL`],
  ['combo', comboSql(r), 'true'],
];
