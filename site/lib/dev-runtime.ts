/** The runtime `astro dev` uses: the real database and config, with search built from the current content. */
import { createRuntime, type Runtime } from '../../api/runtime.ts';
import { loadConfig } from '../../api/env.ts';
import { LOCALE_CODES, localeInfo } from '../../db/shared/locales.ts';
import { loadCatalog } from './load-catalog.ts';
import { buildIndex } from '../../api/search/build-index.ts';
import { searchService } from '../../api/search/service.ts';
import { searchSources } from './search-sources.ts';
import { loadSynonyms } from './load-synonyms.ts';

let runtime: Promise<Runtime> | undefined;

export function devRuntime(): Promise<Runtime> {
  runtime ??= (async () => {
    const catalog = await loadCatalog();
    const indexes = await Promise.all(
      LOCALE_CODES.map(async (l) => buildIndex(l, localeInfo(l).search, searchSources(catalog, l), await loadSynonyms(l))),
    );
    const search = searchService(indexes);
    return createRuntime(loadConfig(), { search });
  })();
  return runtime;
}
