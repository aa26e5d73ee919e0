/** Counts rejected contact posts per day and reason, so the admin sees how much spam the form turned away. */
import { and, gte, lte, sql, sum } from 'drizzle-orm';
import type { Db } from '../sqlite/client.ts';
import { contactRejections, type RejectionReason } from '../schema/index.ts';

/** Adds one rejection for a day (YYYY-MM-DD in KB_TZ). */
export function countRejection(db: Db, day: string, reason: RejectionReason): void {
  db.insert(contactRejections)
    .values({ day, reason, count: 1 })
    .onConflictDoUpdate({
      target: [contactRejections.day, contactRejections.reason],
      set: { count: sql`${contactRejections.count} + 1` },
    })
    .run();
}

/** Totals per reason for the days from..to (inclusive, YYYY-MM-DD in KB_TZ). */
export function rejectionTotals(db: Db, fromDay: string, toDay: string): Partial<Record<RejectionReason, number>> {
  const rows = db
    .select({ reason: contactRejections.reason, n: sum(contactRejections.count).mapWith(Number) })
    .from(contactRejections)
    .where(and(gte(contactRejections.day, fromDay), lte(contactRejections.day, toDay)))
    .groupBy(contactRejections.reason)
    .all();
  return Object.fromEntries(rows.map((r) => [r.reason, r.n]));
}
