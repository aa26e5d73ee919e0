/**
 * The bench's synonym list (bench/relevance/synonyms.en.yml), and the same rules for engines without synonyms of their
 * own: a query is split at the phrases a rule names, where ours would apply it (same stems, same rules), so every
 * engine gets the same alternatives for the same queries. (Ours also skips a rule whose word is of another word family
 * of the stem than the query's, "books" against "booking"; no rule of the bench list names such a word.)
 */
import { readFileSync } from 'node:fs';
import { analyser, pipelineFor } from '../../api/search/languages.ts';
import { queryWords } from '../../api/search/normalize.ts';
import { SynonymTable } from '../../api/search/query.ts';
import { parseSynonyms, type SynonymRule } from '../../api/search/synonyms.ts';

export const SYNONYM_FILE = 'bench/relevance/synonyms.en.yml';

export function benchSynonyms(): SynonymRule[] {
  return parseSynonyms(readFileSync(new URL('../relevance/synonyms.en.yml', import.meta.url), 'utf8'), SYNONYM_FILE);
}

/** A query as consecutive parts: plain words, or a phrase a rule names with the phrases it stands for. */
export type QueryPart = { word: string } | { phrase: string[]; alternatives: string[][] };

/** Splits queries at synonym phrases; a query no rule touches is one word part per word. */
export function synonymSplitter(rules: readonly SynonymRule[]): (query: string) => QueryPart[] {
  const stem = analyser(pipelineFor('en'));
  const table = new SynonymTable(rules, stem);
  // The words of each phrase as the file writes them, by the phrase's stems (what the table answers with).
  const written = new Map<string, string[]>();
  for (const rule of rules) {
    for (const phrase of rule.phrases) {
      const words = queryWords(phrase).map((w) => w.replaceAll('-', ' ')).join(' ').split(' ');
      const stems = words.map((w) => stem(w)).filter((s): s is string => s !== undefined);
      if (!written.has(stems.join(' '))) written.set(stems.join(' '), words);
    }
  }
  return (query) => {
    const words = queryWords(query);
    const stems = words.map((w) => (w.includes('-') ? undefined : stem(w)));
    const parts: QueryPart[] = [];
    for (let i = 0; i < words.length; ) {
      const match = stems[i] === undefined ? undefined : longestAt(i);
      if (!match) {
        parts.push({ word: words[i]! });
        i++;
        continue;
      }
      parts.push({
        phrase: words.slice(i, match.end),
        alternatives: match.phrases.map((p) => written.get(p.join(' ')) ?? p),
      });
      i = match.end;
    }
    return parts;

    /** The longest rule phrase starting at word i, over meaningful words (stop words inside are skipped, as ours does). */
    function longestAt(i: number): { end: number; phrases: string[][] } | undefined {
      const meaningful: { stem: string; end: number }[] = [];
      for (let j = i; j < words.length && meaningful.length < table.longest; j++) {
        if (stems[j] !== undefined) meaningful.push({ stem: stems[j]!, end: j + 1 });
        else if (words[j]!.includes('-')) break;
      }
      for (let n = meaningful.length; n >= 1; n--) {
        const phrases = table.lookup(meaningful.slice(0, n).map((m) => m.stem));
        if (phrases) return { end: meaningful[n - 1]!.end, phrases: phrases.map((p) => p.stems) };
      }
      return undefined;
    }
  };
}
