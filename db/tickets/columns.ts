/**
 * How each format finds a column by name. A pure function of the header, so the thread that maps rows can
 * rebuild it from the header alone while another thread reads the file.
 */
import type { FileFormat } from './detect.ts';
import type { ColumnFinder } from './record-source.ts';

/** CSV/TSV: the first header cell with that name (case and surrounding spaces ignored). */
export function csvColumns(header: string[]): ColumnFinder {
  const index = new Map<string, number>();
  header.forEach((h, i) => index.has(h.trim().toLowerCase()) || index.set(h.trim().toLowerCase(), i));
  return (name) => {
    const i = index.get(name.trim().toLowerCase());
    return i === undefined ? null : { name: header[i]!.trim(), key: i };
  };
}

/** JSON: any dotted path (records may leave out keys whose value is null, so absent ones read as missing). */
export function jsonColumns(header: string[]): ColumnFinder {
  const names = new Map(header.map((h) => [h.toLowerCase(), h]));
  return (name) => {
    const key = name.trim().toLowerCase();
    return { name: names.get(key) ?? name.trim(), key };
  };
}

export function columnFinder(kind: FileFormat['kind'], header: string[]): ColumnFinder {
  return kind === 'csv' ? csvColumns(header) : jsonColumns(header);
}
