/** The one JSON error envelope every API error is answered with: { error: { code, message, details } }. */
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

export interface ErrorBody {
  error: { code: string; message: string; details?: unknown };
}

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

/** Throws with a status, a sentence a person can act on, and optional details (e.g. a list of field problems). */
export function fail(status: ContentfulStatusCode, message: string, details?: unknown): never {
  throw new HTTPException(status, { message, cause: details === undefined ? undefined : { details } });
}

/** Builds the envelope for a status. */
export function errorBody(status: number, message: string, details?: unknown): ErrorBody {
  const error: ErrorBody['error'] = { code: CODES[status] ?? `http_${status}`, message };
  if (details !== undefined) error.details = details;
  return { error };
}

/** app.onError: HTTPExceptions keep their status and message; anything else is a logged 500. */
export function onError(err: Error, c: Context) {
  if (err instanceof HTTPException) {
    const cause = err.cause as { details?: unknown } | undefined;
    return c.json(errorBody(err.status, err.message, cause?.details), err.status);
  }
  console.error(err);
  return c.json(errorBody(500, 'Something went wrong on our side; the error was logged.'), 500);
}

/** app.notFound for /api paths. */
export function onNotFound(c: Context) {
  return c.json(errorBody(404, `No API route ${c.req.method} ${c.req.path}`), 404);
}
