/** The plain 403 page for a refused admin form (cross-site or missing CSRF token). */

/** A small self-contained HTML page; the message is ours, never visitor text. */
export function forbiddenPage(message: string): Response {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Request refused</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body style="font:16px/1.5 system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem">
<h1 style="font-size:1.4rem">Request refused</h1><p>${message}</p><p><a href="/admin">Back to the dashboard</a></p>
</body></html>`;
  return new Response(html, { status: 403, headers: { 'Content-Type': 'text/html; charset=utf-8' } });
}
