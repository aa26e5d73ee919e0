/** One mapped row in the shape staging stores, the same in the worker and the importer. */
import type { RowError } from './errors.ts';
import { ROW_COLUMNS, type TicketRow } from './fields.ts';
import { REFUSED, type StagedRecord, type WireRecord } from './worker-protocol.ts';

/** [line, ...stored columns (booleans as 0/1), tags JSON]; a row with errors becomes a REFUSED record. */
export function toWireRecord(mapped: TicketRow | RowError[], line: number): WireRecord {
  if (Array.isArray(mapped)) return [line, REFUSED, ...mapped];
  const rec = [line] as unknown as StagedRecord;
  for (const [k] of ROW_COLUMNS) {
    const v = mapped[k];
    rec.push(typeof v === 'boolean' ? (v ? 1 : 0) : v);
  }
  // The same text json_group_array() gives for the stored tags, so the writer compares tags as strings.
  rec.push(JSON.stringify(mapped.tags));
  return rec;
}
