/** In `astro dev` (no api/server.ts in front), gives on-demand pages a runtime whose search is built from the content. */
import { defineMiddleware } from 'astro:middleware';

export const onRequest = defineMiddleware(async (context, next) => {
  // api/server.ts hands locals.kb to every request it serves; prerendered pages need none.
  if (import.meta.env.DEV && !context.isPrerendered && !context.locals.kb) {
    const { devRuntime } = await import('./lib/dev-runtime.ts');
    context.locals.kb = await devRuntime();
  }
  return next();
});
