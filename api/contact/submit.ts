/** Takes one posted contact form: turns spam away (counted), validates, stores the request, then wakes the outbox. */
import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import type { RejectionReason } from '../../db/shared/contact.ts';
import type { Deps } from '../context.ts';
import { FIELD, parseFields, type FieldError } from '../../db/shared/contact-fields.ts';
import { checkFormToken, usedToken } from './form-token.ts';
import { configuredChannels } from './delivery.ts';
import { contactReference } from './reference.ts';
import { isSameOrigin, type OriginHeaders } from '../http/same-origin.ts';

/** Stored requests one visitor may send per hour. */
export const REQUESTS_PER_HOUR = 5;
/** Stored requests one client address may send per hour, all its visitors together (an office shares one address). */
export const ADDRESS_REQUESTS_PER_HOUR = 20;

export interface Client extends OriginHeaders {
  /** The visitor hash (SPEC 5.3) of the sender. */
  visitor: string;
  /** The sender's address, hashed with the day's salt. */
  address: string;
}

export type SubmitResult =
  | { ok: true; id: number; key: string; locale: string; /** What the customer quotes (KB-7F3Q2). */ reference: string }
  | { ok: false; status: 403 | 422 | 429; message: string; errors: FieldError[]; rejected?: RejectionReason };

const SPAM_MESSAGES: Record<RejectionReason, string> = {
  cross_site: 'This form can only be sent from our own contact page.',
  honeypot: 'This request looks automated (a field people cannot see was filled in), so it was not sent.',
  bad_token: 'The form is incomplete or was changed; please reload the contact page and send it again.',
  expired: 'The form was open too long; please reload the contact page and send it again.',
  too_fast: 'The form was sent too quickly after it opened; please wait a few seconds and send it again.',
  already_sent: 'This form was sent already; reload the contact page to send another request.',
  rate_limited: `You have sent ${REQUESTS_PER_HOUR} requests in the last hour; please wait before sending another.`,
};

const STATUS: Record<RejectionReason, 403 | 422 | 429> = {
  cross_site: 403, honeypot: 422, bad_token: 422, expired: 422, too_fast: 422, already_sent: 422, rate_limited: 429,
};

const str = (v: unknown) => (typeof v === 'string' ? v : undefined);

/** What submitContact needs from the running instance (the API route's deps, or the page's Astro.locals.kb). */
export type SubmitDeps = Pick<Deps, 'store' | 'config' | 'secret' | 'outbox'>;

export async function submitContact(deps: SubmitDeps, raw: Record<string, unknown>, client: Client, at = Date.now()): Promise<SubmitResult> {
  const { config } = deps;
  const { contact } = deps.store;
  const reject = async (reason: RejectionReason): Promise<SubmitResult> => {
    await contact.countRejection(DateTime.fromMillis(at, { zone: config.timeZone }).toISODate()!, reason);
    return { ok: false, status: STATUS[reason], rejected: reason, message: SPAM_MESSAGES[reason], errors: [{ field: 'form', code: reason, message: SPAM_MESSAGES[reason] }] };
  };

  if (!isSameOrigin(client, config.siteUrl)) return reject('cross_site');
  if ((str(raw[FIELD.honeypot]) ?? '').trim() !== '') return reject('honeypot');
  const token = str(raw[FIELD.token]);
  const checked = checkFormToken(deps.secret, token, at);
  if (checked !== 'ok') return reject(checked);

  const parsed = parseFields(raw);
  if (!parsed.ok) {
    const count = parsed.errors.length;
    return { ok: false, status: 422, message: `The form has ${count} problem${count === 1 ? '' : 's'}: ${parsed.errors.map((e) => e.message).join(' ')}`, errors: parsed.errors };
  }
  const hourAgo = at - 60 * 60_000;
  if ((await contact.countRequestsSince(client.visitor, hourAgo)) >= REQUESTS_PER_HOUR) return reject('rate_limited');
  if ((await contact.countAddressRequestsSince(client.address, hourAgo)) >= ADDRESS_REQUESTS_PER_HOUR) return reject('rate_limited');

  const input = parsed.value;
  const session = await contact.sessionArticles(client.visitor, at);
  const key = randomUUID();
  const id = await contact.storeRequest(
    {
      key,
      createdAt: at,
      email: input.email,
      subject: input.subject,
      message: input.message,
      account: input.account ?? null,
      locale: input.locale,
      fromArticle: input.from ?? null,
      viewedArticles: session.articles,
      visitor: client.visitor,
      address: client.address,
      sessionId: session.sessionId,
    },
    deps.outbox?.channels ?? configuredChannels(config),
    usedToken(token!),
  );
  if (id === undefined) return reject('already_sent');
  // Stored and committed above; delivery happens after the customer is answered.
  deps.outbox?.wake();
  return { ok: true, id, key, locale: input.locale, reference: contactReference(id) };
}
