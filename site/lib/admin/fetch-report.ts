/** Dashboard pages read their numbers through the report routes in-process, exactly as an API client would. */
import type { Runtime } from '../../../api/runtime.ts';
import type { ReportName } from '../../../db/shared/reports.ts';
import { callApi } from '../api.ts';

export type { ReportName };

export type ReportResult<T> = { ok: true; data: T } | { ok: false; status: number; message: string };

/** GET /api/reports/<name>?<query> on the runtime's own app with the admin token; never throws for an API error. */
export async function fetchReport<T>(kb: Runtime, name: ReportName, query: string): Promise<ReportResult<T>> {
  const res = await callApi<T>(kb, `/api/reports/${name}?${query}`, { admin: true });
  if (!res.ok) return { ok: false, status: res.status, message: res.message.startsWith('/api/') ? `The ${name} report answered ${res.status}.` : res.message };
  return { ok: true, data: res.data };
}

/** The same report as CSV, for the download links (the route's own format=csv). */
export function csvHref(name: ReportName, query: string, list?: string): string {
  const q = new URLSearchParams(query);
  q.set('format', 'csv');
  if (list) q.set('list', list);
  return `/api/reports/${name}?${q.toString()}`;
}
