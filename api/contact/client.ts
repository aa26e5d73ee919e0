/** Who posted a contact form, as submitContact needs it: the visitor hash and the headers of the cross-site check. */
import type { Db } from '../../db/sqlite/client.ts';
import type { Client } from './submit.ts';
import { contactVisitor } from './sender-visitor.ts';

/** Builds the Client from raw request facts; shared by the API route and the /contact page. */
export function clientOf(db: Db, req: { url: string; headers: Headers; ip: string }, at: number): Client {
  return {
    visitor: contactVisitor(db, req.ip, req.headers.get('user-agent') ?? '', at),
    origin: req.headers.get('origin'),
    secFetchSite: req.headers.get('sec-fetch-site'),
    requestUrl: req.url,
  };
}
