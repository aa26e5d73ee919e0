/** Bench child: the baseline, a bare Hono app that parses the posted JSON and answers 202 without storing. */
import { createServer } from 'node:http';
import { countRequest } from './cpu.ts';
import { listenForBench } from './listen.ts';
import { getRequestListener } from '@hono/node-server';
import { Hono } from 'hono';

const app = new Hono();
app.post('/api/events', async (c) => {
  countRequest();
  const body = JSON.parse(await c.req.text()) as unknown;
  return c.json({ accepted: body ? 1 : 0 }, 202);
});
const server = createServer(getRequestListener(app.fetch));
listenForBench(server);
process.once('SIGTERM', () => {
  server.closeAllConnections();
  server.close(() => process.exit(0));
});
