/** Article sets for benchmarks: the real Arduino help center (../shared/data/real/articles) and generated ones. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { SearchSource } from '../../api/search/documents.ts';

export const REAL_DIR = '/work/shared/data/real/articles/arduino-help-center-content/content';

function markdownFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? markdownFiles(path) : name.endsWith('.md') ? [path] : [];
  });
}

/** The 303 real articles as search sources; title from front matter, category from the first folder. */
export function realArticles(dir = REAL_DIR): SearchSource[] {
  return markdownFiles(dir).map((file) => {
    const raw = readFileSync(file, 'utf8');
    const fm = /^---\n([\s\S]*?)\n---\n?/.exec(raw);
    const title = /^title:\s*"?(.*?)"?\s*$/m.exec(fm?.[1] ?? '')?.[1] ?? file;
    const body = fm ? raw.slice(fm[0].length) : raw;
    const rel = relative(dir, file);
    const slug = rel.replace(/\.md$/, '').replace(/[^a-zA-Z0-9]+/g, '-').toLowerCase();
    const firstParagraph = body.split('\n').find((l) => /^[A-Za-z]/.test(l)) ?? title;
    return { slug, url: `/articles/${slug}`, title, description: firstParagraph.slice(0, 160), category: rel.split('/')[0]!, tags: [], body };
  });
}

/** A seeded generator, so every run measures the same articles and queries. */
export function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Words of the real help center by frequency, to write generated articles in a realistic vocabulary. */
function vocabulary(): string[] {
  const counts = new Map<string, number>();
  for (const a of realArticles()) {
    for (const w of a.body.toLowerCase().match(/[a-z][a-z']{1,20}/g) ?? []) counts.set(w, (counts.get(w) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([w]) => w);
}

export interface GeneratedArticle extends SearchSource {
  categorySlug: string;
}

/** `count` articles of about 400 words each in 7 categories, with headings, a title and a description. */
export function generatedArticles(count: number, seed = 42): GeneratedArticle[] {
  const words = vocabulary();
  const rnd = random(seed);
  // Zipf's law: the word of frequency rank r comes up about 1/r as often as the most frequent one.
  const word = () => words[Math.min(words.length - 1, Math.floor(Math.exp(rnd() * Math.log(words.length))) - 1)]!;
  const phrase = (n: number) => Array.from({ length: n }, word).join(' ');
  const sentence = () => {
    const s = phrase(6 + Math.floor(rnd() * 12));
    return `${s[0]!.toUpperCase()}${s.slice(1)}.`;
  };
  return Array.from({ length: count }, (_, i) => {
    const title = `${phrase(3 + Math.floor(rnd() * 4))} ${i}`.replace(/^./, (c) => c.toUpperCase());
    const sections = Array.from({ length: 3 + Math.floor(rnd() * 3) }, () => {
      const paragraphs = Array.from({ length: 2 }, () => Array.from({ length: 4 }, sentence).join(' '));
      return `## ${phrase(3).replace(/^./, (c) => c.toUpperCase())}\n\n${paragraphs.join('\n\n')}`;
    });
    const categorySlug = `topic-${i % 7}`;
    const slug = `article-${i}`;
    return {
      slug,
      url: `/articles/${slug}`,
      title,
      description: sentence().slice(0, 150),
      category: `Topic ${i % 7}`,
      categorySlug,
      tags: [word(), word()],
      body: sections.join('\n\n'),
    };
  });
}

/** `count` queries of one to three consecutive words taken from random articles, as people type them. */
export function queriesFrom(sources: readonly SearchSource[], count = 200, seed = 7): string[] {
  const rnd = random(seed);
  const out: string[] = [];
  while (out.length < count) {
    const doc = sources[Math.floor(rnd() * sources.length)]!;
    const words = `${doc.title} ${doc.body}`.match(/[A-Za-z][a-z]{2,}/g) ?? [];
    if (words.length < 3) continue;
    const n = 1 + Math.floor(rnd() * 3);
    const start = Math.floor(rnd() * (words.length - n));
    out.push(words.slice(start, start + n).join(' ').toLowerCase());
  }
  return out;
}

/** `count` queries of one to three words drawn uniformly from the corpus' distinct words (as PERF-BASELINES.md did). */
export function randomWordQueries(sources: readonly SearchSource[], count = 200, seed = 11): string[] {
  const rnd = random(seed);
  const vocabulary = [...new Set(sources.flatMap((s) => `${s.title} ${s.body}`.toLowerCase().match(/[a-z]{3,}/g) ?? []))];
  return Array.from({ length: count }, () =>
    Array.from({ length: 1 + Math.floor(rnd() * 3) }, () => vocabulary[Math.floor(rnd() * vocabulary.length)]!).join(' '),
  );
}
