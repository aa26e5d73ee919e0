/** A dashboard session opened the way a login opens one, for tests of what a logged-in admin can do. */
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
