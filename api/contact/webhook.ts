/** Delivers one request to KB_WEBHOOK_URL as signed JSON; resolves only when the receiver answered 2xx. */
import type { ContactPayload } from './payload.ts';
import { SIGNATURE_HEADER, signBody } from './signature.ts';

export interface WebhookTarget {
  url: string;
  secret: string | undefined;
  timeoutMs?: number;
  /** Aborts the request when the outbox shuts down. */
  signal?: AbortSignal;
}

export async function sendWebhook(target: WebhookTarget, payload: ContactPayload, attempt: number): Promise<void> {
  const body = JSON.stringify(payload);
  const headers: Record<string, string> = {
    'Content-Type': 'application/json',
    'User-Agent': 'kb-contact/1',
    'Idempotency-Key': payload.id,
    'X-KB-Delivery-Attempt': String(attempt),
  };
  if (target.secret) headers[SIGNATURE_HEADER] = signBody(body, target.secret);
  const res = await fetch(target.url, {
    method: 'POST',
    headers,
    body,
    redirect: 'manual',
    signal: AbortSignal.any([AbortSignal.timeout(target.timeoutMs ?? 10_000), ...(target.signal ? [target.signal] : [])]),
  });
  // Drain the body so the connection can be reused or closed cleanly.
  const text = await res.text().catch(() => '');
  if (res.status < 200 || res.status > 299) {
    throw new Error(`webhook answered ${res.status}${text ? `: ${text.slice(0, 200)}` : ''}`);
  }
}
