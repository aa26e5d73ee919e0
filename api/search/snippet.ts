/** Cuts a short excerpt around the first matched word and marks matches; everything else is escaped. */
import { wordsWithOffsets } from './normalize.ts';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

export interface SnippetOptions {
  /** Characters shown before the first match. */
  before?: number;
  /** Length of the excerpt in characters. */
  length?: number;
}

/** A word of a text by offsets, and whether search matched it. */
export interface TextWord {
  start: number;
  end: number;
  match: boolean;
}

/**
 * An HTML excerpt of `text` with words for which `isMatch` holds wrapped in <mark>,
 * or null when no word matches.
 */
export function snippet(text: string, isMatch: (word: string) => boolean, options: SnippetOptions = {}): string | null {
  const { before = 60, length = 200 } = options;
  const at = wordsWithOffsets(text).find((w) => isMatch(w.word))?.start;
  if (at === undefined) return null;
  // Only the stretch around the first match is shown, so only its words are tokenised.
  const wordsIn = (from: number, to: number) =>
    wordsWithOffsets(text.slice(from, to)).map((w) => ({ start: w.start + from, end: w.end + from, match: isMatch(w.word) }));
  return excerptAt(text, at, wordsIn, before, length);
}

/**
 * The excerpt of `text` around the matched word starting at `at`: `wordsIn(from, to)` gives the words starting
 * there, each with whether it matched. Starts and ends on word boundaries so no word is cut in half.
 */
export function excerptAt(text: string, at: number, wordsIn: (from: number, to: number) => TextWord[], before = 60, length = 200): string {
  const lo = Math.max(0, at - before);
  const words = wordsIn(Math.max(0, lo - 40), Math.min(text.length, lo + length + 40));
  const start = lo === 0 ? 0 : Math.min(at, words.find((w) => w.start >= lo)?.start ?? at);
  let end = Math.min(text.length, start + length);
  if (end < text.length) {
    const matchEnd = words.find((w) => w.start === at)?.end ?? at;
    end = Math.max(words.findLast((w) => w.start < end)?.end ?? end, matchEnd);
  }

  let html = start > 0 ? '…' : '';
  let cursor = start;
  for (const w of words) {
    if (w.start < start || w.end > end || !w.match) continue;
    html += escapeHtml(text.slice(cursor, w.start)) + `<mark>${escapeHtml(text.slice(w.start, w.end))}</mark>`;
    cursor = w.end;
  }
  html += escapeHtml(text.slice(cursor, end));
  if (end < text.length) html += '…';
  return html.replace(/\s+/g, ' ').trim();
}
