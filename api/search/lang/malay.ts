/**
 * A light Malay stemmer and stop-word list: lunr-languages has no Malay (nor Indonesian). Affixes are removed the way
 * Tala's stemmer for Bahasa Indonesia does (particles, possessives, suffixes, then prefixes, each only while the word
 * keeps more than two syllables), with the usual sound changes of meN-/peN- undone: membatalkan → batal,
 * langganan → langgan, menyimpan → simpan. Unlike Tala, pe- before l stays: pelanggan (customer) is not langganan
 * (subscription), nor pelayar (browser) layar (screen); the agent noun names a person or a thing of its own.
 */

const VOWELS = /[aeiou]/g;
const syllables = (word: string) => word.match(VOWELS)?.length ?? 0;

function dropEnding(word: string, endings: readonly string[]): string {
  for (const end of endings) {
    if (word.endsWith(end) && syllables(word) > 2) return word.slice(0, -end.length);
  }
  return word;
}

const PARTICLES = ['lah', 'kah', 'tah', 'pun'];
const POSSESSIVES = ['nya', 'ku', 'mu'];
const SUFFIXES = ['kan', 'an', 'i'];

/** meN- and peN- before a vowel stand for a dropped first consonant: menulis → tulis, memilih → pilih, menyimpan → simpan. */
function dropNasalPrefix(word: string, head: 'me' | 'pe'): string | undefined {
  if (!word.startsWith(head)) return undefined;
  const rest = word.slice(2);
  const vowel = (s: string) => /^[aeiou]/.test(s);
  if (rest.startsWith('ng')) return rest.slice(2);
  if (rest.startsWith('ny') && vowel(rest.slice(2))) return `s${rest.slice(2)}`;
  if (rest.startsWith('m')) return vowel(rest.slice(1)) ? `p${rest.slice(1)}` : rest.slice(1);
  if (rest.startsWith('n')) return vowel(rest.slice(1)) ? `t${rest.slice(1)}` : rest.slice(1);
  if (/^[lrwy]/.test(rest)) return head === 'pe' && rest.startsWith('l') ? undefined : rest;
  return undefined;
}

function dropPrefix(word: string): string {
  if (syllables(word) <= 2) return word;
  for (const head of ['me', 'pe'] as const) {
    const rest = dropNasalPrefix(word, head);
    if (rest && syllables(rest) >= 1 && rest.length >= 3) return rest;
  }
  for (const prefix of ['ber', 'bel', 'be', 'ter', 'per', 'di', 'ke', 'se']) {
    if (word.startsWith(prefix) && word.length - prefix.length >= 3 && syllables(word.slice(prefix.length)) >= 1) return word.slice(prefix.length);
  }
  return word;
}

/** The stem of one lower-case Malay word; words with digits or few syllables are left as they are. */
export function malayStem(word: string): string {
  if (/[^a-z]/.test(word) || word.length < 4) return word;
  let stem = dropEnding(word, PARTICLES);
  stem = dropEnding(stem, POSSESSIVES);
  stem = dropPrefix(stem);
  stem = dropEnding(stem, SUFFIXES);
  return stem;
}

// Function words and the fillers of a typed question ("bagaimana cara ...", "saya nak ..."), nothing with a meaning of its own.
const STOP_WORDS = `
dan atau yang di ke dari daripada untuk dengan pada dalam ini itu saya aku anda awak kamu kami kita mereka dia ia
beliau adalah ialah akan telah sudah sedang masih boleh tidak tak bukan ada apa apakah bagaimana macam mana mengapa
kenapa bila bilakah siapa juga lagi sahaja saja hanya jika kalau supaya agar oleh kepada sebagai seperti tentang
cara nak mahu hendak ingin tolong sila perlu harus dapat sangat lebih paling pun lah kah nya si sebuah seorang
`;

export const MALAY_STOP_WORDS: ReadonlySet<string> = new Set(STOP_WORDS.split(/\s+/).filter(Boolean));
