/**
 * The `articles` and `categories` content collections, read through the one content reader
 * (api/content/content-files.ts) that the reports' catalog and the demo use too. Entries keep the ids the site has
 * always had (the file's path from the project root, so a schema error names the file); an unchanged file keeps its
 * stored entry and rendering between builds, like Astro's glob loader.
 */
import { fileURLToPath, pathToFileURL } from 'node:url';
import { relative, sep } from 'node:path';
import type { Loader, LoaderContext } from 'astro/loaders';
import { contentPaths, readContentFile, type ContentKind } from '../../api/content/content-files.ts';

async function loadAll(kind: ContentKind, ctx: LoaderContext, contentDir: string): Promise<void> {
  const { store, parseData, renderMarkdown, generateDigest } = ctx;
  const seen = new Set<string>();
  for (const rel of await contentPaths(contentDir, kind)) {
    const file = await readContentFile(contentDir, kind, rel);
    seen.add(file.id);
    const digest = generateDigest(file.text);
    const stored = store.get(file.id);
    if (stored?.digest === digest && (kind !== 'articles' || stored.rendered)) continue;
    const data = await parseData({ id: file.id, data: file.data, filePath: file.path });
    const rendered = kind === 'articles' ? await renderMarkdown(file.text, { fileURL: pathToFileURL(file.path) }) : undefined;
    store.set({ id: file.id, data, body: file.body, filePath: file.id, digest, ...(rendered ? { rendered } : {}) });
  }
  for (const id of store.keys()) if (!seen.has(id)) store.delete(id);
}

/** Loads content/<kind>/ into its collection; under `astro dev`, again whenever a file there changes. */
export function contentLoader(kind: ContentKind): Loader {
  return {
    name: `kb:${kind}`,
    load: async (ctx) => {
      const contentDir = fileURLToPath(new URL('./content/', ctx.config.root));
      await loadAll(kind, ctx, contentDir);
      const dir = `${contentDir}${kind}${sep}`;
      ctx.watcher?.add(dir);
      ctx.watcher?.on('all', (_event, path) => {
        if (!path.startsWith(dir) || !path.endsWith('.md')) return;
        loadAll(kind, ctx, contentDir).catch((err: unknown) =>
          ctx.logger.error(`${relative(contentDir, path)}: ${err instanceof Error ? err.message : String(err)}`),
        );
      });
    },
  };
}
