/** Worker thread body for db/sqlite/checkpointer.ts: checkpoints the WAL on its own connection, so fsyncs block only it. */
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';

const { file, everyMs } = workerData as { file: string; everyMs: number };
const db = new Database(file);
db.pragma('busy_timeout = 5000');
db.pragma('synchronous = NORMAL');

const timer = setInterval(() => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch {
    // A busy database is checkpointed on the next tick.
  }
}, everyMs);

parentPort?.once('message', () => {
  clearInterval(timer);
  db.close();
  parentPort?.postMessage('closed');
});
