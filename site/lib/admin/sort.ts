/** Server-side table sorting from `?sort=column&dir=asc|desc`, with a "worst first" default for articles. */

export interface SortState {
  column: string;
  dir: 'asc' | 'desc';
}

type Row = Record<string, unknown>;

/** Reads the sort from the URL; unknown columns fall back to the default. */
export function parseSort(params: URLSearchParams, columns: readonly string[], fallback: SortState): SortState {
  const column = params.get('sort') ?? '';
  if (!columns.includes(column)) return fallback;
  return { column, dir: params.get('dir') === 'asc' ? 'asc' : 'desc' };
}

/** The link a column heading points at: same page and filters, this column, the other direction when already active. */
export function sortHref(url: URL, column: string, current: SortState): string {
  const q = new URLSearchParams(url.search);
  q.set('sort', column);
  q.set('dir', current.column === column && current.dir === 'desc' ? 'asc' : 'desc');
  return `${url.pathname}?${q.toString()}`;
}

const value = (row: Row, column: string): number | string | null => {
  const v = row[column];
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string') return v.toLowerCase();
  if (Array.isArray(v)) return v.length;
  return null;
};

/** Sorts a copy; rows without a value for the column always go last, whatever the direction. */
export function sortRows<T extends object>(rows: readonly T[], sort: SortState): T[] {
  const sign = sort.dir === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = value(a as Row, sort.column);
    const y = value(b as Row, sort.column);
    if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
    return (x < y ? -1 : x > y ? 1 : 0) * sign;
  });
}
