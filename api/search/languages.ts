/** Per-locale lunr analysis: which trimmer, stop words and stemmer each search language uses. */
import lunr from 'lunr';
import stemmerSupport from 'lunr-languages/lunr.stemmer.support.js';
import russian from 'lunr-languages/lunr.ru.js';
import type { LocaleInfo } from '../../db/shared/locales.ts';
import { ZWNJ, terms } from './normalize.ts';
import { PERSIAN_STOP_WORDS, persianStem } from './lang/persian.ts';
import { MALAY_STOP_WORDS, malayStem } from './lang/malay.ts';
import { ENGLISH_BUILT_IN_GROUPS, ENGLISH_FRAMING_WORDS, englishFamilies, englishForm } from './lang/english.ts';

// Registrations live on the shared lunr module; a second copy of this file (the build inside `npm start`)
// reuses the first one's instead of overwriting them.
if (!('ru' in lunr)) {
  stemmerSupport(lunr);
  russian(lunr);
}
const registered = (lunr.Pipeline as unknown as { registeredFunctions: Record<string, lunr.PipelineFunction> }).registeredFunctions;
function register(label: string, fn: lunr.PipelineFunction): lunr.PipelineFunction {
  if (!registered[label]) lunr.Pipeline.registerFunction(fn, label);
  return registered[label]!;
}

type Fn = lunr.PipelineFunction;
const ru = (lunr as unknown as { ru: { stemmer: Fn; stopWordFilter: Fn } }).ru;
const english = lunr.stemmer as Fn;

/** Our tokenizer already keeps only letters and digits; this drops empty tokens and the ZWNJ inside words. */
const unicodeTrimmer = register('trimmer-unicode', (token) => {
  const text = token.toString();
  if (!text.length) return null;
  return text.includes(ZWNJ) ? token.update(() => text.replaceAll(ZWNJ, '')) : token;
});
/** Persian keeps the ZWNJ for its stemmer, which reads a suffix after one as certain. */
const persianTrimmer = register('trimmer-fa', (token) => (token.toString().length ? token : null));

// Negated auxiliaries ("client cant book", "won't open") carry no topic; requiring them would find nothing.
const CONTRACTIONS = new Set(
  "don't dont doesn't doesnt didn't didnt can't cant won't wont isn't isnt aren't arent wasn't wasnt weren't werent haven't havent hasn't hasnt wouldn't wouldnt shouldn't shouldnt couldn't couldnt i'm im i've ive i'd i'll".split(' '),
);
const englishStopWords = register('stopwords-en', (token, i, tokens) =>
  CONTRACTIONS.has(token.toString()) ? null : (lunr.stopWordFilter as Fn)(token, i, tokens),
);

const CYRILLIC = /[\u0400-\u04FF]/;
const LATIN = /^[a-z0-9']+$/;
/** Russian pages name English products (Stripe, Google): stem each word in its own script. */
const russianStemmer = register('stemmer-ru-en', (token, i, tokens) =>
  CYRILLIC.test(token.toString()) ? ru.stemmer(token, i, tokens) : english(token, i, tokens),
);

const persianStopWords = register('stopwords-fa', (token) => (PERSIAN_STOP_WORDS.has(token.toString().replaceAll(ZWNJ, '')) ? null : token));
/** Persian words get the light Persian stemmer, Latin ones (Google, Stripe) the English one. */
const persianStemmer = register('stemmer-fa', (token, i, tokens) => {
  const text = token.toString();
  if (LATIN.test(text)) return english(token, i, tokens);
  const stem = persianStem(text);
  return stem && !PERSIAN_STOP_WORDS.has(stem) ? token.update(() => stem) : null;
});

const malayStopWords = register('stopwords-ms', (token) => (MALAY_STOP_WORDS.has(token.toString()) ? null : token));
const malayStemmer = register('stemmer-ms', (token) => token.update(() => malayStem(token.toString())));

export type SearchLanguage = LocaleInfo['search'];

/** Functions a word goes through when indexed and when searched: trimmed, stop words dropped, stemmed. */
export function pipelineFor(language: SearchLanguage): Fn[] {
  switch (language) {
    case 'en':
      return [unicodeTrimmer, englishStopWords, english];
    case 'ru':
      return [unicodeTrimmer, ru.stopWordFilter, russianStemmer];
    case 'fa':
      return [persianTrimmer, persianStopWords, persianStemmer];
    case 'ms':
      return [unicodeTrimmer, malayStopWords, malayStemmer];
    case 'unicode':
      // A language we have no stemmer for: exact (normalised) Unicode words.
      return [unicodeTrimmer];
  }
}

/** The word forms of one stem in the articles, each with whether it was also seen in the plural. */
export type WordForms = ReadonlyMap<string, { plural: boolean }>;

/**
 * For languages whose stemmer joins words a reader keeps apart (English: "a booking" and "books" are both "book"): the
 * form a word is told apart by, and how a stem's forms split into families; undefined where every word of a stem counts
 * the same.
 */
export function wordFamilies(language: SearchLanguage): { formOf: (word: string) => string; split: (forms: WordForms) => string[][] | undefined } | undefined {
  return language === 'en' ? { formOf: englishForm, split: englishFamilies } : undefined;
}

/** Words a query of this language does not require (they frame the request); see lang/english.ts. */
export function framingWords(language: SearchLanguage): ReadonlySet<string> {
  return language === 'en' ? ENGLISH_FRAMING_WORDS : new Set();
}

/** Synonym groups every index of this language has besides the writers' own (numbers in words and digits). */
export function builtInGroups(language: SearchLanguage): readonly string[][] {
  return language === 'en' ? ENGLISH_BUILT_IN_GROUPS : [];
}

/** A lunr tokenizer that normalises (Persian letters, case) and splits on anything but letters and digits. */
export function tokenizer(text: unknown): lunr.Token[] {
  if (text === null || text === undefined) return [];
  const source = Array.isArray(text) ? text.join(' ') : String(text);
  return terms(source).map((t, i) => new lunr.Token(t, { position: [i, 1], index: i }));
}

/** A function running one normalised word through a pipeline: its stem, or nothing for a stop word. */
export function analyser(fns: Fn[]): (word: string) => string | undefined {
  const pipeline = new lunr.Pipeline();
  pipeline.add(...fns);
  return (word) => pipeline.runString(word)[0];
}

export { lunr };
