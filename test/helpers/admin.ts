/** Dashboard sessions in tests: one opened the way a login opens one, or a real login and logout through the forms. */
import type { Runtime } from '../../api/runtime.ts';

export interface AdminSession {
  /** The Cookie header value: `kb_admin=<id>`. */
  cookie: string;
  /** The session's CSRF token (form field `csrf`, or the x-csrf-token header on the API). */
  csrf: string;
}

export async function openSession(kb: Pick<Runtime, 'sessions'>): Promise<AdminSession> {
  const { cookie, session } = await kb.sessions.open();
  return { cookie: `kb_admin=${cookie}`, csrf: session.csrf };
}

/**
 * Logs in through /admin/login as a browser does (the form's nonce cookie and CSRF field), from client address
 * `ip` (the server must trust the proxy for X-Forwarded-For to name the client). `cookie` is `kb_admin=<id>`.
 */
export async function logInThroughForm(url: string, token: string, ip = '198.51.100.1'): Promise<{ status: number; cookie?: string; setCookie?: string }> {
  const page = await fetch(`${url}/admin/login`, { headers: { 'x-forwarded-for': ip } });
  const nonce = page.headers.getSetCookie().find((c) => c.startsWith('kb_login_nonce='))!.split(';')[0]!;
  const csrf = /name="csrf" value="([^"]+)"/.exec(await page.text())![1]!;
  const res = await fetch(`${url}/admin/login`, {
    method: 'POST',
    redirect: 'manual',
    body: new URLSearchParams({ csrf, token }),
    headers: { cookie: nonce, origin: url, 'x-forwarded-for': ip },
  });
  await res.arrayBuffer();
  const setCookie = res.headers.getSetCookie().find((c) => c.startsWith('kb_admin='));
  return { status: res.status, cookie: setCookie?.split(';')[0], setCookie };
}

/** Logs out with the form the dashboard shows (its CSRF field read from the page); resolves with the POST's status. */
export async function logOutThroughForm(url: string, cookie: string): Promise<number> {
  const page = await fetch(`${url}/admin`, { headers: { cookie }, redirect: 'manual' });
  const csrf = /name="csrf" value="([^"]+)"/.exec(await page.text())?.[1];
  if (!csrf) throw new Error(`No logout form on /admin (status ${page.status}): is the session live?`);
  const res = await fetch(`${url}/admin/logout`, { method: 'POST', redirect: 'manual', body: new URLSearchParams({ csrf }), headers: { cookie, origin: url } });
  await res.arrayBuffer();
  return res.status;
}
