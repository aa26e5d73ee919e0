/**
 * English word families and the words that frame a request rather than name its topic.
 *
 * lunr's (Porter) stemmer makes one index term of "booking", "bookings", "book", "books" and "booked". Mostly that is
 * right ("uploading" finds "upload", "supported" finds "support"), but where the articles use an -ing word as a noun of
 * its own, a thing that can be counted ("two bookings", "your settings"), it is no longer the verb: a booking is not
 * the books an accountant keeps. Such a noun is a family of its own within its stem. Search still matches the whole
 * stem (strict matching loses nothing), but an article that uses only the other family counts less, and does not pass
 * the contact form's relevance bar on that word.
 */

/** The singular of an English word as written (normalised, lower case): "bookings" → "booking", "batteries" → "battery". */
export function englishForm(word: string): string {
  const n = word.length;
  if (n <= 3 || !word.endsWith('s')) return word;
  // "ss" (access), "us" (status), "is" (analysis) and "'s" are not plurals.
  if (/(?:ss|us|is)$/.test(word)) return word;
  if (word.endsWith('ies') && n > 4) return `${word.slice(0, -3)}y`;
  if (/(?:sses|xes|zes|ches|shes)$/.test(word)) return word.slice(0, -2);
  return word.slice(0, -1);
}

/** Splits a stem's forms (singular, see englishForm) into families: each -ing noun seen in the plural, and the rest. */
export function englishFamilies(forms: ReadonlyMap<string, { plural: boolean }>): string[][] | undefined {
  const nouns = [...forms].filter(([form, { plural }]) => plural && form.endsWith('ing') && form.length > 5).map(([form]) => form);
  const rest = [...forms.keys()].filter((form) => !nouns.includes(form));
  if (nouns.length === 0 || nouns.length + (rest.length ? 1 : 0) < 2) return undefined;
  return [...nouns.map((noun) => [noun]), ...(rest.length ? [rest] : [])];
}

/**
 * Words that frame what a customer asks ("is it possible to…", "I want to…", "how to tell…") without saying what it is
 * about. A query does not require them (an article that has them ranks a little higher); a query made only of them
 * requires them after all. Verbs and pronouns only: a noun may be a product's word ("Things" in Arduino Cloud).
 */
export const ENGLISH_FRAMING_WORDS = new Set(
  'please possible possibly want wanted wants wanting need needed needs tell know knowing way someone somebody anyone anybody something anything everything trying tried try'.split(
    ' ',
  ),
);

const NUMBERS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];

/** Groups every English index treats as synonyms: a number written as a word or in digits ("two step", "2-Step"). */
export const ENGLISH_BUILT_IN_GROUPS: readonly string[][] = NUMBERS.map((word, n) => [word, String(n)]);
