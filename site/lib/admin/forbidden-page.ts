/** The plain page for a refused form or body (cross-site, missing CSRF token, too large, an upload that could not be read). */

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A small self-contained HTML page with the reason, escaped. */
export function forbiddenPage(message: string, status = 403): Response {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Request refused</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body style="font:16px/1.5 system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem">
<h1 style="font-size:1.4rem">Request refused</h1><p>${escapeHtml(message)}</p><p><a href="/admin">Back to the dashboard</a></p>
</body></html>`;
  return new Response(html, { status, headers: { 'Content-Type': 'text/html; charset=utf-8' } });
}
