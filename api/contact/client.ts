/** Who posted a contact form, as submitContact needs it: visitor and address hashes, and the headers of the cross-site check. */
import type { Store } from '../../db/store.ts';
import { addressKey } from '../http/client-ip.ts';
import type { Client } from './submit.ts';

/** Stands in for the user agent when an address alone is hashed: no browser sends it, so it never equals a visitor hash. */
const ADDRESS_ONLY = '\0address';

/** Builds the Client from raw request facts: the same visitor hash ingest gives the sender's events, so their session is found. */
export async function clientOf(store: Store, req: { url: string; headers: Headers; ip: string }, at: number): Promise<Client> {
  return {
    visitor: await store.tracking.visitorOf(req.ip, req.headers.get('user-agent') ?? '', at),
    // The day's salt hashes the address too (an IPv6 client by its /64): the per-address limit, with nothing raw kept.
    address: await store.tracking.visitorOf(addressKey(req.ip), ADDRESS_ONLY, at),
    origin: req.headers.get('origin'),
    secFetchSite: req.headers.get('sec-fetch-site'),
    requestUrl: req.url,
  };
}
