/**
 * Every request Astro renders passes here first: the dev runtime, the hardening headers, and the one place bodies
 * are read. A body is read only on a route that takes one (the contact form, the dashboard's forms), only within
 * its bound, and for /admin only once the sender is known to be a logged-in admin on this site (the bounded login
 * form aside); the upload is the only multipart body, and its file reaches disk only after its CSRF field passed.
 */
import { defineMiddleware, sequence } from 'astro:middleware';
import { HTTPException } from 'hono/http-exception';
import { ADMIN_HEADERS, DEV_PAGE_POLICY, SECURITY_HEADERS } from '../api/http/security-headers.ts';
import { BODY_LIMITS } from '../api/http/body-limits.ts';
import { isSameOriginRequest } from '../api/http/same-origin.ts';
import { sessionCookie } from '../api/admin/sessions.ts';
import { PREFIXED_LOCALES } from '../db/shared/locales.ts';
import { CSRF_FIELD, LOGIN_NONCE_COOKIE } from './lib/admin/csrf.ts';
import { rememberSession } from './lib/admin/session.ts';
import { forbiddenPage } from './lib/admin/forbidden-page.ts';
import { acceptForm } from './lib/forms/posted-form.ts';
import { readUrlencodedForm } from './lib/forms/read-form.ts';
import { isMultipart, readUploadForm, type DiskForm } from './lib/admin/upload-form.ts';

const ADMIN = /^\/admin(?:\/|$)/;
const LOGIN = /^\/admin\/login\/?$/;
const UPLOAD = /^\/admin\/import\/?$/;
const CONTACT = new RegExp(`^(?:/(?:${PREFIXED_LOCALES.join('|')}))?/contact/?$`);

function withHeaders(res: Response, headers: Record<string, string>): Response {
  // Redirect responses have immutable headers; copy them into a fresh Response first.
  const out = new Response(res.body, res);
  for (const [k, v] of Object.entries(headers)) out.headers.set(k, v);
  return out;
}

const refused = (err: unknown) => {
  if (!(err instanceof HTTPException)) throw err;
  return forbiddenPage(err.message, err.status);
};

/**
 * In production api/server.ts sets the page headers on every answer and this adds the dashboard's; `astro dev` has
 * only this middleware, so it sets both, with Vite's inline tags allowed.
 */
const headers = defineMiddleware(async (context, next) => {
  const res = await next();
  const admin = ADMIN.test(context.url.pathname) && !context.isPrerendered;
  if (!admin && !import.meta.env.DEV) return res;
  const set: Record<string, string> = import.meta.env.DEV ? { ...SECURITY_HEADERS } : {};
  if (admin) Object.assign(set, ADMIN_HEADERS);
  if (import.meta.env.DEV) set['Content-Security-Policy'] = DEV_PAGE_POLICY;
  return withHeaders(res, set);
});

const adminGuard = defineMiddleware(async (context, next) => {
  const { pathname, search } = context.url;
  if (!ADMIN.test(pathname) || context.isPrerendered) return next();
  const kb = context.locals.kb;
  const isLogin = LOGIN.test(pathname);
  const session = await kb.sessions.find(sessionCookie(context.request.headers.get('cookie')));
  if (session) rememberSession(context.request, session);
  if (!isLogin && !session) return context.redirect(`/admin/login?next=${encodeURIComponent(pathname + search)}`, 303);

  const method = context.request.method;
  if (method === 'GET' || method === 'HEAD') return next();
  if (method !== 'POST') return forbiddenPage('The dashboard takes only GET and POST.', 405);
  if (!isSameOriginRequest(context.request.headers, context.request.url, kb.config.siteUrl)) {
    return forbiddenPage('This form was sent from another site, so it was refused.');
  }
  const binding = isLogin ? context.cookies.get(LOGIN_NONCE_COOKIE)?.value : session!.idHash;
  const expired = 'This form has expired or did not come from this dashboard. Reload the page and send it again.';
  const csrfOk = (given: unknown) => binding !== undefined && kb.sessions.csrfMatches(binding, given);

  if (UPLOAD.test(pathname) && isMultipart(context.request)) {
    let disk: DiskForm;
    try {
      disk = await readUploadForm(context.request, kb.config.tempDir, (fields) => (csrfOk(fields.get(CSRF_FIELD)?.[0]) ? undefined : expired));
    } catch (err) {
      return refused(err);
    }
    try {
      acceptForm(context.request, disk.form);
      // The page has handled the form (the upload is imported) by the time its response exists.
      return await next();
    } finally {
      await disk.dispose();
    }
  }
  let form: FormData;
  try {
    form = await readUrlencodedForm(context.request, isLogin ? BODY_LIMITS.loginForm : BODY_LIMITS.adminForm);
  } catch (err) {
    return refused(err);
  }
  if (!csrfOk(form.get(CSRF_FIELD))) return forbiddenPage(expired);
  acceptForm(context.request, form);
  return next();
});

/** The contact page's plain (no JavaScript) post; the page checks origin, token and fields like the JSON API does. */
const contactForm = defineMiddleware(async (context, next) => {
  if (context.request.method !== 'POST' || !CONTACT.test(context.url.pathname)) return next();
  try {
    acceptForm(context.request, await readUrlencodedForm(context.request, BODY_LIMITS.contactForm));
  } catch (err) {
    return refused(err);
  }
  return next();
});

/** Any other page takes no body: refused unread. (/api is Hono's, reached here only under `astro dev`.) */
const noOtherBodies = defineMiddleware((context, next) => {
  const { method } = context.request;
  const { pathname } = context.url;
  if (method === 'GET' || method === 'HEAD' || method === 'OPTIONS' || pathname.startsWith('/api/')) return next();
  if (ADMIN.test(pathname) || CONTACT.test(pathname)) return next();
  return withHeaders(forbiddenPage('This page takes no form.', 405), { Allow: 'GET, HEAD' });
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

export const onRequest = sequence(withDevRuntime, headers, noOtherBodies, adminGuard, contactForm);
