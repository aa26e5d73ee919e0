/** The articles the content defines, read straight from content/ (not through the code under test): published and drafts. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface ContentArticle {
  locale: string;
  category: string;
  slug: string;
  draft: boolean;
  /** The page's path on the site (`en` at the root). */
  path: string;
}

const articlesDir = fileURLToPath(new URL('../../content/articles', import.meta.url));

export function contentArticles(): ContentArticle[] {
  return readdirSync(articlesDir).flatMap((locale) =>
    readdirSync(join(articlesDir, locale)).flatMap((category) =>
      readdirSync(join(articlesDir, locale, category)).map((file) => {
        const slug = file.replace(/\.md$/, '');
        const draft = /^draft: true$/m.test(readFileSync(join(articlesDir, locale, category, file), 'utf8'));
        return { locale, category, slug, draft, path: `${locale === 'en' ? '' : `/${locale}`}/articles/${slug}` };
      }),
    ),
  );
}
