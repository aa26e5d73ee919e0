/** Text normalisation and tokenising shared by the index and the query, so both see words the same way. */

// Arabic code points Persian writers often type instead of the Persian letters (keyboard layouts differ).
const CHAR_MAP: Record<string, string> = {
  'ي': 'ی', // Arabic yeh → Persian yeh
  'ى': 'ی', // alef maksura → Persian yeh
  'ك': 'ک', // Arabic kaf → Persian kaf (keheh)
  'ۀ': 'ه', // heh with yeh above → heh
  'ة': 'ه', // teh marbuta → heh
  'أ': 'ا',
  'إ': 'ا',
  'آ': 'ا',
  'ٱ': 'ا',
  'ؤ': 'و',
  'ё': 'е', // Russian readers rarely type ё
};

// Arabic diacritics (harakat, tanwin, superscript alef) and tatweel: decoration, not spelling.
const MARKS = /[\u064B-\u065F\u0670\u0640]/g;
const ARABIC_LETTERS = /[يىكۀةأإآٱؤё]/g;
const PERSIAN_DIGITS = /[۰-۹٠-٩]/g;
export const ZWNJ = '\u200C';

/** Lowercases and folds letter variants, digits and marks; keeps ZWNJ (tokenize decides about it). */
export function normalize(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(MARKS, '')
    .replace(ARABIC_LETTERS, (c) => CHAR_MAP[c] ?? c)
    .replace(PERSIAN_DIGITS, (d) => String((d.codePointAt(0)! - (d >= '۰' ? 0x06f0 : 0x0660)) % 10))
    .replace(/[\u200D\u200E\u200F\u00AD]/g, '');
}

// A word: letters and digits, with inner apostrophes (don't), ZWNJ (Persian compounds such as می‌شود) and hyphens (Wi-Fi).
const WORD = /[\p{L}\p{N}]+(?:['’\u200C-][\p{L}\p{N}]+)*/gu;

export interface WordMatch {
  word: string;
  start: number;
  end: number;
}

/** Calls `fn` with each word of the raw text and its offsets, without building a list. */
export function eachWord(text: string, fn: (word: string, start: number, end: number) => void): void {
  const re = new RegExp(WORD.source, 'gu');
  for (let m = re.exec(text); m; m = re.exec(text)) fn(m[0], m.index, m.index + m[0].length);
}

/** Words of the raw text with their offsets (for snippets, which show the text as written). */
export function wordsWithOffsets(text: string): WordMatch[] {
  const out: WordMatch[] = [];
  for (const m of text.matchAll(WORD)) out.push({ word: m[0], start: m.index, end: m.index + m[0].length });
  return out;
}

/** A word as search compares it: curly apostrophes straightened, a possessive "'s" dropped. */
export function cleanWord(word: string): string {
  // Possessives ("studio's") are the word itself; kept, they become rare terms that outrank it.
  return word.replace(/’/g, "'").replace(/'s$/, '');
}

/**
 * Search terms of a text: normalised words. A hyphenated word yields the joined word and its parts, so "Wi-Fi",
 * "wifi" and "wi fi" all meet; a ZWNJ compound stays whole (the language's pipeline decides what its parts are).
 */
export function terms(text: string): string[] {
  const out: string[] = [];
  for (const m of normalize(text).matchAll(WORD)) {
    const word = cleanWord(m[0]);
    if (!word.includes('-')) {
      out.push(word);
      continue;
    }
    out.push(word.replaceAll('-', ''), ...word.split('-'));
  }
  return out;
}

/** Normalised words of a query as typed, hyphenated ones whole (the query analyser treats them as one word). */
export function queryWords(text: string): string[] {
  return [...normalize(text).matchAll(WORD)].map((m) => cleanWord(m[0]));
}
