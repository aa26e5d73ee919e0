/**
 * Turns a query into the units a result must all have: one per meaningful word (stop words aside), or per phrase a
 * synonym rule names. Each unit lists the ways an article can have it: the word's stem, the words it starts while
 * it is still being typed, the words one typo away, the joined form of a split word ("wi fi"), or a synonym.
 */
import { queryWords } from './normalize.ts';
import { MIN_TYPO_LENGTH } from './typo.ts';
import type { SynonymRule } from './synonyms.ts';

/** Articles using one word form of a stem: anywhere, and in their title, headings, description or tags. */
export interface FormDocs {
  docs: Int32Array;
  strong: Int32Array;
}

/** One index term and how much a match on it counts (an exact stem 1, a typo less). */
export interface TermRef {
  id: number;
  boost: number;
  /** When the stem stands for several words: the articles using the customer's own word, which count in full. */
  own?: FormDocs;
}
/** Satisfied by an article holding any of its terms. */
export type Slot = TermRef[];
/** Satisfied by an article that satisfies every slot (a phrase: every word). */
export type Alternative = Slot[];

export interface Unit {
  /** The words as the customer typed them: what "Missing: …" shows. */
  label: string;
  alternatives: Alternative[];
  /** A word that frames the request ("possible", "tell"): it adds to an article's score but is never required. */
  optional: boolean;
}

/** What the analyser needs to know about one locale's index. */
export interface Lexicon {
  /** The stem of a normalised word, or undefined for a stop word. */
  stem(word: string): string | undefined;
  termId(stem: string): number | undefined;
  /** True when the articles contain this word as written. */
  isWord(word: string): boolean;
  /** Words of the articles starting with `prefix` (a bounded number). */
  wordsStartingWith(prefix: string): string[];
  /** Words of the articles one typo away. */
  wordsNear(word: string): string[];
  /** The articles using this very word when its stem stands for several words, else undefined. */
  ownForm(word: string, stem: string): FormDocs | undefined;
  /** True for a word that frames a request rather than names its topic. */
  isFraming(word: string): boolean;
  synonyms: SynonymTable;
}

export const MAX_UNITS = 12;
/** A shorter last word would start too many words to mean anything ("pi" starts پیام and پیشنهاد alike). */
const MIN_PREFIX_LENGTH = 3;
const MAX_WORDS = 24;
const PREFIX_BOOST = 0.9;
const TYPO_BOOST = 0.6;
const SYNONYM_BOOST = 0.9;

/** A phrase of a synonym rule: its words as written (hyphens joined) and their stems. */
export interface Phrase {
  words: string[];
  stems: string[];
}

/**
 * Synonym rules keyed by the stems of the phrase a query must contain. Each rule remembers its own words, so a query
 * word that only shares their stem from another word family ("books" against a rule for "booking") does not use it.
 */
export class SynonymTable {
  private readonly entries = new Map<string, { from: string[]; to: Phrase[] }[]>();
  /** Words in the longest phrase a rule starts from. */
  longest = 0;

  constructor(rules: readonly SynonymRule[], stem: (word: string) => string | undefined) {
    const phrase = (text: string): Phrase => {
      const words = queryWords(text)
        .map((w) => w.replaceAll('-', ''))
        .filter((w) => stem(w) !== undefined);
      return { words, stems: words.map((w) => stem(w)!) };
    };
    const add = (from: Phrase, to: Phrase) => {
      const key = from.stems.join(' ');
      if (from.stems.length === 0 || to.stems.length === 0 || key === to.stems.join(' ')) return;
      const list = this.entries.get(key) ?? [];
      let entry = list.find((e) => e.from.join(' ') === from.words.join(' '));
      if (!entry) list.push((entry = { from: from.words, to: [] }));
      if (!entry.to.some((t) => t.stems.join(' ') === to.stems.join(' '))) entry.to.push(to);
      this.entries.set(key, list);
      this.longest = Math.max(this.longest, from.stems.length);
    };
    for (const rule of rules) {
      const phrases = rule.phrases.map(phrase);
      if (rule.kind === 'oneWay') for (const to of phrases.slice(1)) add(phrases[0]!, to);
      else for (const from of phrases) for (const to of phrases) add(from, to);
    }
  }

  /**
   * Phrases that stand for these stems, from the rules whose own words `accepts` (search: those of the query's word
   * families); undefined when none.
   */
  lookup(stems: readonly string[], accepts: (ruled: readonly string[]) => boolean = () => true): Phrase[] | undefined {
    const out: Phrase[] = [];
    for (const entry of this.entries.get(stems.join(' ')) ?? []) {
      if (!accepts(entry.from)) continue;
      for (const to of entry.to) if (!out.some((o) => o.stems.join(' ') === to.stems.join(' '))) out.push(to);
    }
    return out.length ? out : undefined;
  }
}

