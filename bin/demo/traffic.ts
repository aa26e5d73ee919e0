/** One day of help-center sessions as tracking events, with the time, IP and user agent each was sent with. */
import type { TrackEvent } from '../../db/shared/event.ts';
import type { Random } from './random.ts';
import { readTrend, ticketTrend, type ArticleProfile, type Story } from './story.ts';
import { COMMENTS_GENERIC, COMMENTS_UNHELPFUL, GAP_QUERIES, HOUR_WEIGHTS, REFERRERS, USER_AGENTS } from './phrases.ts';

export interface SentEvent {
  ts: number;
  ip: string;
  userAgent: string;
  event: TrackEvent;
}

/** A contact made from an article, which the ticket generator turns into a web-form ticket. */
export interface DemoContact {
  ts: number;
  article: string;
  category: string;
}

interface Visit {
  ts: number;
  locale: string;
  ip: string;
  userAgent: string;
  out: SentEvent[];
}

const HOURS = HOUR_WEIGHTS.map((_, h) => h);
// 62 random bits: unique enough for a page-view id, and fixed by the seed.
const newPv = (rng: Random) => `${rng.int(0, 2 ** 31 - 1).toString(36)}${rng.int(0, 2 ** 31 - 1).toString(36)}`;

function send(v: Visit, event: TrackEvent, gapSeconds: number) {
  v.ts += gapSeconds * 1000;
  v.out.push({ ts: v.ts, ip: v.ip, userAgent: v.userAgent, event });
}

function articlePath(locale: string, p: ArticleProfile): { path: string; locale: string } {
  const l = p.article.locales.includes(locale) ? locale : 'en';
  return { path: `${l === 'en' ? '' : `/${l}`}/articles/${p.article.slug}`, locale: l };
}

/** A page view of an article with reading, maybe a vote, maybe a contact. Returns true when the visitor contacted support. */
function read(rng: Random, v: Visit, p: ArticleProfile, story: Story, progress: number, contacts: DemoContact[], referrer?: string): boolean {
  const pv = newPv(rng);
  const { path, locale } = articlePath(v.locale, p);
  const base = { pv, path, article: p.article.slug, locale };
  send(v, { type: 'view', ...base, ...(referrer ? { referrer } : {}) }, rng.int(1, 20));
  const expected = Math.max(20, (p.article.words / 200) * 60);
  const seconds = Math.min(1800, Math.max(2, Math.round(rng.logNormal(expected * p.readShare, 0.55))));
  const scroll = Math.min(100, Math.round((seconds / expected) * 100 * rng.logNormal(1.1, 0.25)));
  if (seconds > 15) send(v, { type: 'read', ...base, seconds: 15, scroll: Math.min(scroll, 40) }, 15);
  send(v, { type: 'read', ...base, seconds, scroll }, Math.max(1, seconds - 15));
  if (rng.chance(0.16)) {
    const helpful = rng.chance(p.helpful);
    send(v, { type: 'vote', ...base, helpful }, rng.int(1, 5));
    if (!helpful && rng.chance(0.45)) {
      const comment = rng.pick(p.role === 'unhelpful' ? COMMENTS_UNHELPFUL : COMMENTS_GENERIC);
      send(v, { type: 'vote', ...base, helpful, comment }, rng.int(10, 40));
    }
  }
  const contactChance = p.contact * ticketTrend(story, p.article.category, progress);
  if (rng.chance(contactChance)) {
    send(v, { type: 'contact', ...base, via: 'cta' }, rng.int(2, 30));
    if (contactForm(rng, v, p, story)) contacts.push({ ts: v.ts, article: p.article.slug, category: p.article.category });
    return true;
  }
  return false;
}

/**
 * The contact page after a "Contact support" click: suggestions appear as the customer types; some open
 * one and leave without submitting (implicit deflection, no ticket). Returns true when the form was sent.
 */
