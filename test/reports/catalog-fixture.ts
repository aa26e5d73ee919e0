/** A small hand-made catalog for report tests: three articles in two categories. */
import type { Catalog } from '../../db/shared/catalog.ts';

export const catalog: Catalog = {
  articles: [
    // 1000 words -> expected 300 s at 200 words per minute
    { slug: 'reset-password', locale: 'en', category: 'account', title: 'Reset your password', tags: [], words: 1000, updated: '2026-03-05', edits: ['2026-03-05'] },
    { slug: 'reset-password', locale: 'fa', category: 'account', title: 'بازنشانی رمز', tags: [], words: 900, updated: '2026-03-05', edits: ['2026-03-05'] },
    // 400 words -> 120 s
    { slug: 'billing-faq', locale: 'en', category: 'billing', title: 'Billing FAQ', tags: [], words: 400, updated: '2026-01-10', edits: ['2026-01-10'] },
    { slug: 'empty-article', locale: 'en', category: 'billing', title: 'Nobody reads this', tags: [], words: 200, updated: null, edits: [] },
  ],
  categories: [
    { slug: 'account', locale: 'en', title: 'Account', order: 1, ticketTags: ['login'], ticketTypes: [] },
    { slug: 'billing', locale: 'en', title: 'Billing', order: 2, ticketTags: ['invoice'], ticketTypes: ['billing'] },
  ],
  problems: [],
};
