import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import { eventBodies, visitorHeaders } from './traffic.ts';
const child = spawn(process.execPath, ['--import', 'tsx', 'bench/servers/ingest-server.ts'], { env: { ...process.env, KB_DB: '/tmp/kbprof/db.sqlite', KB_TRUST_PROXY: '1', KB_ADMIN_TOKEN: 'bench-admin-token-0123456789' }, stdio: ['ignore', 'pipe', 'inherit'] });
const port = await new Promise<string>((r) => child.stdout.on('data', (d: Buffer) => { const m = /LISTENING (\d+)/.exec(d.toString()); if (m) r(m[1]!); }));
const bodies = eventBodies(5000); const visitors = visitorHeaders(20000); let i = 0;
for (let k = 0; k < 1; k++) {
  const r = await autocannon({ url: `http://127.0.0.1:${port}/api/events`, connections: 50, duration: 10, requests: [{ method: 'POST', setupRequest: (req) => { i++; return { ...req, body: bodies[i % 5000], headers: visitors[i % 20000] }; } }] });
  console.log(Math.round(r.requests.average), r.latency.p50, r.latency.p99);
}
child.kill('SIGTERM'); await new Promise((r) => child.once('exit', r));
