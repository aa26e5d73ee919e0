/** Content collections over ../content: articles and categories per locale (docs/contracts.md). */
import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';
import { contentLoader } from './lib/content-loader.ts';
import { synonymSchema, synonymsLoader } from './lib/synonyms-loader.ts';

const slug = z
  .string({ error: 'must be a slug (lowercase letters, digits and dashes)' })
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a slug (lowercase letters, digits and dashes)');

// Both collections come from the one content reader (api/content/content-files.ts). The entry id is the file's path
// from the project root, so a schema error names the file
// ("articles → content/articles/en/billing/refunds.md … updated: must be a date written YYYY-MM-DD").

const articles = defineCollection({
  loader: contentLoader('articles'),
  schema: z.object({
    /** The article's headline, shown as its <h1>, in lists and in search results (boosted highest). */
    title: z.string({ error: 'must be text: the article headline' }).min(3, 'must be at least 3 characters').max(120, 'must be at most 120 characters'),
    /** One sentence under the title and in search results; also the page's meta description. */
    description: z.string({ error: 'must be text: one sentence describing the article' }).min(10, 'must be at least 10 characters').max(160, 'must be at most 160 characters'),
    /** The slug of the category the article belongs to; must match the folder it sits in. */
    category: slug,
    /** Free keywords; they help search and the reports group articles. */
    tags: z.array(z.string({ error: 'must be a word or short phrase' }).min(1).max(40, 'must be at most 40 characters'), { error: 'must be a list of words, like [refunds, cards]' }).max(20).default([]),
    /** When the article was last changed, written YYYY-MM-DD; shown as "Updated". */
    updated: z.coerce.date({ error: 'must be a date written YYYY-MM-DD' }),
    /** Position within its category (lower first); articles without one follow, by title. */
    order: z.number({ error: 'must be a number' }).int().min(0).max(10_000).optional(),
    /** Slugs of articles to list under "Related articles"; missing ones are skipped. */
    related: z.array(slug, { error: 'must be a list of article slugs' }).max(10).default([]),
    /** Pinned first among the home page's popular articles, ahead of the most viewed. */
    promoted: z.boolean({ error: 'must be true or false' }).default(false),
    /** Work in progress: never built, indexed, listed or counted in production; `npm run dev` shows it with a banner. */
    draft: z.boolean({ error: 'must be true or false' }).default(false),
  }),
});

const categories = defineCollection({
  loader: contentLoader('categories'),
  schema: z.object({
    /** The category's name, shown on the home page and as its page heading. */
    title: z.string({ error: 'must be text: the category name' }).min(2).max(80),
    /** One sentence under the name on the home page. */
    description: z.string({ error: 'must be text: one sentence describing the category' }).min(5).max(200),
    /** Position on the home page (lower first). */
    order: z.number({ error: 'must be a number' }).int().min(0).max(1000),
    /** Helpdesk ticket tags that belong to this topic: the link between reads and tickets. */
    ticketTags: z.array(z.string({ error: 'must be a ticket tag written as text' }).min(1).max(60), { error: 'must be a list of ticket tags' }).max(50).default([]),
    /** Helpdesk ticket types that belong to this topic. */
    ticketTypes: z.array(z.string({ error: 'must be a ticket type written as text' }).min(1).max(60), { error: 'must be a list of ticket types' }).max(50).default([]),
  }),
});

/** Words customers use that articles do not, per locale: content/synonyms/<locale>.yml (docs/writing.md). */
const synonyms = defineCollection({ loader: synonymsLoader(), schema: synonymSchema });

export const collections = { articles, categories, synonyms };
