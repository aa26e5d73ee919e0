/** A locale's synonym rules from the `synonyms` collection (none when the locale has no file). */
import { getEntry } from 'astro:content';
import type { SynonymSource } from '../../api/search/build-index.ts';

export async function loadSynonyms(locale: string): Promise<SynonymSource> {
  const entry = await getEntry('synonyms', locale);
  return entry ? entry.data : { file: `content/synonyms/${locale}.yml`, rules: [] };
}
