/**
 * How much a request may send, by what it is for (SPEC 8), and the one bounded reader for web Requests: a body
 * over its bound is refused by its Content-Length before a byte is read, or as soon as the stream passes it,
 * so memory never grows with what a client sends.
 */
import { HTTPException } from 'hono/http-exception';
import { MAX_BODY_BYTES } from '../../db/shared/event.ts';

export const BODY_LIMITS = {
  /** POST /api/events (SPEC 5.2). */
  events: MAX_BODY_BYTES,
  /** The contact form, JSON or form-encoded. */
  contactForm: 32 * 1024,
  /** The dashboard's login form. */
  loginForm: 4 * 1024,
  /** Any other dashboard form (logout, retry), from a logged-in admin only. */
  adminForm: 32 * 1024,
} as const;

/** A client that trickles a small form for longer than this is cut off (slow-body attacks hold sockets, not memory). */
export const SMALL_BODY_DEADLINE_MS = 30_000;

const kb = (n: number) => `${Math.round(n / 1024)} KB`;

/** Throws 413 when the declared length is over `limit`; true when a length was declared. */
export function checkDeclaredLength(headers: Headers, limit: number): boolean {
  const declared = headers.get('content-length');
  if (declared === null || headers.has('transfer-encoding')) return false;
  if (!/^\d+$/.test(declared) || Number(declared) > limit) tooLarge(limit);
  return true;
}

/**
 * Reads a request's body into memory, never more than `limit` bytes: 413 past it, 408 when it takes longer than
 * `deadlineMs`. An empty body reads as an empty buffer.
 */
export async function readBoundedBody(request: Request, limit: number, deadlineMs = SMALL_BODY_DEADLINE_MS): Promise<Buffer> {
  checkDeclaredLength(request.headers, limit);
  if (!request.body) return Buffer.alloc(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new HTTPException(408, { message: 'The request body arrived too slowly.' })), deadlineMs);
  });
  try {
    for (;;) {
      const { done, value } = await Promise.race([reader.read(), deadline]);
      if (done) break;
      size += value.byteLength;
      if (size > limit) tooLarge(limit);
      chunks.push(value);
    }
  } catch (err) {
    await reader.cancel().catch(() => undefined);
    throw err;
  } finally {
    clearTimeout(timer);
  }
  return Buffer.concat(chunks, size);
}

function tooLarge(limit: number): never {
  throw new HTTPException(413, { message: `The request body is over ${kb(limit)}.` });
}
