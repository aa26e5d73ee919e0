/** Dashboard pages read their numbers through the report routes in-process, exactly as an API client would. */
import type { Runtime } from '../../../api/runtime.ts';

export type ReportName = 'overview' | 'articles' | 'search' | 'gaps' | 'tickets' | 'contact';

export type ReportResult<T> = { ok: true; data: T } | { ok: false; status: number; message: string };

/** GET /api/reports/<name>?<query> on the runtime's own app with the admin token; never throws for an API error. */
export async function fetchReport<T>(kb: Runtime, name: ReportName, query: string): Promise<ReportResult<T>> {
  const res = await kb.app.request(`/api/reports/${name}?${query}`, {
    headers: { authorization: `Bearer ${kb.admin.token}`, accept: 'application/json' },
  });
  const body = (await res.json().catch(() => undefined)) as { error?: { message?: string } } | undefined;
  if (!res.ok || !body) {
    const message = body?.error?.message ?? `The ${name} report answered ${res.status}.`;
    return { ok: false, status: res.status, message };
  }
  return { ok: true, data: body as T };
}

/** The same report as CSV, for the download links (the route's own format=csv). */
export function csvHref(name: ReportName, query: string, list?: string): string {
  const q = new URLSearchParams(query);
  q.set('format', 'csv');
  if (list) q.set('list', list);
  return `/api/reports/${name}?${q.toString()}`;
}
