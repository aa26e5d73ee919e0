/** What a stored request looks like to the helpdesk: the webhook's JSON body and the email's text, built from one row. */
import type { ContactRequestRow } from '../../db/store.ts';
import { contactReference } from './reference.ts';

export interface ArticleRef {
  slug: string;
  url: string;
  /** The article's title when the running site knows it. */
  title?: string;
}

/** The webhook body (docs/contact.md documents every field). */
export interface ContactPayload {
  type: 'contact.request';
  /** The idempotency key: the same for every delivery attempt of this request. */
  id: string;
  /** The short reference the customer was shown on the confirmation page (KB-7F3Q2). */
  reference: string;
  createdAt: string;
  email: string;
  subject: string;
  message: string;
  account: string | null;
  locale: string;
  fromArticle: ArticleRef | null;
  viewedArticles: ArticleRef[];
}

/** Looks up an article's title for a slug and locale; undefined when unknown. */
export type TitleLookup = (slug: string, locale: string) => string | undefined;

/** The public URL of an article: the default locale `en` lives at the root, the others under /<locale>/. */
export function articleUrl(siteUrl: string, slug: string, locale: string): string {
  const base = siteUrl.replace(/\/+$/, '');
  const prefix = locale === 'en' ? '' : `/${encodeURIComponent(locale)}`;
  return `${base}${prefix}/articles/${encodeURIComponent(slug)}`;
}

export function buildPayload(row: ContactRequestRow, siteUrl: string, titleOf: TitleLookup = () => undefined): ContactPayload {
  const ref = (slug: string): ArticleRef => {
    const title = titleOf(slug, row.locale);
    const out: ArticleRef = { slug, url: articleUrl(siteUrl, slug, row.locale) };
    if (title) out.title = title;
    return out;
  };
  return {
    type: 'contact.request',
    id: row.key,
    reference: contactReference(row.id),
    createdAt: new Date(row.createdAt).toISOString(),
    email: row.email,
    subject: row.subject,
    message: row.message,
    account: row.account,
    locale: row.locale,
    fromArticle: row.fromArticle ? ref(row.fromArticle) : null,
    viewedArticles: row.viewedArticles.map(ref),
  };
}

const line = (a: ArticleRef) => `- ${a.title ? `${a.title} ` : ''}${a.url}`;

/** The plain-text email body: the message first, then what the agent should know. */
export function emailText(p: ContactPayload): string {
  const parts = [p.message, '', '---', `From: ${p.email}`];
  if (p.account) parts.push(`Order or account: ${p.account}`);
  parts.push(`Language: ${p.locale}`, `Sent: ${p.createdAt}`);
  if (p.fromArticle) parts.push(`Came from: ${p.fromArticle.title ? `${p.fromArticle.title} ` : ''}${p.fromArticle.url}`);
  parts.push('', 'Articles read in this session:');
  parts.push(...(p.viewedArticles.length > 0 ? p.viewedArticles.map(line) : ['(none)']));
  parts.push('', `Reference: ${p.reference}`, `Request id: ${p.id}`);
  return parts.join('\n');
}
