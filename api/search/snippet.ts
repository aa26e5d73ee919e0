/** Cuts a short excerpt around the first matched word and marks matches; everything else is escaped. */
import { wordAt, wordsWithOffsets } from './normalize.ts';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

export interface SnippetOptions {
  /** Characters shown before the first match. */
  before?: number;
  /** Length of the excerpt in characters. */
  length?: number;
  /**
   * Where a match may start (a global regex). Only words there are tested until the first match,
   * which spares testing every word of a long text; if no candidate matches, every word is tested.
   */
  hint?: RegExp;
}

/**
 * An HTML excerpt of `text` with words for which `isMatch` holds wrapped in <mark>,
 * or null when no word matches.
 */
export function snippet(text: string, isMatch: (word: string) => boolean, options: SnippetOptions = {}): string | null {
  const { before = 60, length = 200, hint } = options;
  const at = (hint ? firstCandidate(text, isMatch, hint) : undefined) ?? firstMatch(text, isMatch);
  if (at === undefined) return null;
  // Only the stretch around the first match is shown, so only its words are tokenised.
  const lo = Math.max(0, at - before);
  const base = Math.max(0, lo - 40);
  const words = wordsWithOffsets(text.slice(base, Math.min(text.length, lo + length + 40))).map((w) => ({
    word: w.word,
    start: w.start + base,
    end: w.end + base,
  }));
  // Start and end on word boundaries so no word is cut in half.
  const start = lo === 0 ? 0 : Math.min(at, words.find((w) => w.start >= lo)?.start ?? at);
  let end = Math.min(text.length, start + length);
  if (end < text.length) {
    const matchEnd = words.find((w) => w.start === at)?.end ?? at;
    end = Math.max([...words].reverse().find((w) => w.start < end)?.end ?? end, matchEnd);
  }

  let html = start > 0 ? '…' : '';
  let cursor = start;
  for (const w of words) {
    if (w.start < start || w.end > end || !isMatch(w.word)) continue;
    html += escapeHtml(text.slice(cursor, w.start)) + `<mark>${escapeHtml(w.word)}</mark>`;
    cursor = w.end;
  }
  html += escapeHtml(text.slice(cursor, end));
  if (end < text.length) html += '…';
  return html.replace(/\s+/g, ' ').trim();
}

function firstMatch(text: string, isMatch: (word: string) => boolean): number | undefined {
  return wordsWithOffsets(text).find((w) => isMatch(w.word))?.start;
}

/** Offset of the first matching word at a hint position, or undefined. */
function firstCandidate(text: string, isMatch: (word: string) => boolean, hint: RegExp): number | undefined {
  hint.lastIndex = 0;
  for (let m = hint.exec(text); m; m = hint.exec(text)) {
    const word = wordAt(text, m.index);
    if (word !== undefined && isMatch(word)) return m.index;
  }
  return undefined;
}
