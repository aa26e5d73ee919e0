/** Hands an event to the tracker (/kb.js) through the one DOM event it listens to (docs/contracts.md). */
import type { PageEventDetail } from '../../db/shared/event.ts';

/** What a page script sends: the wire format's event minus what the tracker adds (db/shared/event.ts). */
export type TrackDetail = PageEventDetail;

export function track(detail: TrackDetail): void {
  document.dispatchEvent(new CustomEvent('kb:track', { detail }));
}
