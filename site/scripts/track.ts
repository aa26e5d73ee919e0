/** Hands an event to the tracker (/kb.js) through the one DOM event it listens to (docs/contracts.md). */
export type TrackDetail =
  | { type: 'vote'; helpful: boolean; comment?: string }
  | { type: 'search'; query: string; results: number }
  | { type: 'search_click'; query: string; position: number };

export function track(detail: TrackDetail): void {
  document.dispatchEvent(new CustomEvent('kb:track', { detail }));
}
