/**
 * A light Persian stemmer and stop-word list: lunr-languages has none. It removes inflection only (plural ها/ان/ات,
 * possessive and pronominal endings, comparative تر/ترین, the verb prefixes می/نمی), never derivation, so
 * "اشتراک" (subscription) and "اشتراک‌گذاری" (sharing) stay apart while "فاکتورها" meets "فاکتور".
 * Words arrive normalised (normalize.ts): Persian yeh and kaf, no diacritics, ZWNJ kept where the writer put one.
 */
import { ZWNJ, normalize } from '../normalize.ts';

// A part after a ZWNJ that is only inflection: the writer marked the boundary, so it goes whatever is left.
const SUFFIX_PARTS = new Set([
  'ها', 'های', 'هایی', 'هایم', 'هایت', 'هایش', 'هایمان', 'هایتان', 'هایشان',
  'تر', 'ترین', 'تری', 'ای', 'ی', 'ام', 'ات', 'اش', 'ایم', 'اید', 'اند', 'مان', 'تان', 'شان',
]);
const PREFIX_PARTS = new Set(['می', 'نمی']);

/** Endings removed from a word written without ZWNJ, in order (outermost first), each with the letters it must leave. */
const PASSES: readonly (readonly [suffix: string, keep: number][])[] = [
  // Possessive pronouns: حسابتان "your account" → حساب; سازمان "organisation" keeps its ending (3 letters would be left).
  [['تان', 4], ['شان', 4], ['مان', 4]],
  // Plurals: فاکتورهای, مشتریان, تنظیمات; short words (زمان, پایان, میزان) keep their ان.
  [['هایی', 2], ['های', 2], ['ها', 2], ['ان', 4], ['ات', 4]],
  // Comparative and superlative: جدیدترین → جدید; فیلتر, دفتر and بیشتر are left alone.
  [['ترین', 3], ['تر', 4]],
  // Adjectival and indefinite ی: کاربری → کاربر, as کاربران → کاربر.
  [['ی', 4]],
];

function stripPrefix(word: string): string {
  for (const prefix of ['نمی', 'می']) {
    if (word.startsWith(prefix) && word.length - prefix.length >= 3) return word.slice(prefix.length);
  }
  return word;
}

/** The stem of one normalised Persian word (letters only, maybe with ZWNJ). */
export function persianStem(word: string): string {
  if (word.includes(ZWNJ)) {
    const parts = word.split(ZWNJ).filter(Boolean);
    while (parts.length > 1 && PREFIX_PARTS.has(parts[0]!)) parts.shift();
    while (parts.length > 1 && SUFFIX_PARTS.has(parts.at(-1)!)) parts.pop();
    // What is left goes through the same passes as a word typed without ZWNJ, so both meet.
    word = parts.join('');
  }
  let stem = stripPrefix(word);
  for (const pass of PASSES) {
    for (const [suffix, keep] of pass) {
      if (stem.endsWith(suffix) && stem.length - suffix.length >= keep) {
        stem = stem.slice(0, -suffix.length);
        break;
      }
    }
  }
  return stem;
}

// Function words only: a word listed here can never be searched for, so no noun or verb with meaning of its own is.
const STOP_WORDS = `
از به با در بر برای تا که و یا را این آن اینها آنها همین همان هم نیز اما ولی اگر چون چه چرا چگونه چطور چطوری کجا کی
کدام آیا من تو او ما شما ایشان آنان خود خودم خودت خودش خودمان خودتان است هست هستم هستید هستند نیست بود بودم باشد
باشم شد شده شدن شود شوم شوند می نمی کرد کردم کرده کردن کنم کنی کند کنیم کنید کنند میکنم میکنید میکند نمیکنم
نمیکند یک هر همه دیگر باید نباید میتوانم میتوانید میتواند نمیتوانم نمیتوانید نمیتواند توان میخواهم میخواهید
خواهم خواهد لطفا ای ها های ی ام ات اش مان تان شان بی پس پیش روی زیر بین وقتی بعد قبل تنها فقط حتی هنوز دارم
دارید دارد ندارم ندارد داشت چی چیه کنه بشه میشه نمیشه
`;

export const PERSIAN_STOP_WORDS: ReadonlySet<string> = new Set(
  STOP_WORDS.split(/\s+/).filter(Boolean).map((w) => normalize(w)),
);
