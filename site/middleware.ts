/** Gives on-demand pages a runtime under `astro dev`, and guards every /admin page: login required, cross-site form posts refused, admin responses never cached or framed. */
import { defineMiddleware, sequence } from 'astro:middleware';
import { CSRF_FIELD, csrfTokenValid, LOGIN_NONCE_COOKIE, sameOriginRequest } from './lib/admin/csrf.ts';
import { allowedOrigins, isLoggedIn, SESSION_COOKIE } from './lib/admin/session.ts';
import { forbiddenPage } from './lib/admin/forbidden-page.ts';
import { acceptForm } from './lib/admin/posted-form.ts';
import { isMultipart, readMultipartForm, type DiskForm } from './lib/admin/multipart-form.ts';
import { HTTPException } from 'hono/http-exception';

const ADMIN = /^\/admin(?:\/|$)/;
const LOGIN = /^\/admin\/login\/?$/;

// Admin pages only ever load their own scripts and styles; nobody may frame them (clickjacking).
const ADMIN_HEADERS: Record<string, string> = {
  'Cache-Control': 'no-store',
  'Content-Security-Policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
    "frame-ancestors 'none'; form-action 'self'; base-uri 'none'; object-src 'none'",
  'Referrer-Policy': 'same-origin',
  'X-Content-Type-Options': 'nosniff',
};

function withHeaders(res: Response): Response {
  // Redirect responses have immutable headers; copy them into a fresh Response first.
  const out = new Response(res.body, res);
  for (const [k, v] of Object.entries(ADMIN_HEADERS)) out.headers.set(k, v);
  return out;
}

const adminGuard = defineMiddleware(async (context, next) => {
  const { pathname, search } = context.url;
  if (!ADMIN.test(pathname) || context.isPrerendered) return next();
  const kb = context.locals.kb;
  const token = kb.admin.token;
  const isLogin = LOGIN.test(pathname);

  if (!isLogin && !isLoggedIn(context.request, token)) {
    return withHeaders(context.redirect(`/admin/login?next=${encodeURIComponent(pathname + search)}`, 303));
  }

  if (context.request.method === 'POST') {
    if (!sameOriginRequest(context.request.headers, allowedOrigins(context.url, kb.config.siteUrl))) {
      return withHeaders(forbiddenPage('This form was sent from another site, so it was refused.'));
    }
    const binding = isLogin ? context.cookies.get(LOGIN_NONCE_COOKIE)?.value : context.cookies.get(SESSION_COOKIE)?.value;
    let disk: DiskForm | undefined;
    try {
      disk = isMultipart(context.request) ? await readMultipartForm(context.request) : undefined;
    } catch (err) {
      if (err instanceof HTTPException) return withHeaders(forbiddenPage(err.message, err.status));
      throw err;
    }
    try {
      const form = disk?.form ?? (await context.request.formData().catch(() => undefined));
      if (!form || !csrfTokenValid(token, binding, form.get(CSRF_FIELD))) {
        return withHeaders(forbiddenPage('This form has expired or did not come from this dashboard. Reload the page and send it again.'));
      }
      acceptForm(context.request, form);
      // The page has handled the form (an upload is imported) by the time its response exists.
      return withHeaders(await next());
    } finally {
      await disk?.dispose();
    }
  }
  return withHeaders(await next());
});

/** In `astro dev` (no api/server.ts in front), gives on-demand pages a runtime whose search is built from the content. */
const withDevRuntime = defineMiddleware(async (context, next) => {
  // api/server.ts hands locals.kb to every request it serves; prerendered pages need none.
  if (import.meta.env.DEV && !context.isPrerendered && !context.locals.kb) {
    const { devRuntime } = await import('./lib/dev-runtime.ts');
    context.locals.kb = await devRuntime();
  }
  return next();
});

export const onRequest = sequence(withDevRuntime, adminGuard);
