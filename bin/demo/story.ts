/** The story the demo tells: which articles underperform and how, and which topic improves over the 90 days. */
import type { DemoArticle, DemoCategory, DemoContent } from './content.ts';
import type { SearchTotal } from './search.ts';

export type Role = 'unhelpful' | 'drives_contacts' | 'skimmed' | 'no_traffic' | 'rewritten' | 'normal';

/** How visitors treat one article. */
export interface ArticleProfile {
  article: DemoArticle;
  role: Role;
  /** Relative share of traffic (before topic trends). */
  popularity: number;
  /** Chance a vote is "yes". */
  helpful: number;
  /** Chance a reader contacts support right after reading. */
  contact: number;
  /** Engaged time as a share of the expected read time (median). */
  readShare: number;
}

export interface Story {
  profiles: ArticleProfile[];
  /** How many articles the live search would count for a query: what the demo's search events report. */
  searchTotal: SearchTotal;
  /** The topic whose reads rise while its tickets fall. */
  improvingTopic: string | undefined;
  /** An article rewritten on its `updated` date inside the demo's days: contacts after reading fall from then on. */
  rewrite: { slug: string; date: string } | undefined;
  categories: DemoCategory[];
  locales: string[];
}

// Preferred articles for each role in the bundled help center; any article will do when these are absent.
const PREFERRED: Record<Exclude<Role, 'normal' | 'rewritten'>, string[]> = {
  unhelpful: ['lost-your-two-factor-device', 'emails-not-arriving'],
  drives_contacts: ['cancel-your-subscription', 'booking-page-not-loading'],
  skimmed: ['compare-plans', 'staff-roles-and-permissions'],
  no_traffic: ['export-to-quickbooks-or-xero', 'add-a-vat-or-tax-id'],
};
const IMPROVING = ['payments-and-payouts', 'bookings-and-calendar'];
const REWRITTEN = ['fix-calendar-sync-problems', 'sync-clients-with-mailchimp', 'why-did-a-client-payment-fail'];
/** Before and after the rewrite: the chance a reader contacts support, and that a vote is "yes". */
export const REWRITE_EFFECT = { before: { contact: 0.22, helpful: 0.42 }, after: { contact: 0.05, helpful: 0.86 } } as const;

const shift = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/**
 * Assigns one article to each underperforming role and sets every article's behaviour. `days` (first and last day)
 * lets the story pick a rewritten article whose `updated` date leaves four weeks on either side.
 */
export function buildStory(content: DemoContent, searchTotal: SearchTotal, days?: { first: string; last: string }): Story {
  const categories = content.categories;
  const improvingTopic = IMPROVING.find((c) => categories.some((k) => k.slug === c)) ?? categories[0]?.slug;
  const taken = new Set<string>();
  const roles = new Map<string, Role>();
  for (const [role, slugs] of Object.entries(PREFERRED) as [Exclude<Role, 'normal' | 'rewritten'>, string[]][]) {
    const eligible = content.articles.filter((a) => !taken.has(a.slug) && a.category !== improvingTopic);
    const chosen = slugs.map((s) => eligible.find((a) => a.slug === s)).find(Boolean) ?? eligible[(taken.size * 7) % Math.max(1, eligible.length)];
    if (!chosen) continue;
    taken.add(chosen.slug);
    roles.set(chosen.slug, role);
  }
  const inside = (d: string | undefined) => d !== undefined && days !== undefined && d >= shift(days.first, 28) && d <= shift(days.last, -28);
  const rewritten = REWRITTEN.map((s) => content.articles.find((a) => a.slug === s && !taken.has(s) && a.category !== improvingTopic && inside(a.updated))).find(Boolean);
  if (rewritten) roles.set(rewritten.slug, 'rewritten');
  const profiles = content.articles.map((article, i): ArticleProfile => {
    const role = roles.get(article.slug) ?? 'normal';
    // A long tail: a few articles get most reads (Zipf-like by position, stable for a given content set).
    const popularity = role === 'no_traffic' ? 0 : 1 / (1 + ((i * 13) % content.articles.length) * 0.18);
    return {
      article,
      role,
      popularity: role === 'drives_contacts' || role === 'unhelpful' || role === 'rewritten' ? Math.max(popularity, 0.6) : popularity,
      helpful: role === 'unhelpful' ? 0.28 : 0.78 + ((i * 7) % 10) / 60,
      contact: role === 'drives_contacts' ? 0.32 : role === 'unhelpful' ? 0.1 : 0.035 + ((i * 5) % 7) / 400,
      readShare: role === 'skimmed' ? 0.08 : 0.55 + ((i * 3) % 5) / 20,
    };
  });
  return { profiles, searchTotal, improvingTopic, rewrite: rewritten ? { slug: rewritten.slug, date: rewritten.updated! } : undefined, categories, locales: content.locales };
}

/** A reader's chance to contact support, and that a vote is "yes", on `day`: the rewritten article improves on its date. */
export function behaviourOn(story: Story, p: ArticleProfile, day: string): { contact: number; helpful: number } {
  if (p.role !== 'rewritten' || !story.rewrite) return { contact: p.contact, helpful: p.helpful };
  return day < story.rewrite.date ? REWRITE_EFFECT.before : REWRITE_EFFECT.after;
}

/** How much of a topic's normal traffic it gets `progress` (0..1) through the 90 days: the improving topic grows 3x. */
export function readTrend(story: Story, category: string, progress: number): number {
  return category === story.improvingTopic ? 0.6 + 1.2 * progress : 1;
}

/** The improving topic's contact chance and ticket volume shrink as its articles are read more. */
export function ticketTrend(story: Story, category: string, progress: number): number {
  return category === story.improvingTopic ? 1.6 - 1.2 * progress : 1;
}
