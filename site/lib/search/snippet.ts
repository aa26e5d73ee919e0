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

/**
 * An HTML excerpt of `text` with words for which `isMatch` holds wrapped in <mark>,
 * or null when no word matches.
 */
export function snippet(text: string, isMatch: (word: string) => boolean, options: SnippetOptions = {}): string | null {
  const { before = 60, length = 200 } = options;
  const words = wordsWithOffsets(text);
  const first = words.findIndex((w) => isMatch(w.word));
  if (first < 0) return null;
  let start = Math.max(0, words[first]!.start - before);
  // Start and end on word boundaries so no word is cut in half.
  const startWord = words.find((w) => w.end > start);
  start = startWord && startWord.start <= words[first]!.start ? startWord.start : words[first]!.start;
  let end = Math.min(text.length, start + length);
  const endWord = [...words].reverse().find((w) => w.start < end);
  if (endWord && end < text.length) end = Math.max(endWord.end, words[first]!.end);

  let html = start > 0 ? '…' : '';
  let cursor = start;
  for (const w of words) {
    if (w.start < start || w.end > end) continue;
    if (!isMatch(w.word)) continue;
    html += escapeHtml(text.slice(cursor, w.start)) + `<mark>${escapeHtml(w.word)}</mark>`;
    cursor = w.end;
  }
  html += escapeHtml(text.slice(cursor, end));
  if (end < text.length) html += '…';
  return html.replace(/\s+/g, ' ').trim();
}
