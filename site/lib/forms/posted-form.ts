/** Hands a POSTed form, read (bounded) and checked once by site/middleware.ts, to the page that handles it. */

// Keyed by the request itself: Astro.locals is one object shared by every request (api/server.ts), so it must not carry per-request state.
const forms = new WeakMap<Request, FormData>();

/** Called by the middleware after the form was read within its bound and passed its checks. */
export function acceptForm(request: Request, form: FormData): void {
  forms.set(request, form);
}

/** The checked form of this request, or undefined for a GET (or a POST that never reached the checks). */
export function postedForm(request: Request): FormData | undefined {
  return forms.get(request);
}
