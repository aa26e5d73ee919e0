/** (c) What an article page costs a browser (gzipped bytes) and how long the site takes to build. */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { startServers } from './child.ts';
import { generatedArticles } from './corpus.ts';
import { kb } from './stats.ts';

/** Bytes on the wire for one GET with gzip accepted, and the body decoded only when it is HTML. */
function transfer(url: string): Promise<{ status: number; bytes: number; encoding: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: { 'accept-encoding': 'gzip' } }, (res) => {
      let bytes = 0;
      res.on('data', (c: Buffer) => (bytes += c.length));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, bytes, encoding: String(res.headers['content-encoding'] ?? 'identity') }));
    });
    req.on('error', reject);
    req.end();
  });
}

export async function pageWeight(): Promise<string> {
  const servers = await startServers();
  const base = `http://127.0.0.1:${servers.ports.ours}`;
  try {
    const path = '/articles/set-up-your-studio';
    const html = await (await fetch(base + path)).text();
    const assets = [
      ...html.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/g),
      ...html.matchAll(/<script[^>]+src="([^"]+)"/g),
    ].map((m) => m[1]!);
    const rows = [{ what: `HTML ${path}`, ...(await transfer(base + path)) }];
    for (const asset of assets) rows.push({ what: asset, ...(await transfer(base + asset)) });
    const counted = rows.filter((r) => r.status === 200);
    const total = counted.reduce((sum, r) => sum + r.bytes, 0);
    return [
      '### Article page weight',
      '',
      `Bytes transferred for ${path} and everything it loads, gzip (as sirv serves the precompressed files).`,
      'Aim: at most 30 KB. Inline styles and scripts are part of the HTML.',
      '',
      '| resource | status | encoding | bytes |',
      '|---|---|---|---|',
      ...rows.map((r) => `| \`${r.what}\` | ${r.status} | ${r.encoding} | ${kb(r.bytes)} |`),
      `| **total (200 only)** | | | **${kb(total)}** |`,
      rows.some((r) => r.status !== 200) ? '\n/kb.js is built by the tracking branch; where it 404s here, its bytes are not counted.' : '',
    ].join('\n');
  } finally {
    await servers.stop();
  }
}

export async function buildTime(count: number): Promise<string> {
  const root = fileURLToPath(new URL('../..', import.meta.url));
  const dir = mkdtempSync(join(tmpdir(), 'kb-build-'));
  try {
    for (const p of ['site', 'api', 'db', 'astro.config.mjs', 'package.json', 'tsconfig.json']) cpSync(join(root, p), join(dir, p), { recursive: true });
    symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
    const articles = generatedArticles(count);
    for (let c = 0; c < 7; c++) {
      mkdirSync(join(dir, 'content/categories/en'), { recursive: true });
      mkdirSync(join(dir, `content/articles/en/topic-${c}`), { recursive: true });
      writeFileSync(join(dir, `content/categories/en/topic-${c}.md`), `---\ntitle: Topic ${c}\ndescription: Generated topic ${c}.\norder: ${c}\n---\n`);
    }
    for (const a of articles) {
      const fm = `---\ntitle: "${a.title}"\ndescription: "${a.description}"\ncategory: ${a.categorySlug}\ntags: [${a.tags.map((t) => JSON.stringify(t)).join(', ')}]\nupdated: 2026-01-01\n---\n`;
      writeFileSync(join(dir, `content/articles/en/${a.categorySlug}/${a.slug}.md`), fm + a.body);
    }
    const start = performance.now();
    const result = spawnSync(process.execPath, [join(root, 'node_modules/astro/bin/astro.mjs'), 'build', '--root', dir], {
      encoding: 'utf8',
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
    });
    const seconds = (performance.now() - start) / 1000;
    if (result.status !== 0) throw new Error(`build of ${count} articles failed:\n${result.stderr}\n${result.stdout.slice(-2000)}`);
    return [
      '### Build time',
      '',
      `\`astro build\` of ${count.toLocaleString('en')} generated English articles (about 400 words each, 7 categories),`,
      'including the search index and precompression, in a fresh process: ' + `**${seconds.toFixed(1)} s**.`,
    ].join('\n');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
