/** One day of helpdesk tickets in the canonical shape (SPEC 6): weekday rhythm, a month-end peak, one improving topic. */
import { DateTime } from 'luxon';
import type { Channel } from '../../db/shared/ticket-channels.ts';
import type { CanonicalTicket } from '../../db/store.ts';
import type { Random } from './random.ts';
import { ticketTrend, type Story } from './story.ts';
import type { DemoContact } from './traffic.ts';
import { HOUR_WEIGHTS, WEEKDAY_TICKETS } from './phrases.ts';

/** A demo ticket: the store's canonical ticket (tickets.upsert hashes the requester), with the fields the generator always sets. */
export type DemoTicket = CanonicalTicket & { createdAt: number; channel: Channel; tags: string[] };

const AGENTS = ['Amira Haddad', 'Ben Okafor', 'Chloe Martin', 'Dmitri Volkov', 'Elif Yilmaz', 'Farid Rahimi', 'Grace Lee', 'Hugo Silva'];
const CHANNELS: [Channel, number][] = [['email', 40], ['web', 18], ['chat', 20], ['phone', 16], ['social', 4], ['sms', 2]];
const TYPES = ['question', 'incident', 'problem', 'task'];
const HOURS = HOUR_WEIGHTS.map((_, h) => h);
const MIN = 60_000;

/** Tickets per day before seasonality; the month's last three days and the 1st carry billing runs. */
export function dayTicketCount(rng: Random, day: DateTime, base: number): number {
  const monthEnd = day.day > day.daysInMonth! - 3 || day.day === 1;
  return rng.poisson(base * WEEKDAY_TICKETS[day.weekday]! * (monthEnd ? 1.75 : 1));
}

function timings(rng: Random, channel: Channel, created: number, now: number) {
  const firstMinutes = channel === 'chat' ? rng.logNormal(3, 0.6) : channel === 'phone' ? 0 : rng.logNormal(150, 0.85);
  const resolveMinutes = firstMinutes + (channel === 'chat' || channel === 'phone' ? rng.logNormal(40, 1) : rng.logNormal(900, 1.1));
  const firstResponseAt = created + firstMinutes * MIN;
  const solvedAt = created + resolveMinutes * MIN;
  // A ticket created late on the last day may not have been answered yet: the importer refuses times in the future.
  return { firstResponseAt: firstResponseAt <= now ? Math.round(firstResponseAt) : null, solvedAt: solvedAt <= now ? Math.round(solvedAt) : null };
}

function ticket(rng: Random, story: Story, id: string, created: number, now: number, channel: Channel, category: string, article: string | null): DemoTicket {
  const cat = story.categories.find((c) => c.slug === category) ?? story.categories[0];
  const tag = cat && cat.ticketTags.length ? rng.pick(cat.ticketTags) : 'general';
  const wait = channel === 'phone' ? Math.round(rng.logNormal(75, 0.8)) : null;
  const abandoned = channel === 'phone' ? rng.chance(wait! > 180 ? 0.3 : 0.05) : null;
  if (abandoned) {
    return { externalId: id, createdAt: created, firstResponseAt: null, solvedAt: null, status: 'closed', channel, type: 'call', priority: 'normal', subject: 'Missed call', requester: `caller-${rng.int(1, 5000)}@example.com`, assignee: null, group: 'Phone', replies: 0, reopens: 0, csat: null, handleSeconds: null, waitSeconds: wait, abandoned: true, article: null, tags: ['missed_call'] };
  }
  const t = timings(rng, channel, created, now);
  const solved = t.solvedAt !== null;
  const drawn = solved ? 1 + rng.poisson(channel === 'chat' ? 0.4 : 1.3) : rng.int(0, 2);
  // Drawn either way, so the same seed gives the same tickets whatever the hour.
  const replies = t.firstResponseAt === null ? 0 : drawn;
  const rated = solved && rng.chance(0.55);
  // Chat rates on a 1..5 scale, the rest good/bad, so both scales appear.
  const csat = !rated ? null : channel === 'chat' ? String(rng.weighted([5, 4, 3, 2, 1], (n) => [0, 6, 10, 14, 40, 55][n]!)) : rng.chance(0.84) ? 'good' : 'bad';
  return {
    externalId: id,
    createdAt: created,
    firstResponseAt: t.firstResponseAt,
    solvedAt: t.solvedAt,
    status: solved ? (rng.chance(0.6) ? 'closed' : 'solved') : rng.pick(['open', 'pending']),
    channel,
    type: cat && cat.ticketTypes.length && rng.chance(0.6) ? rng.pick(cat.ticketTypes) : rng.weighted(TYPES, (t) => (t === 'question' ? 5 : t === 'incident' ? 3 : 1)),
    priority: rng.weighted(['low', 'normal', 'high', 'urgent'], (p) => ({ low: 2, normal: 6, high: 2, urgent: 0.4 })[p]!),
    subject: `${tag.replace(/_/g, ' ')}: ${rng.pick(['need help', 'not working', 'question', 'how do I fix this', 'urgent'])}`,
    requester: `customer-${rng.int(1, 4000)}@example.com`,
    assignee: rng.weighted(AGENTS, (a) => 8 - AGENTS.indexOf(a) * 0.6),
    group: category === 'billing-and-plans' || category === 'payments-and-payouts' ? 'Billing' : 'Support',
    replies,
    reopens: solved && rng.chance(0.07) ? 1 : 0,
    csat,
    handleSeconds: Math.round(rng.logNormal(channel === 'phone' ? 420 : 600, 0.6)),
    waitSeconds: wait,
    abandoned: channel === 'phone' ? false : null,
    article,
    tags: [tag],
  };
}

/** The day's tickets: helpdesk traffic spread over working hours, plus a web-form ticket for most help-center contacts. */
export function dayTickets(rng: Random, story: Story, day: DateTime, progress: number, base: number, contacts: readonly DemoContact[], now: number): DemoTicket[] {
  const out: DemoTicket[] = [];
  const key = day.toFormat('yyyyLLdd');
  const weights = new Map(story.categories.map((c) => [c.slug, (c.slug.includes('billing') || c.slug.includes('payment') ? 1.3 : 1) * ticketTrend(story, c.slug, progress)]));
  const count = dayTicketCount(rng, day, base);
  for (let i = 0; i < count; i++) {
    const created = day.startOf('day').plus({ hours: rng.weighted(HOURS, (h) => HOUR_WEIGHTS[h]!), minutes: rng.int(0, 59) }).toMillis();
    if (created > now) continue;
    const channel = rng.weighted(CHANNELS, ([, w]) => w)[0];
    const category = rng.weighted([...weights.keys()], (c) => weights.get(c)!);
    out.push(ticket(rng, story, `D${key}-${i + 1}`, created, now, channel, category, null));
  }
  contacts.forEach((c, i) => {
    if (rng.chance(0.7) && c.ts + 5 * MIN <= now) out.push(ticket(rng, story, `W${key}-${i + 1}`, c.ts + rng.int(1, 5) * MIN, now, 'web', c.category, c.article));
  });
  return out;
}
