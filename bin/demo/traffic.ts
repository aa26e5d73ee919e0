/** One day of help-center sessions as tracking events, with the time, IP and user agent each was sent with. */
import type { TrackEvent } from '../../db/shared/event.ts';
import type { Random } from './random.ts';
import { behaviourOn, readTrend, ticketTrend, type ArticleProfile, type Story } from './story.ts';
import { HOUR_WEIGHTS, REFERRERS, USER_AGENTS } from './phrases.ts';
import { phrasesFor } from './locale-phrases.ts';
import { expectedReadSeconds } from '../../db/shared/catalog.ts';

export interface SentEvent {
  ts: number;
  ip: string;
  userAgent: string;
  event: TrackEvent;
}

/** A contact form sent from an article: a stored contact request, and most often a web-form ticket. */
export interface DemoContact {
  ts: number;
  article: string;
  category: string;
  /** The language of the page the form was on. */
  locale: string;
  /** Articles viewed in the session before it, first view first. */
  viewed: string[];
}

interface Visit {
  ts: number;
  /** The local day (YYYY-MM-DD) the session is on. */
  day: string;
  locale: string;
  ip: string;
  userAgent: string;
  out: SentEvent[];
  viewed: string[];
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

/** What a reader in `locale` types to find an article: one of its tags or its title, in that language. */
function wordsFor(p: ArticleProfile, locale: string): string[] {
  const l = p.article.localized[locale] ?? p.article.localized.en ?? { title: p.article.title, tags: p.article.tags };
  return [...l.tags.map((t) => t.replace(/[_-]+/g, ' ')), l.title.toLowerCase()];
}

/** A page view of an article with reading, maybe a vote, maybe a contact. Returns true when the visitor contacted support. */
function read(rng: Random, v: Visit, p: ArticleProfile, story: Story, progress: number, contacts: DemoContact[], referrer?: string): boolean {
  const pv = newPv(rng);
  const { path, locale } = articlePath(v.locale, p);
  const base = { pv, path, article: p.article.slug, locale };
  send(v, { type: 'view', ...base, ...(referrer ? { referrer } : {}) }, rng.int(1, 20));
  if (!v.viewed.includes(p.article.slug)) v.viewed.push(p.article.slug);
  const expected = Math.max(20, expectedReadSeconds(p.article.words));
  const seconds = Math.min(1800, Math.max(2, Math.round(rng.logNormal(expected * p.readShare, 0.55))));
  const scroll = Math.min(100, Math.round((seconds / expected) * 100 * rng.logNormal(1.1, 0.25)));
  if (seconds > 15) send(v, { type: 'read', ...base, seconds: 15, scroll: Math.min(scroll, 40) }, 15);
  send(v, { type: 'read', ...base, seconds, scroll }, Math.max(1, seconds - 15));
  const behaviour = behaviourOn(story, p, v.day);
  if (rng.chance(0.16)) {
    const helpful = rng.chance(behaviour.helpful);
    send(v, { type: 'vote', ...base, helpful }, rng.int(1, 5));
    if (!helpful && rng.chance(0.45)) {
      // The comment is in the language of the page it was left on.
      const book = phrasesFor(locale);
      const comment = rng.pick(p.role === 'unhelpful' ? book.unhelpful : book.generic);
      send(v, { type: 'vote', ...base, helpful, comment }, rng.int(10, 40));
    }
  }
  const contactChance = behaviour.contact * ticketTrend(story, p.article.category, progress);
  if (rng.chance(contactChance)) {
    send(v, { type: 'contact', ...base, via: 'cta' }, rng.int(2, 30));
    const viewed = [...v.viewed];
    const form = contactForm(rng, v, p, story);
    if (form) contacts.push({ ts: v.ts, article: p.article.slug, category: p.article.category, locale: form, viewed });
    return true;
  }
  return false;
}

/**
 * The contact page after a "Contact support" click: suggestions appear as the customer types; some open
 * one and leave without submitting (implicit deflection, no ticket). Returns the page's locale when the form was sent.
 */
function contactForm(rng: Random, v: Visit, from: ArticleProfile, story: Story): string | undefined {
  const { locale } = articlePath(v.locale, from);
  const page = { pv: newPv(rng), path: `${locale === 'en' ? '' : `/${locale}`}/contact`, locale };
  send(v, { type: 'view', ...page }, rng.int(1, 4));
  const query = rng.pick(wordsFor(from, locale));
  send(v, { type: 'suggest_shown', ...page, query, results: rng.int(1, 3) }, rng.int(4, 20));
  const others = story.profiles.filter((o) => o.article.category === from.article.category && o !== from && o.popularity > 0);
  if (others.length > 0 && rng.chance(0.35)) {
    const opened = rng.pick(others);
    send(v, { type: 'suggest_click', ...page, article: opened.article.slug, position: rng.weighted([1, 2, 3], (n) => 4 - n) }, rng.int(2, 10));
    const target = articlePath(v.locale, opened);
    send(v, { type: 'view', pv: newPv(rng), article: opened.article.slug, ...target }, rng.int(1, 3));
    if (!v.viewed.includes(opened.article.slug)) v.viewed.push(opened.article.slug);
    if (rng.chance(0.6)) return undefined;
  }
  send(v, { type: 'contact', ...page, via: 'form' }, rng.int(30, 180));
  return locale;
}

/** Generates `count` sessions on `day`, which begins at `dayStart` (epoch ms, local midnight). */
export function daySessions(rng: Random, story: Story, dayStart: number, count: number, progress: number, day: string) {
  const out: SentEvent[] = [];
  const contacts: DemoContact[] = [];
  const readable = story.profiles.filter((p) => p.popularity > 0);
  const weight = (p: ArticleProfile) => p.popularity * readTrend(story, p.article.category, progress);
  for (let i = 0; i < count; i++) {
    const hour = rng.weighted(HOURS, (h) => HOUR_WEIGHTS[h]!);
    const v: Visit = {
      ts: dayStart + hour * 3_600_000 + rng.int(0, 3_599_999),
      day,
      locale: rng.chance(0.82) ? 'en' : rng.pick(story.locales),
      ip: `${rng.int(11, 223)}.${rng.int(0, 255)}.${rng.int(0, 255)}.${rng.int(1, 254)}`,
      userAgent: rng.pick(USER_AGENTS),
      out,
      viewed: [],
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

/** A search from the home page in the visitor's language; it finds articles of that language, or nothing. */
function searchThenRead(
  rng: Random, v: Visit, readable: ArticleProfile[], weight: (p: ArticleProfile) => number,
  story: Story, progress: number, contacts: DemoContact[], home: { pv: string; path: string; locale: string },
) {
  if (rng.chance(0.1)) {
    const query = rng.pick(phrasesFor(v.locale).gapQueries);
    send(v, { type: 'search', ...home, query, results: story.searchTotal(query, v.locale) }, rng.int(3, 15));
    if (rng.chance(0.3)) send(v, { type: 'contact', ...home, via: 'cta' }, rng.int(5, 40));
    return;
  }
  // Readers search for what exists in their language, in its words.
  const local = readable.filter((p) => p.article.locales.includes(v.locale));
  const target = rng.weighted(local.length > 0 ? local : readable, weight);
  const query = rng.pick(wordsFor(target, v.locale));
  // As the search box reports it: `total`, full matches only (SPEC §4).
  const results = story.searchTotal(query, v.locale);
  send(v, { type: 'search', ...home, query, results }, rng.int(3, 15));
  if (rng.chance(0.7)) {
    send(v, { type: 'search_click', ...home, query, position: rng.weighted([1, 2, 3, 4], (n) => 5 - n) }, rng.int(2, 9));
    read(rng, v, target, story, progress, contacts);
  } else if (rng.chance(0.12)) {
    send(v, { type: 'contact', ...home, via: 'cta' }, rng.int(5, 40));
  }
}
