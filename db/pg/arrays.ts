/**
 * Typed array parameters for set-based statements (`SELECT ... FROM unnest($1::int8[], $2::text[])`): one round
 * trip writes a whole batch. The array type is given by OID because postgres.js learns array types only after its
 * first connection, and a batch must not depend on which query happened to run first.
 */
import type { Sql } from './client.ts';

const OID = { int8: 1016, text: 1009, bool: 1000, bytea: 1001 } as const;

type Param = ReturnType<Sql['array']>;

export const int8s = (sql: Sql, xs: ReadonlyArray<number | null>): Param => sql.array(xs as number[], OID.int8);
export const texts = (sql: Sql, xs: ReadonlyArray<string | null>): Param => sql.array(xs as string[], OID.text);
export const bools = (sql: Sql, xs: ReadonlyArray<boolean | null>): Param => sql.array(xs as boolean[], OID.bool);
export const byteas = (sql: Sql, xs: readonly Buffer[]): Param => sql.array(xs as unknown as string[], OID.bytea);
