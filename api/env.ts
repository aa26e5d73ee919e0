/** Reads and validates process.env once; nothing else in the project reads process.env. */
import { resolve } from 'node:path';
import { z } from 'zod';
import type { Config } from '../db/shared/config.ts';
import { parseBusinessHours, parseHolidays } from '../db/shared/business-hours.ts';

const intFrom = (fallback: number, min: number, max: number) =>
  z.coerce.number().int().min(min).max(max).default(fallback);

const isTimeZone = (zone: string) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};

const EnvSchema = z.object({
  KB_DB: z.string().min(1).default('data/kb.sqlite'),
  KB_DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\/\S+$/, 'must be a PostgreSQL URL such as postgres://user:password@host:5432/kb').optional(),
  KB_SECRET: z.string().min(32, 'must be at least 32 characters (e.g. `openssl rand -hex 32`)').optional(),
  KB_TZ: z.string().refine(isTimeZone, 'must be an IANA time zone such as Europe/Berlin').default('UTC'),
  KB_ADMIN_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  KB_ATTRIBUTION_MINUTES: intFrom(30, 1, 24 * 60),
  KB_SLA_FIRST_RESPONSE_MINUTES: intFrom(240, 1, 60 * 24 * 30),
  KB_SITE_URL: z.url().default('http://127.0.0.1:4321'),
  KB_RATE_LIMIT: intFrom(120, 1, 1_000_000),
  KB_RATE_LIMIT_PER_ADDRESS: intFrom(600, 1, 10_000_000),
  KB_TRUST_PROXY: z.enum(['0', '1', 'true', 'false']).default('0'),
  KB_WEBHOOK_URL: z.url().optional(),
  KB_WEBHOOK_SECRET: z.string().min(1).optional(),
  KB_SMTP_URL: z.string().regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://').optional(),
  KB_CONTACT_TO: z.email().optional(),
  KB_BUSINESS_HOURS: z.string().max(500).optional(),
  KB_HOLIDAYS: z.string().max(20_000).optional(),
  KB_COST_PER_TICKET: z.coerce.number().positive('must be a positive number, such as 12.5').max(1_000_000).optional(),
  KB_DIGEST_TO: z
    .string()
    .max(2000)
    .transform((v) => v.split(/[\s,;]+/).filter(Boolean))
    .pipe(z.array(z.email('must be e-mail addresses separated by commas')).min(1).max(50))
    .optional(),
  KB_DIGEST_SCHEDULE: z.enum(['weekly'], { error: 'must be "weekly" (or unset: no scheduled digest)' }).optional(),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: intFrom(4321, 0, 65535),
})
  // SMTP set for the digest alone needs no contact address.
  .refine((e) => !e.KB_SMTP_URL || e.KB_CONTACT_TO || e.KB_DIGEST_TO, {
    error: 'is required when KB_SMTP_URL is set (the address contact requests are emailed to)',
    path: ['KB_CONTACT_TO'],
  })
  .refine((e) => !e.KB_DIGEST_SCHEDULE || e.KB_DIGEST_TO, { error: 'is required when KB_DIGEST_SCHEDULE is set (who gets the digest)', path: ['KB_DIGEST_TO'] })
  .refine((e) => !e.KB_DIGEST_SCHEDULE || e.KB_SMTP_URL, { error: 'is required when KB_DIGEST_SCHEDULE is set (the digest is sent by e-mail)', path: ['KB_SMTP_URL'] })
  .refine((e) => !e.KB_HOLIDAYS || e.KB_BUSINESS_HOURS, { error: 'only counts with KB_BUSINESS_HOURS set', path: ['KB_HOLIDAYS'] })
  .transform((e, ctx) => {
    if (!e.KB_BUSINESS_HOURS) return { ...e, businessHours: undefined };
    const holidays = parseHolidays(e.KB_HOLIDAYS ?? '');
    if (typeof holidays === 'string') {
      ctx.addIssue({ code: 'custom', path: ['KB_HOLIDAYS'], message: holidays });
      return z.NEVER;
    }
    const hours = parseBusinessHours(e.KB_BUSINESS_HOURS, holidays);
    if (typeof hours === 'string') {
      ctx.addIssue({ code: 'custom', path: ['KB_BUSINESS_HOURS'], message: hours });
      return z.NEVER;
    }
    return { ...e, businessHours: hours };
  });

/** Parses an environment (process.env by default) into a Config, or throws one readable error. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const blankless = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = EnvSchema.safeParse(blankless);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration in the environment:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const dbFile = resolve(e.KB_DB);
  return {
    dbFile,
    databaseUrl: e.KB_DATABASE_URL,
    secret: e.KB_SECRET,
    dataDir: resolve(dbFile, '..'),
    tempDir: `${dbFile}.tmp`,
    timeZone: e.KB_TZ,
    adminToken: e.KB_ADMIN_TOKEN,
    attributionMinutes: e.KB_ATTRIBUTION_MINUTES,
    slaFirstResponseMinutes: e.KB_SLA_FIRST_RESPONSE_MINUTES,
    siteUrl: e.KB_SITE_URL,
    rateLimitPerMinute: e.KB_RATE_LIMIT,
    rateLimitPerAddress: e.KB_RATE_LIMIT_PER_ADDRESS,
    trustProxy: e.KB_TRUST_PROXY === '1' || e.KB_TRUST_PROXY === 'true',
    webhookUrl: e.KB_WEBHOOK_URL,
    webhookSecret: e.KB_WEBHOOK_SECRET,
    smtpUrl: e.KB_SMTP_URL,
    contactTo: e.KB_CONTACT_TO,
    businessHours: e.businessHours,
    costPerTicket: e.KB_COST_PER_TICKET,
    digestTo: e.KB_DIGEST_TO ?? [],
    digestSchedule: e.KB_DIGEST_SCHEDULE,
    host: e.HOST,
    port: e.PORT,
  };
}

/**
 * What a server (not the CLI) needs on top of a valid config: on PostgreSQL several nodes must sign and check
 * sessions and form tokens alike, so the secret and the admin token cannot be made per node (SPEC 9).
 */
export function checkServerConfig(config: Config): void {
  if (!config.databaseUrl) return;
  const missing = [!config.secret && 'KB_SECRET (at least 32 characters, the same on every node)', !config.adminToken && 'KB_ADMIN_TOKEN (the same on every node)'].filter(Boolean);
  if (missing.length > 0) {
    throw new Error(`With KB_DATABASE_URL set, every node needs ${missing.join(' and ')}; a token made on one node would not be valid on the others.`);
  }
}
