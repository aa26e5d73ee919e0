/** The outbox worker: delivers stored requests on each configured channel, retrying with backoff, across restarts. */
import type { DueItem, Store } from '../../db/store.ts';
import type { ContactChannel } from '../../db/shared/contact.ts';
import type { Config } from '../../db/shared/config.ts';
import { retryDelay } from './backoff.ts';
import { createMailer, type Mailer } from './email.ts';
import { buildPayload, type ContactPayload, type TitleLookup } from './payload.ts';
import { sendWebhook } from './webhook.ts';

/** How long one attempt holds an item; if the process dies mid-attempt, the item is due again after this. */
const LEASE_MS = 2 * 60_000;
/** Even with nothing scheduled, look again this often (another process, e.g. the CLI, may have queued work). */
const POLL_MS = 60_000;

export interface Outbox {
  /** The channels configured now; a new request is queued on each. */
  readonly channels: readonly ContactChannel[];
  /** Starts a pass soon (a request was just stored or retried). */
  wake(): void;
  /** Makes one attempt at every item due at `at` (default: now); resolves with how many were delivered. */
  deliverDue(at?: number): Promise<number>;
  /** Resolves when every pass queued so far has finished. */
  idle(): Promise<void>;
  /** Stops the timer, waits for the running pass (cutting in-flight attempts short) and closes the SMTP pool. */
  close(): Promise<void>;
}

export interface OutboxOptions {
  store: Store;
  config: Config;
  /** Gives the article-title lookup for one pass (deliveries then carry titles beside slugs). */
  titles?: () => Promise<TitleLookup>;
  now?: () => number;
  random?: () => number;
  /** How long an attempt holds its item (default 2 minutes). */
  leaseMs?: number;
}

/** The channels a config delivers to; throws when email is half configured (SMTP for the digest alone is fine). */
export function configuredChannels(config: Config): ContactChannel[] {
  if (config.smtpUrl && !config.contactTo && config.digestTo.length === 0) {
    throw new Error('KB_SMTP_URL is set but KB_CONTACT_TO (the address requests are sent to) is not.');
  }
  const out: ContactChannel[] = [];
  if (config.webhookUrl) out.push('webhook');
  if (config.smtpUrl && config.contactTo) out.push('email');
  return out;
}

export function createOutbox({ store, config, titles, now = Date.now, random = Math.random, leaseMs = LEASE_MS }: OutboxOptions): Outbox {
  const { contact } = store;
  const channels = configuredChannels(config);
  const mailer: Mailer | undefined = config.smtpUrl && config.contactTo ? createMailer({ smtpUrl: config.smtpUrl, to: config.contactTo }) : undefined;
  const shutdown = new AbortController();
  let queue: Promise<unknown> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;

  const send = async (channel: ContactChannel, payload: ContactPayload, attempt: number) => {
    if (channel === 'webhook') {
      if (!config.webhookUrl) throw new Error('no webhook configured (KB_WEBHOOK_URL is not set)');
      await sendWebhook({ url: config.webhookUrl, secret: config.webhookSecret, signal: shutdown.signal }, payload, attempt);
    } else {
      if (!mailer) throw new Error('no email configured (KB_SMTP_URL and KB_CONTACT_TO are not set)');
      await mailer.send(payload);
    }
  };

  const attemptOne = async ({ item, request }: DueItem, titleOf: TitleLookup | undefined): Promise<boolean> => {
    // The attempt is counted (and committed) as it is claimed, before anything is sent: a delivery cut short by a
    // crash goes out again after the lease as the next attempt, never under the same number.
    const attempt = await contact.claim(item, now() + leaseMs, now());
    if (attempt === undefined) return false;
    try {
      await send(item.channel, buildPayload(request, config.siteUrl, titleOf), attempt);
      await contact.markDelivered(item, now());
      return true;
    } catch (err) {
      if (shutdown.signal.aborted) {
        await contact.release(item, now());
        return false;
      }
      const delay = retryDelay(attempt, random);
      await contact.markFailed(item, now(), errorText(err), delay === null ? null : now() + delay);
      return false;
    }
  };

  const pass = async (at: number) => {
    let delivered = 0;
    const due = await contact.dueItems(at, 100);
    if (due.length === 0) return 0;
    const titleOf = await titles?.();
    for (const one of due) {
      if (stopped) break;
      if (await attemptOne(one, titleOf)) delivered++;
    }
    return delivered;
  };

  const schedule = async () => {
    clearTimeout(timer);
    if (stopped) return;
    const next = await contact.nextDueAt();
    if (stopped) return;
    const wait = next === undefined ? POLL_MS : Math.min(POLL_MS, Math.max(0, next - now()));
    timer = setTimeout(() => outbox.wake(), wait);
    timer.unref();
  };

  const enqueue = (at: () => number): Promise<number> => {
    const run = queue.then(() => (stopped ? 0 : pass(at())));
    const report = (err: unknown) => console.error('contact outbox:', err);
    queue = run.catch(report).finally(() => schedule().catch(report));
    return run;
  };

  const outbox: Outbox = {
    channels,
    wake: () => void enqueue(now),
    deliverDue: (at) => enqueue(() => at ?? now()),
    idle: () => queue.then(() => undefined),
    async close() {
      stopped = true;
      clearTimeout(timer);
      shutdown.abort();
      await queue;
      clearTimeout(timer);
      mailer?.close();
    },
  };
  outbox.wake();
  return outbox;
}

function errorText(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  const cause = err.cause instanceof Error ? ` (${err.cause.message})` : '';
  return `${err.message}${cause}`;
}
