/** Per-locale lunr analysis: which trimmer, stop words and stemmer each search language uses. */
import lunr from 'lunr';
import stemmerSupport from 'lunr-languages/lunr.stemmer.support.js';
import russian from 'lunr-languages/lunr.ru.js';
import type { LocaleInfo } from '../../db/shared/locales.ts';
import { terms } from './normalize.ts';

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

/** Our tokenizer already keeps only letters and digits, so the trimmer only drops empty tokens. */
const unicodeTrimmer = register('trimmer-unicode', (token) => (token.toString().length ? token : null));

const CYRILLIC = /[\u0400-\u04FF]/;
/** Russian pages name English products (Stripe, Google): stem each word in its own script. */
const russianStemmer = register('stemmer-ru-en', (token, i, tokens) =>
  CYRILLIC.test(token.toString()) ? ru.stemmer(token, i, tokens) : (lunr.stemmer as Fn)(token, i, tokens),
);

export type SearchLanguage = LocaleInfo['search'];

/** Functions a word goes through when indexed (`index`) and when searched (`query`). */
export function pipelineFor(language: SearchLanguage): { index: Fn[]; query: Fn[] } {
  switch (language) {
    case 'en':
      return { index: [unicodeTrimmer, lunr.stopWordFilter, lunr.stemmer], query: [unicodeTrimmer, lunr.stemmer] };
    case 'ru':
      return { index: [unicodeTrimmer, ru.stopWordFilter, russianStemmer], query: [unicodeTrimmer, russianStemmer] };
    case 'unicode':
      // lunr-languages has no Persian or Malay; exact (normalised) Unicode words work for both.
      return { index: [unicodeTrimmer], query: [unicodeTrimmer] };
  }
}

/** A lunr tokenizer that normalises (Persian letters, ZWNJ, case) and splits on anything but letters. */
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
