/** SQL fragments for ticket rollups, written once for a row alias (NEW., OLD. or a table) so triggers and rebuild agree. */
import { CSAT_GOOD, CSAT_RATED, SOLVED_STATUSES } from '../../shared/ticket-rules.ts';

const list = (xs: readonly string[]) => xs.map((x) => `'${x}'`).join(', ');

/** Local day number of a ticket row: (created_at + the zone's offset at that instant) / 1 day, exact integers. */
export const daySql = (r: string) =>
  `((${r}created_at + coalesce((SELECT offset_ms FROM tz_offsets WHERE from_ms <= ${r}created_at ORDER BY from_ms DESC LIMIT 1), 0)) / 86400000)`;

export const solvedSql = (r: string) => `(lower(${r}status) IN (${list(SOLVED_STATUSES)}))`;
const goodSql = (r: string) => `(lower(trim(${r}csat)) IN (${list(CSAT_GOOD)}))`;
const ratedSql = (r: string) => `(lower(trim(${r}csat)) IN (${list(CSAT_RATED)}))`;

const knownSql = (r: string) => `(${solvedSql(r)} AND ${r}replies IS NOT NULL)`;
const fcrSql = (r: string) => `coalesce(${knownSql(r)} AND ${r}replies <= 1 AND coalesce(${r}reopens, 0) = 0, 0)`;

/** [ticket_days column, value for one ticket] pairs. */
export function daySums(r: string): Array<[string, string]> {
  const solved = solvedSql(r);
  const known = knownSql(r);
  const queued = `(${r}channel = 'phone' AND ${r}wait_seconds IS NOT NULL)`;
  return [
    ['tickets', '1'],
    ['solved', `coalesce(${solved}, 0)`],
    ['replies_known', `coalesce(${known}, 0)`],
    ['replies_sum', `CASE WHEN ${known} THEN ${r}replies ELSE 0 END`],
    ['fcr', fcrSql(r)],
    ['reopened', `coalesce(${solved} AND coalesce(${r}reopens, 0) > 0, 0)`],
    ['csat_good', `coalesce(${goodSql(r)}, 0)`],
    ['csat_rated', `coalesce(${ratedSql(r)}, 0)`],
    ['handle_sum', `coalesce(${r}handle_seconds, 0)`],
    ['handle_n', `(${r}handle_seconds IS NOT NULL)`],
    ['queued', `${queued}`],
    ['wait_sum', `CASE WHEN ${queued} THEN ${r}wait_seconds ELSE 0 END`],
    ['abandoned', `coalesce(${queued} AND ${r}abandoned, 0)`],
    ['fr_sum_ms', `coalesce(${r}first_response_at - ${r}created_at, 0)`],
    ['fr_n', `(${r}first_response_at IS NOT NULL)`],
    ['res_sum_ms', `coalesce(${r}solved_at - ${r}created_at, 0)`],
    ['res_n', `(${r}solved_at IS NOT NULL)`],
  ];
}

/** [ticket_day_dims column, value] pairs after day/dim/value. */
export const dimSums = (r: string): Array<[string, string]> => [
  ['tickets', '1'],
  ['solved', `coalesce(${solvedSql(r)}, 0)`],
  ['solved_good', `coalesce(${solvedSql(r)} AND ${goodSql(r)}, 0)`],
  ['solved_rated', `coalesce(${solvedSql(r)} AND ${ratedSql(r)}, 0)`],
  ['replies_known', `coalesce(${knownSql(r)}, 0)`],
  ['fcr', fcrSql(r)],
];

/** The combo key: type, \u0001, sorted tags; `exceptTag`/`plusTag` give the key before a tag change. */
export function comboSql(r: string, idExpr: string, opts: { exceptTag?: string } = {}): string {
  const except = opts.exceptTag ? ` AND tag != ${opts.exceptTag}` : '';
  return `(coalesce(${r}type, '') || char(1) || coalesce((SELECT group_concat(tag, ',' ORDER BY tag) FROM ticket_tags WHERE ticket_id = ${idExpr}${except}), ''))`;
}

/** Adds sign x (one ticket's sums) to a rollup row, creating it when new. */
export function upsert(table: string, keys: Array<[string, string]>, sums: Array<[string, string]>, sign: 1 | -1, where = ''): string {
  const cols = [...keys, ...sums].map(([c]) => c).join(', ');
  const vals = [...keys.map(([, v]) => v), ...sums.map(([, v]) => `${sign} * (${v})`)].join(', ');
  const conflict = keys.map(([c]) => c).join(', ');
  const set = sums.map(([c]) => `${c} = ${c} + excluded.${c}`).join(', ');
  return `INSERT INTO ${table} (${cols}) SELECT ${vals} ${where ? `WHERE ${where}` : ''} ON CONFLICT (${conflict}) DO UPDATE SET ${set};`;
}
