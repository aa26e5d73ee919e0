/** `kb demo`'s generator: 90 days of sessions and tickets written through the store (ingest, and the importer for two CSV exports). */
import { DateTime } from 'luxon';
import type { Config } from '../../db/shared/config.ts';
import type { Store } from '../../db/store.ts';
import { demoContent } from './content.ts';
import { loadCatalog } from '../../api/content/read-catalog.ts';
import { createRandom } from './random.ts';
import { buildStory, type Story } from './story.ts';
import { daySessions } from './traffic.ts';
import type { SearchTotal } from './search.ts';
import { dayTickets } from './tickets.ts';
import { WEEKDAY_TRAFFIC } from './phrases.ts';
import { storeDemoRequests } from './contact-requests.ts';
import { importDemoTickets } from './ticket-exports.ts';
import type { DemoTicket } from './tickets.ts';

export interface DemoOptions {
  contentDir: string;
  days: number;
  seed: number;
  /** The last day is the one containing this time (defaults to now). */
  now?: number;
  /** Help-center sessions on an ordinary weekday at the start. */
  sessionsPerDay?: number;
  /** Helpdesk tickets on an ordinary weekday (web-form tickets from contacts come on top). */
  ticketsPerDay?: number;
  onDay?: (done: number, total: number) => void;
  /** `total` as the site's search answers a query (what the demo's search events report): searchTotalOf(service). */
  searchTotal: SearchTotal;
}

export interface DemoSummary {
  days: number;
  events: number;
  tickets: number;
  /** Contact requests stored (forms sent through the help center's own contact page). */
  requests: number;
  from: string;
  to: string;
  story: Story;
}

/** Fills a store. Days are written in order, so sessions and attribution settle as they would live. */
export async function generateDemo(store: Store, config: Config, options: DemoOptions): Promise<DemoSummary> {
  const now = options.now ?? Date.now();
  const zone = config.timeZone;
  const last = DateTime.fromMillis(now, { zone }).startOf('day');
  const first = last.minus({ days: options.days - 1 });
  const rng = createRandom(options.seed);
  const story = buildStory(demoContent(await loadCatalog(options.contentDir, { git: false })), options.searchTotal, {
    first: first.toISODate()!,
    last: last.toISODate()!,
  });
  let events = 0;
  const tickets: DemoTicket[] = [];
  let requests = 0;
  try {
    for (let i = 0; i < options.days; i++) {
      const day = first.plus({ days: i });
      const progress = options.days > 1 ? i / (options.days - 1) : 1;
      const sessions = Math.round((options.sessionsPerDay ?? 420) * WEEKDAY_TRAFFIC[day.weekday]! * (1 + 0.2 * progress) * rng.logNormal(1, 0.08));
      const { events: sent, contacts } = daySessions(rng, story, day.toMillis(), sessions, progress, day.toISODate()!);
      const today = sent.filter((e) => e.ts <= now).sort((a, b) => a.ts - b.ts);
      // Submitted without awaiting each other, so the writer commits them in large group transactions.
      await Promise.all(today.map((e) => store.tracking.store([e.event], { ip: e.ip, userAgent: e.userAgent, now: e.ts })));
      events += today.length;
      tickets.push(...dayTickets(rng, story, day, progress, options.ticketsPerDay ?? 38, contacts, now));
      requests += await storeDemoRequests(store, rng, contacts, now);
      options.onDay?.(i + 1, options.days);
    }
    // The helpdesk's export and the phone system's call log, imported as a lead would import them.
    await importDemoTickets(store, tickets);
  } finally {
    await store.tracking.flush();
  }
  return { days: options.days, events, tickets: tickets.length, requests, from: first.toISODate()!, to: last.toISODate()!, story };
}
