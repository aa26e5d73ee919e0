import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../helpers/server.ts';

let server: RunningServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server?.stop());

const get = (path: string, init?: RequestInit) => fetch(server.url + path, init);

describe('the built help center', () => {
  it('serves the home page with the search box and the topics with article counts', async () => {
    const res = await get('/');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toMatch(/<html lang="en" dir="ltr"/);
    expect(html).toContain('action="/search"');
    expect(html).toContain('href="/categories/getting-started"');
    expect(html).toMatch(/\d+ articles?</);
    expect(html).toContain('<script src="/kb.js" data-api="/api/events" data-contact-url="/contact" defer></script>');
  });

  it('serves a category page listing its articles', async () => {
    const res = await get('/categories/getting-started');
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('href="/articles/set-up-your-studio"');
  });

  it('serves an article with its table of contents, vote, contact link and tracker meta', async () => {
    const res = await get('/articles/set-up-your-studio');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<meta name="kb:article" content="set-up-your-studio">');
    expect(html).toContain('class="toc"');
    expect(html).toContain('href="#create-your-account"');
    expect(html).toContain('data-vote');
    expect(html).toMatch(/href="\/contact\?from=set-up-your-studio" data-kb-contact/);
    expect(html).toContain('Updated ');
  });

  it('renders /search?q= on the server, with results and marked words', async () => {
    const res = await get('/search?q=studio');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('href="/articles/set-up-your-studio"');
    expect(html).toContain('<mark>');
    expect(html).toContain('value="studio"');
  });

  it('says so when a search finds nothing, and shows the topics instead', async () => {
    const res = await get('/search?q=xylophonezzz');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('No articles match');
    expect(html).toContain('href="/categories/getting-started"');
  });

  it('answers an unknown path with the 404 page', async () => {
    const res = await get('/articles/no-such-article');
    expect(res.status).toBe(404);
    expect(await res.text()).toContain('Page not found');
    expect((await get('/xx/search?q=a')).status).toBe(404);
  });

  it('answers GET /api/search with JSON results', async () => {
    const res = await get('/api/search?q=set%20up%20your%20studio&locale=en');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/json');
    const body = (await res.json()) as { total: number; results: { title: string; url: string; category: string; snippet: string }[] };
    expect(body.total).toBeGreaterThan(0);
    expect(body.results[0]).toMatchObject({ url: '/articles/set-up-your-studio', category: expect.any(String), title: expect.any(String) });
  });

  it('answers an empty or punctuation-only API query with an empty list', async () => {
    for (const q of ['', '%3F%21%2A', '%22%22']) {
      const res = await get(`/api/search?q=${q}`);
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ total: 0, results: [] });
    }
  });

  it('answers a query no article fully matches with total 0, the partial matches and the missing words', async () => {
    const body = (await (await get('/api/search?q=apple%20pay&locale=en')).json()) as {
      total: number;
      results: unknown[];
      partial: { url: string; missing: string[] }[];
      missing: string[];
    };
    expect(body).toMatchObject({ total: 0, results: [], missing: ['apple'] });
    expect(body.partial.length).toBeGreaterThan(0);
    expect(body.partial.every((r) => r.missing.join() === 'apple')).toBe(true);
  });

  it('answers for=contact with at most three suggestions past the relevance bar, and none for stray words', async () => {
    const refund = (await (await get('/api/search?q=refund&locale=en&for=contact')).json()) as { total: number; results: { url: string }[] };
    expect(refund.results.length).toBeGreaterThan(0);
    expect(refund.results.length).toBeLessThanOrEqual(3);
    expect(refund.results[0]!.url).toBe('/articles/refund-a-client-payment');
    expect(await (await get('/api/search?q=two%20weeks&locale=en&for=contact')).json()).toMatchObject({ total: 0, results: [] });
    expect((await get('/api/search?q=x&for=everything')).status).toBe(400);
  });

  it('rejects an over-long query or an unknown locale with a readable error', async () => {
    const long = await get(`/api/search?q=${'a'.repeat(201)}`);
    expect(long.status).toBe(400);
    expect(((await long.json()) as { error: { details: unknown[] } }).error.details).toEqual([{ path: 'q', message: 'must be at most 200 characters' }]);
    const locale = await get('/api/search?q=a&locale=xx');
    expect(locale.status).toBe(400);
    expect(((await locale.json()) as { error: { details: Array<{ path: string }> } }).error.details[0]!.path).toBe('locale');
  });

  it('serves pages precompressed when the browser accepts it', async () => {
    const res = await get('/articles/set-up-your-studio/', { headers: { 'accept-encoding': 'br, gzip' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-encoding')).toBe('br');
  });

  it('does not publish the search index', async () => {
    expect((await get('/search-index/en.json')).status).toBe(404);
  });
});
