/** Who posted a contact form, as submitContact needs it: the visitor hash and the headers of the cross-site check. */
import type { Store } from '../../db/store.ts';
import type { Client } from './submit.ts';

/** Builds the Client from raw request facts: the same visitor hash ingest gives the sender's events, so their session is found. */
export async function clientOf(store: Store, req: { url: string; headers: Headers; ip: string }, at: number): Promise<Client> {
  return {
    visitor: await store.tracking.visitorOf(req.ip, req.headers.get('user-agent') ?? '', at),
    origin: req.headers.get('origin'),
    secFetchSite: req.headers.get('sec-fetch-site'),
    requestUrl: req.url,
  };
}