interface Token {
  label: string;
  /** Ways of writing it, each a list of words that must all be present. */
  forms: string[][];
  /** The stem of a plain one-word token, for synonym and compound lookups. */
  stem?: string;
  last: boolean;
  framing: boolean;
}

function tokens(query: string, lex: Lexicon): Token[] {
  const words = queryWords(query).slice(0, MAX_WORDS);
  const out: Token[] = [];
  words.forEach((word, i) => {
    const last = i === words.length - 1;
    const forms = (word.includes('-') ? [[word.replaceAll('-', '')], word.split('-')] : [[word]])
      .map((form) => form.filter((w) => lex.stem(w) !== undefined))
      .filter((form) => form.length > 0);
    if (forms.length === 0) return;
    out.push({ label: word, forms, stem: word.includes('-') ? undefined : lex.stem(word), last, framing: lex.isFraming(word) });
  });
  return joinSplitWords(out, lex);
}

/** "wi fi", "log in", "sign up": two typed words the articles write as one become one token with both forms. */
function joinSplitWords(list: Token[], lex: Lexicon): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < list.length; i++) {
    const a = list[i]!;
    const b = list[i + 1];
    if (b && a.stem !== undefined && b.stem !== undefined) {
      const joined = a.label + b.label;
      const stem = lex.stem(joined);
      if (stem !== undefined && lex.termId(stem) !== undefined) {
        out.push({ label: `${a.label} ${b.label}`, forms: [[joined], [a.label, b.label]], last: b.last, framing: false });
        i++;
        continue;
      }
    }
    out.push(a);
  }
  return out;
}

function slot(word: string, last: boolean, lex: Lexicon): Slot {
  const stem = lex.stem(word) ?? word;
  const refs = new Map<number, number>();
  const add = (id: number | undefined, boost: number) => {
    if (id !== undefined && (refs.get(id) ?? 0) < boost) refs.set(id, boost);
  };
  const exact = lex.termId(stem);
  add(exact, 1);
  // The word being typed, when the articles have no such word yet: the words it starts.
  if (last && !lex.isWord(word) && [...word].length >= MIN_PREFIX_LENGTH) {
    for (const w of lex.wordsStartingWith(word)) add(lex.termId(lex.stem(w) ?? w), PREFIX_BOOST);
  }
  if (refs.size === 0 && [...word].length >= MIN_TYPO_LENGTH) {
    for (const w of lex.wordsNear(word)) add(lex.termId(lex.stem(w) ?? w), TYPO_BOOST);
  }
  const own = exact === undefined ? undefined : lex.ownForm(word, stem);
  return [...refs].map(([id, boost]) => (id === exact && own ? { id, boost, own } : { id, boost }));
}

/** The units of a query: every one must be matched for an article to be a result. */
export function analyse(query: string, lex: Lexicon): Unit[] {
  const list = tokens(query, lex);
  const units: Unit[] = [];
  for (let i = 0; i < list.length && units.length < MAX_UNITS; ) {
    const synonym = synonymAt(list, i, lex);
    const span = synonym?.span ?? 1;
    const covered = list.slice(i, i + span);
    const own: Alternative[] =
      span === 1
        ? covered[0]!.forms.map((form) => form.map((w) => slot(w, covered[0]!.last && w === form.at(-1), lex)))
        : [covered.flatMap((t) => t.forms[0]!.map((w) => slot(w, t.last, lex)))];
    const others: Alternative[] = (synonym?.phrases ?? []).map(({ words, stems }) =>
      stems.map((s, k) => {
        const id = lex.termId(s);
        if (id === undefined) return [];
        const own = lex.ownForm(words[k]!, s);
        return [own ? { id, boost: SYNONYM_BOOST, own } : { id, boost: SYNONYM_BOOST }];
      }),
    );
    units.push({ label: covered.map((t) => t.label).join(' '), alternatives: [...own, ...others], optional: span === 1 && covered[0]!.framing });
    i += span;
  }
  // A query made only of framing words ("need help") means them.
  if (units.every((u) => u.optional)) for (const u of units) u.optional = false;
  return units;
}

/** The longest synonym phrase starting at token `i`, if any. */
function synonymAt(list: Token[], i: number, lex: Lexicon): { span: number; phrases: Phrase[] } | undefined {
  for (let span = Math.min(lex.synonyms.longest, list.length - i); span >= 1; span--) {
    const covered = list.slice(i, i + span);
    const stems = covered.map((t) => t.stem);
    if (stems.some((s) => s === undefined)) continue;
    const phrases = lex.synonyms.lookup(stems as string[], (ruled) =>
      ruled.every((word, k) => sameFamily(lex.ownForm(covered[k]!.label, stems[k]!), lex.ownForm(word, stems[k]!))),
    );
    if (phrases) return { span, phrases };
  }
  return undefined;
}

/** Two words of one stem are of one family unless both are known and their families differ. */
function sameFamily(a: FormDocs | undefined, b: FormDocs | undefined): boolean {
  return a === undefined || b === undefined || a === b;
}
