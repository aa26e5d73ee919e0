/**
 * Synonym files (content/synonyms/<locale>.yml), written by writers: a YAML list whose items are groups of words and
 * phrases search treats as one (`- [refund, money back, reimburse]`) or one-way mappings (`- unsubscribe -> cancel
 * subscription`). A mistake is reported with the file, line and column.
 */
import { LineCounter, isScalar, isSeq, parseDocument, type Node } from 'yaml';

export interface SynonymRule {
  /** Group: every phrase finds every other. One-way: the first phrase also finds the others, not the reverse. */
  kind: 'group' | 'oneWay';
  phrases: string[];
  /** 1-based line in the file, for error messages and the admin's "add this line" hints. */
  line: number;
}

export class SynonymFileError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly column: number,
    readonly reason: string,
  ) {
    super(`${file}:${line}:${column}: ${reason}`);
    this.name = 'SynonymFileError';
  }
}

const MAX_PHRASE_WORDS = 6;
const MAX_PHRASE_LENGTH = 80;
const MAX_RULES = 5000;
const ARROW = '->';

/** Parses one synonym file's text; throws SynonymFileError naming `file`, line and column at the first mistake. */
export function parseSynonyms(text: string, file: string): SynonymRule[] {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false, uniqueKeys: false });
  const at = (offset: number) => counter.linePos(offset);
  const fail = (offset: number, reason: string): never => {
    const { line, col } = at(offset);
    throw new SynonymFileError(file, line, col, reason);
  };
  const [first] = doc.errors;
  if (first) fail(first.pos[0], `not valid YAML: ${first.message.split('\n')[0]}`);
  if (doc.contents === null) return [];
  if (!isSeq(doc.contents)) {
    return fail(doc.contents.range?.[0] ?? 0, 'the file must be a YAML list, one rule per item ("- [refund, money back]" or "- unsubscribe -> cancel subscription")');
  }
  if (doc.contents.items.length > MAX_RULES) fail(0, `at most ${MAX_RULES} rules per file`);
  return doc.contents.items.map((item) => rule(item as Node, fail, at));
}

function rule(item: Node, fail: (offset: number, reason: string) => never, at: (offset: number) => { line: number }): SynonymRule {
  const offset = item.range?.[0] ?? 0;
  const line = at(offset).line;
  if (isSeq(item)) {
    const phrases = item.items.map((member) => {
      const start = (member as Node).range?.[0] ?? offset;
      if (!isScalar(member) || (typeof member.value !== 'string' && typeof member.value !== 'number')) {
        return fail(start, 'each member of a group must be a word or phrase');
      }
      return phrase(String(member.value), start, fail);
    });
    if (phrases.length < 2) fail(offset, 'a group needs at least two words or phrases, e.g. [refund, money back]');
    return { kind: 'group', phrases: [...new Set(phrases)], line };
  }
  if (isScalar(item) && typeof item.value === 'string') {
    const sides = item.value.split(ARROW);
    if (sides.length !== 2) {
      return fail(offset, `"${item.value}" is neither a group nor a one-way mapping: write [${item.value}] or "word -> other words"`);
    }
    const from = phrase(sides[0]!, offset, fail);
    const to = sides[1]!.split(',').map((p) => phrase(p, offset, fail));
    return { kind: 'oneWay', phrases: [from, ...to], line };
  }
  return fail(offset, 'each item must be a group ([a, b, c]) or a one-way mapping ("a -> b")');
}

function phrase(raw: string, offset: number, fail: (offset: number, reason: string) => never): string {
  const text = raw.trim().replace(/\s+/g, ' ');
  if (!text) fail(offset, 'an empty word or phrase');
  if (text.length > MAX_PHRASE_LENGTH) fail(offset, `"${text.slice(0, 30)}…" is longer than ${MAX_PHRASE_LENGTH} characters`);
  if (text.split(' ').length > MAX_PHRASE_WORDS) fail(offset, `"${text}" has more than ${MAX_PHRASE_WORDS} words`);
  if (text.includes(ARROW)) fail(offset, `"${text}" holds a second "->"`);
  return text;
}

/** The line a writer would add to map a query to an article's words, in the file's own syntax. */
export function synonymLine(query: string, target: string): string {
  return `- ${query.trim().toLowerCase()} ${ARROW} ${target.trim().toLowerCase()}`;
}
