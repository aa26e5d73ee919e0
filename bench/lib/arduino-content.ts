/**
 * The 303 real Arduino Help Center articles (../shared/data/real/articles) written out twice, once as our content
 * and once as Starlight docs, with the same bodies, so both builds do the same Markdown work.
 */
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { REAL_DIR } from './corpus.ts';

interface RealArticle {
  /** Path under the content folder, e.g. `Store Support/Shipping/track-your-order.md`. */
  rel: string;
  slug: string;
  category: string;
  title: string;
  draft: boolean;
  body: string;
}

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? files(join(dir, n)) : n.endsWith('.md') ? [join(dir, n)] : []));
}

const slugify = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

export function realArticlesWithPaths(dir = REAL_DIR): RealArticle[] {
  return files(dir).sort().map((file) => {
    const raw = readFileSync(file, 'utf8');
    const fm = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(raw);
    const rel = relative(dir, file);
    const title = (/^title:\s*(.*)$/m.exec(fm?.[1] ?? '')?.[1] ?? basename(file, '.md')).trim().replace(/^"(.*)"$/, '$1').replace(/\\"/g, '"');
    // Images were not copied with the articles: point them at a remote address, which neither build fetches or
    // optimises, instead of letting both fail on a missing local file.
    const body = (fm ? raw.slice(fm[0].length) : raw).replace(/\]\((?:\.\/)?img\//g, '](https://example.com/img/');
    return { rel, slug: slugify(basename(file, '.md')), category: rel.split('/')[0]!, title, draft: /^draft:\s*true\s*$/m.test(fm?.[1] ?? ''), body };
  });
}

/** One sentence of plain text for a description: the first paragraph without Markdown, 10 to 160 characters. */
function describe(a: RealArticle): string {
  const para = a.body.split(/\n\s*\n/).map((p) => p.replace(/[#>*_`[\]!]|\(https?:[^)]*\)|<[^>]+>/g, '').replace(/\s+/g, ' ').trim()).find((p) => p.length >= 10);
  const text = (para ?? `${a.title}, from the Arduino Help Center.`).slice(0, 157);
  return text.length < (para ?? '').length ? `${text.replace(/\s+\S*$/, '')}…` : text;
}

const yaml = (s: string) => JSON.stringify(s);

/** content/articles/en/<category>/<slug>.md and content/categories/en/<category>.md under `root`. */
export function writeOurContent(root: string, articles = realArticlesWithPaths()): void {
  const categories = [...new Set(articles.map((a) => a.category))];
  mkdirSync(join(root, 'content/categories/en'), { recursive: true });
  categories.forEach((c, i) =>
    writeFileSync(join(root, `content/categories/en/${slugify(c)}.md`), `---\ntitle: ${yaml(c)}\ndescription: ${yaml(`Arduino Help Center: ${c}.`)}\norder: ${i}\n---\n`),
  );
  for (const a of articles) {
    const file = join(root, `content/articles/en/${slugify(a.category)}/${a.slug}.md`);
    mkdirSync(dirname(file), { recursive: true });
    const fm = [`title: ${yaml(a.title.slice(0, 120))}`, `description: ${yaml(describe(a))}`, `category: ${slugify(a.category)}`, 'updated: 2026-01-01', ...(a.draft ? ['draft: true'] : [])];
    writeFileSync(file, `---\n${fm.join('\n')}\n---\n${a.body}`);
  }
}

/** src/content/docs/<same folders>/<slug>.md for Starlight, plus its home page. */
export function writeStarlightContent(root: string, articles = realArticlesWithPaths()): void {
  const docs = join(root, 'src/content/docs');
  mkdirSync(docs, { recursive: true });
  writeFileSync(join(docs, 'index.md'), '---\ntitle: Arduino Help Center\n---\nGuides and answers.\n');
  for (const a of articles) {
    const file = join(docs, dirname(a.rel), `${a.slug}.md`);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, `---\ntitle: ${yaml(a.title)}\ndescription: ${yaml(describe(a))}\n${a.draft ? 'draft: true\n' : ''}---\n${a.body}`);
  }
}

/** The file of one article in each project, to change between builds. */
export function articleFile(project: 'ours' | 'starlight', root: string, articles = realArticlesWithPaths()): string {
  const a = articles.find((x) => !x.draft)!;
  return project === 'ours' ? join(root, `content/articles/en/${slugify(a.category)}/${a.slug}.md`) : join(root, 'src/content/docs', dirname(a.rel), `${a.slug}.md`);
}
