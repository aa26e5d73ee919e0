/** Builds a lunr index for one locale and serialises it with the documents, words and synonyms it answers with. */
import { analyser, lunr, pipelineFor, tokenizer, wordFamilies, type SearchLanguage, type WordForms } from './languages.ts';
import { toSearchDocument, type SearchSource, type StoredDoc } from './documents.ts';
import { terms } from './normalize.ts';
import { SynonymFileError, type SynonymRule } from './synonyms.ts';

// 4: Malay keeps pe- before l (pelanggan), so a Malay index built before stems differently.
export const INDEX_VERSION = 4;

/** A locale's synonym rules and the file they came from (for error messages). */
export interface SynonymSource {
  file: string;
  rules: SynonymRule[];
}

/** The JSON written at build time and loaded by the server. */
export interface SerializedIndex {
  version: typeof INDEX_VERSION;
  locale: string;
  language: SearchLanguage;
  docs: StoredDoc[];
  index: object;
  /** Every word of the articles as written (normalised, sorted) and its stem: typo tolerance and typing prefixes work on these. */
  words: [word: string, stem: string][];
  synonyms: SynonymRule[];
  /**
   * Stems that stand for more than one word (English: "book" for "a booking" and "books"): per word family, its words,
   * the articles that use one of them, and those that do where they say what they are about (title, headings,
   * description, tags).
   */
  families: [stem: string, families: [words: string[], docs: number[], strong: number[]][]][];
}

// The title says what an article is about; headings, description and tags say it nearly as well.
// Each field multiplies the work per query term, so tags share the description's field.
export const FIELD_BOOSTS = { title: 10, headings: 4, description: 3, body: 1 } as const;

/** Indexes every article of one locale. Document refs are positions in `docs`. */
export function buildIndex(
  locale: string,
  language: SearchLanguage,
  sources: readonly SearchSource[],
  synonyms: SynonymSource = { file: `content/synonyms/${locale}.yml`, rules: [] },
): SerializedIndex {
  const docs: StoredDoc[] = [];
  const fns = pipelineFor(language);
  const stem = analyser(fns);
  const words = new Map<string, string>();
  const families = wordFamilies(language);
  const forms = new Map<string, Map<string, FormUse>>();
  const index = lunr(function () {
    this.tokenizer = tokenizer as unknown as typeof lunr.tokenizer;
    this.pipeline.reset();
    this.pipeline.add(...fns);
    this.searchPipeline.reset();
    this.searchPipeline.add(...fns);
    this.ref('id');
    for (const [field, boost] of Object.entries(FIELD_BOOSTS)) this.field(field, { boost });
    sources.forEach((source, i) => {
      const { indexed, stored } = toSearchDocument(source, i);
      docs.push(stored);
      this.add(indexed);
      for (const [field, text] of Object.entries({ title: indexed.title, headings: indexed.headings, description: indexed.description, body: indexed.body })) {
        for (const word of terms(text)) {
          if (!words.has(word)) {
            const s = stem(word);
            if (s !== undefined) words.set(word, s);
          }
          const s = words.get(word);
          if (families && s !== undefined) noteForm(forms, s, families.formOf(word), word, i, field !== 'body');
        }
      }
    });
  });
  checkSynonyms(synonyms, stem);
  return {
    version: INDEX_VERSION,
    locale,
    language,
    docs,
    index: index.toJSON(),
    words: [...words].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
    synonyms: synonyms.rules,
    families: families ? familiesOf(forms, families.split) : [],
  };
}

/** Where one word form of a stem is used. */
interface FormUse {
  /** Seen in the plural too ("bookings"). */
  plural: boolean;
  docs: Set<number>;
  strong: Set<number>;
}

function noteForm(forms: Map<string, Map<string, FormUse>>, stem: string, form: string, word: string, doc: number, strong: boolean): void {
  let byForm = forms.get(stem);
  if (!byForm) forms.set(stem, (byForm = new Map()));
  let use = byForm.get(form);
  if (!use) byForm.set(form, (use = { plural: false, docs: new Set(), strong: new Set() }));
  if (word !== form) use.plural = true;
  use.docs.add(doc);
  if (strong) use.strong.add(doc);
}

/** The stems the language splits into families, each family with the articles using any of its words. */
function familiesOf(forms: Map<string, Map<string, FormUse>>, split: (forms: WordForms) => string[][] | undefined): SerializedIndex['families'] {
  const out: SerializedIndex['families'] = [];
  for (const [stem, byForm] of forms) {
    const groups = split(byForm);
    if (!groups) continue;
    const union = (words: string[], pick: (use: FormUse) => Set<number>) =>
      [...new Set(words.flatMap((w) => [...pick(byForm.get(w)!)]))].sort((a, b) => a - b);
    out.push([stem, groups.map((words) => [words, union(words, (u) => u.docs), union(words, (u) => u.strong)])]);
  }
  return out;
}

/** A phrase made only of stop words ("how to") can never be searched for: say so at build time, with the line. */
function checkSynonyms({ file, rules }: SynonymSource, stem: (word: string) => string | undefined): void {
  for (const rule of rules) {
    for (const phrase of rule.phrases) {
      if (!terms(phrase).some((w) => stem(w) !== undefined)) {
        throw new SynonymFileError(file, rule.line, 1, `"${phrase}" has only words search ignores (stop words such as "how", "the", "to")`);
      }
    }
  }
}
