/**
 * One typo: a letter left out, one too many, two neighbours swapped, or one letter replaced by a key next to it on the
 * keyboard or by a letter that sounds alike (a vowel for a vowel; Persian س/ص/ث). So "pasword", "uplaod" and
 * "calender" find their words, while "apple" does not become "apply": e and y are neither neighbours nor alike.
 */

// Keyboard rows (QWERTY, Russian ЙЦУКЕН, Persian standard); keys are neighbours along and between rows.
const LAYOUTS = [
  ['1234567890', 'qwertyuiop', 'asdfghjkl', 'zxcvbnm'],
  ['йцукенгшщзх', 'фывапролдж', 'ячсмитьбю'],
  ['ضصثقفغعهخحج', 'شسیبلاتنمکگ', 'ظطزرذدپو'],
];
const SOUND_ALIKE = ['aeiou', 'аеёиоуыэюя', 'سصث', 'زذضظ', 'تط', 'هح', 'قغ', 'او', 'ای'];

const neighbours = new Map<string, Set<string>>();
function link(a: string, b: string): void {
  if (a === b) return;
  if (!neighbours.has(a)) neighbours.set(a, new Set());
  if (!neighbours.has(b)) neighbours.set(b, new Set());
  neighbours.get(a)!.add(b);
  neighbours.get(b)!.add(a);
}
for (const rows of LAYOUTS) {
  rows.forEach((row, r) => {
    [...row].forEach((key, k) => {
      if (k > 0) link(key, row[k - 1]!);
      const below = rows[r + 1];
      // Rows are staggered: a key touches the two keys under it.
      if (below) for (const j of [k - 1, k]) if (below[j]) link(key, below[j]!);
    });
  });
}
for (const set of SOUND_ALIKE) for (const a of set) for (const b of set) link(a, b);

/** True when replacing `a` by `b` is a plausible slip. */
function slip(a: string, b: string): boolean {
  return neighbours.get(a)?.has(b) ?? false;
}

/** True when `typed` is one plausible typo away from `word` (never true for equal words). */
export function oneTypo(typed: string, word: string): boolean {
  const n = typed.length;
  const m = word.length;
  if (Math.abs(n - m) > 1 || typed === word) return false;
  let i = 0;
  while (i < n && i < m && typed[i] === word[i]) i++;
  if (n === m) {
    // Replaced letter, or two neighbours swapped.
    if (typed.slice(i + 1) === word.slice(i + 1)) return slip(typed[i]!, word[i]!);
    return typed[i] === word[i + 1] && typed[i + 1] === word[i] && typed.slice(i + 2) === word.slice(i + 2);
  }
  // One letter missing from or added to what was typed.
  return n < m ? typed.slice(i) === word.slice(i + 1) : typed.slice(i + 1) === word.slice(i);
}

/** Typo tolerance applies to words of at least this many letters (shorter ones are too easily another word). */
export const MIN_TYPO_LENGTH = 5;

/** Words a lexicon can be searched for typos in, bucketed by length. */
export class TypoLexicon {
  private readonly byLength = new Map<number, string[]>();

  constructor(words: Iterable<string>) {
    for (const word of words) {
      if (word.length < MIN_TYPO_LENGTH - 1) continue;
      let bucket = this.byLength.get(word.length);
      if (!bucket) this.byLength.set(word.length, (bucket = []));
      bucket.push(word);
    }
  }

  /** Words one typo away from `typed`. */
  near(typed: string): string[] {
    if ([...typed].length < MIN_TYPO_LENGTH) return [];
    const out: string[] = [];
    for (const len of [typed.length - 1, typed.length, typed.length + 1]) {
      for (const word of this.byLength.get(len) ?? []) if (oneTypo(typed, word)) out.push(word);
    }
    return out;
  }
}