function contactForm(rng: Random, v: Visit, from: ArticleProfile, story: Story): boolean {
  const { locale } = articlePath(v.locale, from);
  const page = { pv: newPv(rng), path: `${locale === 'en' ? '' : `/${locale}`}/contact`, locale };
  send(v, { type: 'view', ...page }, rng.int(1, 4));
  const query = rng.pick([...from.article.tags.map((t) => t.replace(/[_-]+/g, ' ')), from.article.title.toLowerCase()]);
  send(v, { type: 'suggest_shown', ...page, query, results: rng.int(1, 5) }, rng.int(4, 20));
  const others = story.profiles.filter((o) => o.article.category === from.article.category && o !== from && o.popularity > 0);
  if (others.length > 0 && rng.chance(0.35)) {
    const opened = rng.pick(others);
    send(v, { type: 'suggest_click', ...page, article: opened.article.slug, position: rng.weighted([1, 2, 3], (n) => 4 - n) }, rng.int(2, 10));
    const target = articlePath(v.locale, opened);
    send(v, { type: 'view', pv: newPv(rng), article: opened.article.slug, ...target }, rng.int(1, 3));
    if (rng.chance(0.6)) return false;
  }
  send(v, { type: 'contact', ...page, via: 'form' }, rng.int(30, 180));
  return true;
}

/** Generates `count` sessions starting on the day that begins at `dayStart` (epoch ms, local midnight). */
export function daySessions(rng: Random, story: Story, dayStart: number, count: number, progress: number) {
  const out: SentEvent[] = [];
  const contacts: DemoContact[] = [];
  const readable = story.profiles.filter((p) => p.popularity > 0);
  const weight = (p: ArticleProfile) => p.popularity * readTrend(story, p.article.category, progress);
  for (let i = 0; i < count; i++) {
    const hour = rng.weighted(HOURS, (h) => HOUR_WEIGHTS[h]!);
    const v: Visit = {
      ts: dayStart + hour * 3_600_000 + rng.int(0, 3_599_999),
      locale: rng.chance(0.82) ? 'en' : rng.pick(story.locales),
      ip: `${rng.int(11, 223)}.${rng.int(0, 255)}.${rng.int(0, 255)}.${rng.int(1, 254)}`,
      userAgent: rng.pick(USER_AGENTS),
      out,
    };
    const entry = rng.next();
    if (entry < 0.55) {
      // Straight from a search engine or the product to an article; some read a related one next.
      if (read(rng, v, rng.weighted(readable, weight), story, progress, contacts, rng.pick(REFERRERS))) continue;
      if (rng.chance(0.25)) read(rng, v, rng.weighted(readable, weight), story, progress, contacts);
      continue;
    }
    const home = { pv: newPv(rng), path: v.locale === 'en' ? '/' : `/${v.locale}/`, locale: v.locale };
    send(v, { type: 'view', ...home }, 0);
    if (entry < 0.88) searchThenRead(rng, v, readable, weight, story, progress, contacts, home);
    else if (rng.chance(0.7)) read(rng, v, rng.weighted(readable, weight), story, progress, contacts);
    else if (rng.chance(0.15)) send(v, { type: 'contact', ...home, via: 'cta' }, rng.int(5, 60));
  }
  return { events: out, contacts };
}

function searchThenRead(
  rng: Random, v: Visit, readable: ArticleProfile[], weight: (p: ArticleProfile) => number,
  story: Story, progress: number, contacts: DemoContact[], home: { pv: string; path: string; locale: string },
) {
  if (rng.chance(0.1)) {
    const query = rng.pick(GAP_QUERIES);
    send(v, { type: 'search', ...home, query, results: 0 }, rng.int(3, 15));
    if (rng.chance(0.3)) send(v, { type: 'contact', ...home, via: 'cta' }, rng.int(5, 40));
    return;
  }
  const target = rng.weighted(readable, weight);
  const words = [...target.article.tags.map((t) => t.replace(/[_-]+/g, ' ')), target.article.title.toLowerCase()];
  const query = rng.pick(words);
  const results = rng.int(2, 9);
  send(v, { type: 'search', ...home, query, results }, rng.int(3, 15));
  if (rng.chance(0.7)) {
    send(v, { type: 'search_click', ...home, query, position: rng.weighted([1, 2, 3, 4], (n) => 5 - n) }, rng.int(2, 9));
    read(rng, v, target, story, progress, contacts);
  } else if (rng.chance(0.12)) {
    send(v, { type: 'contact', ...home, via: 'cta' }, rng.int(5, 40));
  }
}
