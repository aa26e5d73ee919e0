/** Turns one validated event into its events row, settling per-session facts as it goes (SPEC 5.3, 7). */
import type { TrackEvent } from '../shared/event.ts';
import type { StoredEvent } from '../reports/rollups/events.ts';
import { normalizeQuery, referrerHost } from './event-fields.ts';
import type { OpenSession } from './sessions.ts';
import type { EventParams, IngestStatements } from './ingest-statements.ts';

/** Field access across the union: each event type has some of these. */
type AnyEventFields = Partial<{
  path: string;
  article: string;
  locale: string;
  referrer: string;
  seconds: number;
  scroll: number;
  helpful: boolean;
  query: string;
  results: number;
  position: number;
  comment: string;
  via: 'cta' | 'form';
}>;

/** True when a search_click at `ts` is the first click on the session's latest earlier search. */
function opensSearch(session: OpenSession, ts: number): boolean {
  const search = session.lastSearch;
  return search !== null && search.ts <= ts && !search.clicked;
}

/** Builds the row to insert; `contact` events get the last article viewed within the attribution window. */
export function toParams(
  event: TrackEvent,
  ts: number,
  visitor: string,
  session: OpenSession,
  attributionMs: number,
): EventParams {
  const e = event as TrackEvent & AnyEventFields;
  const view = session.lastView;
  const attributed = e.type === 'contact' && view && ts - view.ts <= attributionMs ? view.article : null;
  return {
    ts,
    type: e.type,
    visitor,
    sessionId: session.id,
    pv: e.pv,
    path: e.path ?? null,
    article: e.article ?? null,
    locale: e.locale ?? null,
    seconds: e.seconds ?? null,
    scroll: e.scroll ?? null,
    helpful: e.helpful === undefined ? null : e.helpful ? 1 : 0,
    query: e.query || null,
    queryNorm: e.query ? normalizeQuery(e.query) : null,
    results: e.results ?? null,
    position: e.position ?? null,
    comment: e.comment ?? null,
    referrerHost: referrerHost(e.referrer),
    via: e.via ?? null,
    attributedArticle: attributed,
    clicked: e.type === 'search_click' && opensSearch(session, ts) ? 1 : 0,
  };
}

/** The stored row as the rollups see it. */
export function toStored(id: number, p: EventParams): StoredEvent {
  return {
    id,
    ts: p.ts,
    type: p.type as StoredEvent['type'],
    visitor: p.visitor,
    sessionId: p.sessionId,
    pv: p.pv,
    path: p.path,
    article: p.article,
    locale: p.locale,
    seconds: p.seconds,
    scroll: p.scroll,
    helpful: p.helpful === null ? null : p.helpful === 1,
    query: p.query,
    queryNorm: p.queryNorm,
    results: p.results,
    position: p.position,
    comment: p.comment,
    referrerHost: p.referrerHost,
    via: p.via,
    attributedArticle: p.attributedArticle,
    clicked: p.clicked === 1,
  };
}

/**
 * Updates the session after a row was inserted: views move "last article viewed", searches become the one a
 * following search_click marks as clicked (also on the in-batch row, so rollups see the final flag). The
 * search_click that flips a search's flag carries clicked = true itself, so rollups can count clicked
 * searches from the batch alone even when the search was stored in an earlier batch.
 */
export function afterInsert(row: StoredEvent, session: OpenSession, stmts: IngestStatements, batch: Map<number, StoredEvent>) {
  if (row.type === 'view' && row.article) session.lastView = { article: row.article, ts: row.ts };
  else if (row.type === 'search') session.lastSearch = { id: row.id, ts: row.ts, clicked: false };
  else if (row.type === 'search_click' && row.clicked && session.lastSearch) {
    stmts.markClicked.run(session.lastSearch.id);
    session.lastSearch.clicked = true;
    const inBatch = batch.get(session.lastSearch.id);
    if (inBatch) inBatch.clicked = true;
  }
}
