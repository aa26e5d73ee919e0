/**
 * Bench child: the PERF-BASELINES prototype, the least a durable ingest can do. It parses the posted JSON,
 * inserts it as one row (no validation, index, session or rollup) through our group commit, and answers 202
 * after the batch's commit. It shows how much of bare HTTP's rate durable storage alone leaves on this machine.
 */
import { createServer } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { getRequestListener } from '@hono/node-server';
import { Hono } from 'hono';
import { countRequest } from './cpu.ts';
import { listenForBench } from './listen.ts';
import { createGroupCommit } from '../../db/tracking/group-commit.ts';

const dir = mkdtempSync(join(tmpdir(), 'kb-bench-store-'));
const db = new Database(join(dir, 'store.sqlite'));
db.pragma('journal_mode = WAL');
db.pragma('synchronous = NORMAL');
db.exec('CREATE TABLE events (id INTEGER PRIMARY KEY, ts INTEGER NOT NULL, body TEXT NOT NULL)');
const insert = db.prepare<[number, string]>('INSERT INTO events (ts, body) VALUES (?, ?)');
const commits = createGroupCommit<string>({
  maxWeight: 2000,
  weigh: () => 1,
  write: db.transaction((bodies: string[]) => {
    const now = Date.now();
    for (const body of bodies) insert.run(now, body);
  }),
});

const app = new Hono();
app.post('/api/events', async (c) => {
  countRequest();
  const text = await c.req.text();
  JSON.parse(text);
  await commits.submit(text);
  return c.json({ accepted: 1 }, 202);
});
const server = createServer(getRequestListener(app.fetch));
listenForBench(server);
process.once('SIGTERM', () => {
  server.closeAllConnections();
  server.close(() => {
    commits.close();
    console.log(`STORED ${(db.prepare('SELECT count(*) AS n FROM events').get() as { n: number }).n}`);
    db.close();
    rmSync(dir, { recursive: true, force: true });
    process.exit(0);
  });
});
