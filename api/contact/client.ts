/** Who posted a contact form, as submitContact needs it: the visitor hash and the headers of the cross-site check. */
import type { Context } from 'hono';
import type { Db } from '../../db/client.ts';
import type { Client } from './submit.ts';
import { contactVisitor } from './visitor.ts';

interface NodeBindings {
  incoming?: { socket?: { remoteAddress?: string } };
}

/** The peer address of a Hono request served by @hono/node-server (empty in app.request() tests). */
export function peerAddress(c: Context): string {
  return (c.env as NodeBindings | undefined)?.incoming?.socket?.remoteAddress ?? '';
}

/** Builds the Client from raw request facts; shared by the API route and the /contact page. */
export function clientOf(db: Db, req: { url: string; headers: Headers; ip: string }, at: number): Client {
  return {
    visitor: contactVisitor(db, req.ip, req.headers.get('user-agent') ?? '', at),
    origin: req.headers.get('origin'),
    secFetchSite: req.headers.get('sec-fetch-site'),
    requestUrl: req.url,
  };
}
