/** The tracking wire format (SPEC 5.2): one zod schema per event type; the tracker imports its types only. */
import { z } from 'zod';

/** At most this many events in one request. */
export const MAX_BATCH = 50;
/** Request bodies over this many bytes are answered 413. */
export const MAX_BODY_BYTES = 16 * 1024;

const text = (max: number) => z.string().min(1).max(max);
const count = (max: number) => z.number().int().min(0).max(max);

/** Fields every event sent from a page carries; the tracker fills them in. */
const pageFields = {
  /** Random per-page-view id. */
  pv: text(64),
  /** location.pathname of the page. */
  path: text(1000).optional(),
  /** Article slug the event is about. */
  article: text(200).optional(),
  /** BCP 47 tag from <html lang>. */
  locale: text(35).optional(),
  /** document.referrer; only its host is stored. */
  referrer: z.string().max(1000).optional(),
};

// extend() rather than a spread: a field of `shape` (suggest_click's required `article`) must replace the page field's type.
const event = <T extends string, S extends z.ZodRawShape>(type: T, shape: S) =>
  z.strictObject({ type: z.literal(type), ...pageFields }).extend(shape);

export const ViewEvent = event('view', {});
export const ReadEvent = event('read', {
  /** Engaged seconds so far in this page view. */
  seconds: count(1800),
  /** Deepest scroll reached, percent of the page. */
  scroll: count(100).optional(),
});
export const VoteEvent = event('vote', {
  helpful: z.boolean(),
  /** "What was missing?" after a no. */
  comment: text(500).optional(),
});
export const SearchEvent = event('search', { query: text(200), results: count(100_000) });
export const SearchClickEvent = event('search_click', {
  /** The query whose result was opened; may be empty when the page no longer knows it. */
  query: z.string().max(200).optional(),
  /** 1-based position of the opened result. */
  position: z.number().int().min(1).max(1000),
});
export const ContactEvent = event('contact', {
  /** `cta`: a contact call to action was used; `form`: a contact form was submitted. */
  via: z.enum(['cta', 'form']),
});
export const SuggestShownEvent = event('suggest_shown', { query: text(200), results: count(100_000) });
export const SuggestClickEvent = event('suggest_click', {
  /** The suggested article that was opened. */
  article: text(200),
  query: z.string().max(200).optional(),
  position: z.number().int().min(1).max(1000),
});

/** Any one tracking event, told apart by `type`. */
export const TrackEventSchema = z.discriminatedUnion('type', [
  ViewEvent,
  ReadEvent,
  VoteEvent,
  SearchEvent,
  SearchClickEvent,
  ContactEvent,
  SuggestShownEvent,
  SuggestClickEvent,
]);

/** A request body: one event, or `{ events: [...] }` with 1 to 50 of them. */
export const EventBatchSchema = z.strictObject({ events: z.array(TrackEventSchema).min(1).max(MAX_BATCH) });

export type TrackEvent = z.infer<typeof TrackEventSchema>;
export type TrackEventType = TrackEvent['type'];
/** An event as a page script hands it to the tracker: the tracker adds pv, path, locale and article. */
export type PageEventDetail = DistributiveOmit<TrackEvent, 'pv' | 'path' | 'locale'> & { article?: string };

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** The event types, for messages and the events table. */
export const EVENT_TYPES = TrackEventSchema.options.map((o) => o.shape.type.value);
