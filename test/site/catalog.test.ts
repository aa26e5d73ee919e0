import { describe, expect, it } from 'vitest';
import { buildCatalog, type CatalogInput } from '../../site/lib/site-catalog.ts';
import { alternates } from '../../site/lib/alternates.ts';
import { tableOfContents } from '../../site/lib/toc.ts';
import { breadcrumbs } from '../../site/lib/breadcrumbs.ts';

const category = (id: string, title: string, order = 1) => ({ id, data: { title, description: `${title}.`, order } });
const article = (id: string, title: string, extra: Partial<{ order: number; related: string[] }> = {}) => ({
  id,
  data: {
    title,
    description: `${title}.`,
    category: id.split('/')[3]!,
    tags: [],
    updated: new Date('2026-01-01'),
    related: [],
    ...extra,
  },
  body: 'Text.',
});

const input: CatalogInput = {
  categories: [
    category('content/categories/en/billing.md', 'Billing', 2),
    category('content/categories/en/start.md', 'Getting started', 1),
    category('content/categories/fa/billing.md', 'صورتحساب', 2),
  ],
  articles: [
    article('content/articles/en/billing/refunds.md', 'Refunds', { order: 2, related: ['missing', 'invoices'] }),
    article('content/articles/en/billing/invoices.md', 'Invoices', { order: 1 }),
    article('content/articles/en/billing/cards.md', 'Cards'),
    article('content/articles/en/start/setup.md', 'Setup'),
    article('content/articles/fa/billing/refunds.md', 'بازپرداخت'),
  ],
};

describe('catalog', () => {
  const catalog = buildCatalog(input);

  it('lists categories and articles in their order, then by title', () => {
    expect(catalog.categories('en').map((c) => c.slug)).toEqual(['start', 'billing']);
    expect(catalog.articles('en', 'billing').map((a) => a.slug)).toEqual(['invoices', 'refunds', 'cards']);
  });

  it('finds related articles that exist, then fills from the same category', () => {
    expect(catalog.related(catalog.article('en', 'refunds')!).map((a) => a.slug)).toEqual(['invoices', 'cards']);
  });

  it('knows which locales translate an article', () => {
    expect(catalog.translations('refunds')).toEqual(['en', 'fa']);
  });

  it('names the file when an article sits in the wrong folder, or its category or locale is unknown', () => {
    const bad: CatalogInput = {
      categories: input.categories,
      articles: [
        { ...article('content/articles/en/billing/x.md', 'X'), data: { ...article('content/articles/en/billing/x.md', 'X').data, category: 'start' } },
        article('content/articles/fa/start/y.md', 'Y'),
        article('content/articles/de/billing/z.md', 'Z'),
      ],
    };
    expect(() => buildCatalog(bad)).toThrow(/content\/articles\/en\/billing\/x\.md: category "start" does not match its folder "billing"/);
    expect(() => buildCatalog(bad)).toThrow(/content\/articles\/fa\/start\/y\.md: category "start" has no content\/categories\/fa\/start\.md/);
    expect(() => buildCatalog(bad)).toThrow(/content\/articles\/de\/billing\/z\.md: "de" is not a locale/);
  });

  it('links each locale to the same article where it exists, else to the default-locale article, never a 404', () => {
    const links = alternates({ kind: 'article', slug: 'refunds' }, catalog);
    expect(links.find((l) => l.locale === 'en')).toMatchObject({ href: '/articles/refunds', exact: true });
    expect(links.find((l) => l.locale === 'fa')).toMatchObject({ href: '/fa/articles/refunds', exact: true });
    expect(links.find((l) => l.locale === 'ru')).toMatchObject({ href: '/articles/refunds', exact: false, untranslated: true });
    expect(alternates({ kind: 'category', slug: 'start' }, catalog).find((l) => l.locale === 'fa')).toMatchObject({ href: '/fa/', exact: false });
  });

  it('lists the default locale\'s articles for a category that has none in a locale, and says so', () => {
    const withStart = buildCatalog({ ...input, categories: [...input.categories, category('content/categories/fa/start.md', 'شروع', 1)] });
    expect(withStart.listing('fa', 'start')).toMatchObject({ fallback: true, articles: [{ slug: 'setup', locale: 'en' }] });
    expect(withStart.listing('fa', 'billing')).toMatchObject({ fallback: false, articles: [{ slug: 'refunds', locale: 'fa' }] });
    expect(withStart.listing('en', 'billing').fallback).toBe(false);
  });

  it('leaves drafts out of every list, translation and relation unless asked for (the dev server)', () => {
    const draft = article('content/articles/en/billing/new-plans.md', 'New plans', {});
    (draft.data as { draft?: boolean }).draft = true;
    const withDraft: CatalogInput = { ...input, articles: [...input.articles, draft] };
    const live = buildCatalog(withDraft);
    expect(live.article('en', 'new-plans')).toBeUndefined();
    expect(live.articles('en').map((a) => a.slug)).not.toContain('new-plans');
    expect(live.translations('new-plans')).toEqual([]);
    expect(live.related(live.article('en', 'cards')!).map((a) => a.slug)).not.toContain('new-plans');
    expect(buildCatalog(withDraft, { drafts: true }).article('en', 'new-plans')?.draft).toBe(true);
  });
});

describe('page helpers', () => {
  it('nests ### headings under the ## before them', () => {
    const toc = tableOfContents([
      { depth: 3, slug: 'intro', text: 'Intro' },
      { depth: 2, slug: 'a', text: 'A' },
      { depth: 3, slug: 'a1', text: 'A1' },
      { depth: 4, slug: 'deep', text: 'Deep' },
      { depth: 2, slug: 'b', text: 'B' },
    ]);
    expect(toc.map((e) => [e.slug, e.children.map((c) => c.slug)])).toEqual([['intro', []], ['a', ['a1']], ['b', []]]);
  });

  it('builds breadcrumbs with locale-prefixed links and the current page last', () => {
    const catalog = buildCatalog(input);
    expect(breadcrumbs('fa', 'خانه', catalog.category('fa', 'billing'), 'بازپرداخت')).toEqual([
      { label: 'خانه', href: '/fa/' },
      { label: 'صورتحساب', href: '/fa/categories/billing' },
      { label: 'بازپرداخت' },
    ]);
  });
});
