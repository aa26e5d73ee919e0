/** Bench child: the baseline, a bare Hono app that parses the posted JSON and answers 202 without storing. */
import { createServer } from 'node:http';
import { countRequest, reportCpuOnSignal } from './cpu.ts';
import { getRequestListener } from '@hono/node-server';
import { Hono } from 'hono';

const app = new Hono();
app.post('/api/events', async (c) => {
  countRequest();
  const body = JSON.parse(await c.req.text()) as unknown;
  return c.json({ accepted: body ? 1 : 0 }, 202);
});
const server = createServer(getRequestListener(app.fetch));
reportCpuOnSignal();
server.listen(0, '127.0.0.1', () => {
  const addr = server.address();
  console.log(`LISTENING ${typeof addr === 'object' && addr ? addr.port : 0}`);
});
process.once('SIGTERM', () => {
  server.closeAllConnections();
  server.close(() => process.exit(0));
});
