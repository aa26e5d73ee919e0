/**
 * KB_DIGEST_SCHEDULE=weekly: the running server sends the last complete week's digest to KB_DIGEST_TO once. Each
 * check claims the period in digest_sends first (one atomic statement), so restarts and several processes on one
 * database send it once; a failed send is retried later, by whichever process claims it then.
 */
import { randomUUID } from 'node:crypto';
import type { Config } from '../../db/shared/config.ts';
import type { Catalog } from '../../db/shared/catalog.ts';
import type { Store } from '../../db/store.ts';
import { collectDigest } from './collect.ts';
import { sendDigest } from './mailer.ts';
import { lastCompleteWeek } from './period.ts';
import { renderDigest } from './render.ts';

export interface DigestScheduleOptions {
  store: Store;
  config: Config;
  catalog: () => Promise<Catalog>;
  now?: () => number;
  /** How often to look for a period that is due (default 10 minutes; the first look is right after start). */
  checkEveryMs?: number;
  /** How long a claim holds before another process may take it over (default 10 minutes). */
  leaseMs?: number;
  /** How long after a failed send to try again (default 15 minutes). */
  retryMs?: number;
  log?: (line: string) => void;
}

export type DigestCheck = 'sent' | 'not-due' | 'failed';

export interface DigestSchedule {
  /** Looks once: sends the due period if this process wins its claim. */
  check(): Promise<DigestCheck>;
  /** Stops looking and waits for a send in progress. */
  stop(): Promise<void>;
}

export function startDigestSchedule(o: DigestScheduleOptions): DigestSchedule {
  const { store, config } = o;
  const now = o.now ?? Date.now;
  const leaseMs = o.leaseMs ?? 10 * 60_000;
  const retryMs = o.retryMs ?? 15 * 60_000;
  const log = o.log ?? ((line: string) => console.log(line));
  const owner = randomUUID();
  let running: Promise<DigestCheck> = Promise.resolve('not-due');
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;

  async function once(): Promise<DigestCheck> {
    const period = lastCompleteWeek(config.timeZone, now());
    const to = config.digestTo;
    const at = now();
    if (!config.smtpUrl || to.length === 0) return 'not-due';
    if (!(await store.digest.claim({ period: period.id, owner, now: at, staleBefore: at - leaseMs, recipients: to.join(', ') }))) return 'not-due';
    try {
      const message = renderDigest(await collectDigest(store, config, await o.catalog(), period), config.siteUrl);
      await sendDigest({ smtpUrl: config.smtpUrl, from: config.contactTo ?? to[0]!, to, period: period.id }, message);
      await store.digest.markSent(period.id, owner, now());
      log(`Digest for ${period.from} – ${period.to} sent to ${to.join(', ')}.`);
      return 'sent';
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      await store.digest.markFailed({ period: period.id, owner, error: reason, retryAt: now() + retryMs, leaseMs });
      log(`Digest for ${period.from} – ${period.to} not sent (${reason}); trying again in ${Math.round(retryMs / 60_000)} min.`);
      return 'failed';
    }
  }

  const check = () => (running = running.then(once, once));
  const loop = () => {
    if (stopped) return;
    void check().finally(() => {
      if (!stopped) timer = setTimeout(loop, o.checkEveryMs ?? 10 * 60_000).unref();
    });
  };
  timer = setTimeout(loop, 0).unref();
  return {
    check,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running.catch(() => undefined);
    },
  };
}
