/** Bench child: the real /api app (runtime, ingest, SQLite) behind node:http, as api/server.ts routes /api. */
import { createServer } from 'node:http';
import { countRequest } from './cpu.ts';
import { listenForBench } from './listen.ts';
import { getRequestListener } from '@hono/node-server';
import { loadConfig } from '../../api/env.ts';
import { createRuntime } from '../../api/runtime.ts';

const kb = await createRuntime(loadConfig());
// Counts the 202s the app answered (each after its commit), to hold against the rows stored. Counted when
// the app answers rather than when the socket drains: autocannon drops connections with answers in flight.
let acknowledged = 0;
const server = createServer(
  getRequestListener(async (req, env) => {
    countRequest();
    const res = await kb.app.fetch(req, env);
    if (res.status === 202) acknowledged++;
    return res;
  }),
);
listenForBench(server);
process.once('SIGTERM', () => {
  server.closeAllConnections();
  server.close();
  void kb.close().then(() => {
    console.log(`ACKNOWLEDGED ${acknowledged}`);
    process.exit(0);
  });
});
