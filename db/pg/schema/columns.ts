/** Column helpers for the PostgreSQL schema: SQLite's 64-bit `integer` becomes `bigint` read as a JS number. */
import { bigint, bigserial } from 'drizzle-orm/pg-core';

/** Epoch milliseconds, ids and sums: int8 on PostgreSQL (int4 overflows at 2^31), a number in JS. */
export const int8 = (name: string) => bigint(name, { mode: 'number' });

/** An id from a sequence; ingest also takes ids from it ahead of the insert (db/pg/ingest). */
export const serialId = (name: string) => bigserial(name, { mode: 'number' });

/** An array of int8 read as JS numbers. */
export const int8Array = (name: string) => bigint(name, { mode: 'number' }).array();
