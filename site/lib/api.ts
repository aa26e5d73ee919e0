/**
 * The one way pages get data: the API, called in-process on the runtime's own Hono app (no socket, no port).
 * A page sees exactly what an API client sees: the same validation, the same answers, the same error envelope.
 */
import type { Runtime } from '../../api/runtime.ts';

export type ApiResult<T> = { ok: true; status: number; data: T } | { ok: false; status: number; message: string; details: unknown };

export interface ApiCall {
  method?: 'GET' | 'POST';
  /** JSON-encoded and sent as application/json; a FormData is sent as multipart. */
  body?: unknown;
  /** Send the admin token (dashboard pages, whose visitor the middleware has already checked). */
  admin?: boolean;
  /** The visitor's request, when the API should see it as theirs: its headers and address pass through. */
  from?: { request: Request; clientAddress: string };
}

/** Calls `path` (e.g. `/api/reports/overview?from=...`) and reads the JSON answer; never throws for an API error. */
export async function callApi<T>(kb: Runtime, path: string, call: ApiCall = {}): Promise<ApiResult<T>> {
  const headers = new Headers(call.from?.request.headers);
  headers.delete('cookie');
  headers.delete('content-length');
  headers.set('accept', 'application/json');
  if (call.admin) headers.set('authorization', `Bearer ${kb.admin.token}`);
  let body: BodyInit | undefined;
  if (call.body instanceof FormData) {
    headers.delete('content-type');
    body = call.body;
  } else if (call.body !== undefined) {
    headers.set('content-type', 'application/json');
    body = JSON.stringify(call.body);
  }
  const url = call.from ? new URL(path, call.from.request.url).href : path;
  // @hono/node-server reads the client address from the socket it was given; in-process there is none but this one.
  const env = call.from ? { incoming: { socket: { remoteAddress: call.from.clientAddress } } } : undefined;
  const res = await kb.app.request(url, { method: call.method ?? 'GET', headers, body }, env);
  const json = (await res.json().catch(() => undefined)) as { error?: { message?: string; details?: unknown } } | undefined;
  if (!res.ok || json === undefined) {
    return { ok: false, status: res.status, message: json?.error?.message ?? `${path.split('?')[0]} answered ${res.status}.`, details: json?.error?.details };
  }
  return { ok: true, status: res.status, data: json as T };
}
