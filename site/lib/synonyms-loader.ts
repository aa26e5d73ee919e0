/** The `synonyms` content collection: one entry per content/synonyms/<locale>.yml, checked line by line at build time. */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type { Loader } from 'astro/loaders';
import { z } from 'astro/zod';
import { LOCALE_CODES } from '../../db/shared/locales.ts';
import { SynonymFileError, parseSynonyms } from '../../api/search/synonyms.ts';

export const synonymSchema = z.object({
  /** The file, from the project root (for messages). */
  file: z.string(),
  rules: z.array(z.object({ kind: z.enum(['group', 'oneWay']), phrases: z.array(z.string()), line: z.number() })),
});

/** Reads every synonym file; a mistake fails the build (and `astro dev` shows it) with file, line and column. */
export function synonymsLoader(): Loader {
  return {
    name: 'kb:synonyms',
    load: async ({ store, config, watcher, parseData }) => {
      const dir = fileURLToPath(new URL('./content/synonyms/', config.root));
      const sync = async () => {
        store.clear();
        if (!existsSync(dir)) return;
        for (const name of readdirSync(dir).sort()) {
          if (!/\.ya?ml$/.test(name)) continue;
          const file = `content/synonyms/${name}`;
          const locale = name.replace(/\.ya?ml$/, '');
          if (!(LOCALE_CODES as readonly string[]).includes(locale)) {
            throw new SynonymFileError(file, 1, 1, `"${locale}" is not a locale of this help center (${LOCALE_CODES.join(', ')}); name the file <locale>.yml`);
          }
          const rules = parseSynonyms(readFileSync(join(dir, name), 'utf8'), file);
          store.set({ id: locale, data: await parseData({ id: locale, data: { file, rules } }) });
        }
      };
      await sync();
      watcher?.add(dir);
      watcher?.on('all', (_event, path) => {
        if (path.startsWith(dir)) void sync().catch((err: unknown) => console.error(err instanceof Error ? err.message : err));
      });
    },
  };
}
