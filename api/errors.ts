/** The one JSON error envelope every API error is answered with: { error: { code, message, details } }. */
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ErrorBody, ErrorDetail } from '../db/shared/errors.ts';

export type { ErrorBody, ErrorDetail };

const CODES: Record<number, string> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  408: 'request_timeout',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  422: 'unprocessable',
  429: 'rate_limited',
  500: 'internal',
  503: 'unavailable',
};

interface Cause {
  details?: ErrorDetail[];
  extra?: Record<string, unknown>;
}

/**
 * Throws with a status, a sentence a person can act on, and the problems and where they are (`details`);
 * `extra` adds facts of the failure beside them (an import's counts).
 */
export function fail(status: ContentfulStatusCode, message: string, details?: ErrorDetail[], extra?: Record<string, unknown>): never {
  throw new HTTPException(status, { message, cause: { details, extra } satisfies Cause });
}

/** Builds the envelope for a status. A 400 or 422 always lists details: the message itself when nothing finer is known. */
export function errorBody(status: number, message: string, details?: ErrorDetail[], extra?: Record<string, unknown>): ErrorBody {
  const error: ErrorBody['error'] = { code: CODES[status] ?? `http_${status}`, message, ...extra };
  const listed = details ?? (status === 400 || status === 422 ? [{ path: '', message }] : undefined);
  if (listed !== undefined) error.details = listed;
  return { error };
}

/** app.onError: HTTPExceptions keep their status and message; anything else is a logged 500. */
export function onError(err: Error, c: Context) {
  if (err instanceof HTTPException) {
    const cause = err.cause as Cause | undefined;
    return c.json(errorBody(err.status, err.message, cause?.details, cause?.extra), err.status);
  }
  console.error(err);
  return c.json(errorBody(500, 'Something went wrong on our side; the error was logged.'), 500);
}

/** app.notFound for /api paths. */
export function onNotFound(c: Context) {
  return c.json(errorBody(404, `No API route ${c.req.method} ${c.req.path}`), 404);
}
