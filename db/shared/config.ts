/** The configuration every layer runs with; read and validated from the environment by api/env.ts. */
import type { BusinessHours } from './business-hours.ts';

/** The validated configuration the app runs with. */
export interface Config {
  dbFile: string;
  /** PostgreSQL instead of the SQLite file (SPEC 9); undefined for SQLite. */
  databaseUrl: string | undefined;
  /** Signs sessions and form tokens alike on every node (KB_SECRET). */
  secret: string | undefined;
  dataDir: string;
  /** Upload and import staging files (`kb.sqlite.tmp/`, mode 0700); what a crash leaves there goes at the next start. */
  tempDir: string;
  timeZone: string;
  adminToken: string | undefined;
  attributionMinutes: number;
  slaFirstResponseMinutes: number;
  siteUrl: string;
  rateLimitPerMinute: number;
  /** Events one client address may send per minute, all its visitors together (an office behind one NAT shares it). */
  rateLimitPerAddress: number;
  /** Take the client address from X-Forwarded-For (set when a reverse proxy sits in front). */
  trustProxy: boolean;
  webhookUrl: string | undefined;
  webhookSecret: string | undefined;
  smtpUrl: string | undefined;
  contactTo: string | undefined;
  /** KB_BUSINESS_HOURS with KB_HOLIDAYS: first response and resolution count business minutes only (SPEC 7.3). */
  businessHours: BusinessHours | undefined;
  /** KB_COST_PER_TICKET: what one ticket costs, for costAvoided (SPEC 7.5). */
  costPerTicket: number | undefined;
  /** KB_DIGEST_TO: who gets the digest (the scheduled one, and `kb digest` without --to). */
  digestTo: string[];
  /** KB_DIGEST_SCHEDULE: the running server sends the digest once per period. */
  digestSchedule: 'weekly' | undefined;
  host: string;
  port: number;
}
