/**
 * Worker thread of an import: reads and parses the file and posts compact batches, so parsing (a third of an
 * import's CPU) runs on the other core while the main thread maps, checks and stages rows.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { once } from 'node:events';
import { ImportFileError } from './errors.ts';
import { openCsv } from './read-csv.ts';
import { openJson } from './read-json.ts';
import type { Column, RecordSource } from './record-source.ts';
import type { CompactRecord, ToMain, ToWorker, WorkerInput } from './worker-protocol.ts';

/** Batches posted but not yet taken by the importer; more would only pile up in memory. */
const MAX_IN_FLIGHT = 4;

const port = parentPort!;
const post = (m: ToMain) => port.postMessage(m);

async function open({ file, format }: WorkerInput): Promise<RecordSource<unknown>> {
  const src = format.kind === 'csv' ? await openCsv(file, format.delimiter) : await openJson(file, format.kind);
  return src as RecordSource<unknown>;
}

async function run(): Promise<void> {
  let inFlight = 0;
  let keys: Array<Column['key']> | undefined;
  const acked = () => new Promise<void>((resolve) => port.once('message', () => resolve()));
  port.on('message', (m: ToWorker) => {
    if (m.type === 'ack') inFlight--;
    else keys = m.keys;
  });
  const src = await open(workerData as WorkerInput);
  try {
    post({ type: 'header', header: src.header });
    while (!keys) await once(port, 'message');
    const wanted = keys;
    for await (const batch of src.records) {
      const out = batch.map(({ line, row, problem }): CompactRecord => {
        if (problem) return [line, problem];
        const rec: CompactRecord = [line, 0];
        for (const k of wanted) rec.push(src.pick(row, k) ?? null);
        return rec;
      });
      post({ type: 'batch', data: JSON.stringify(out), bytesRead: src.bytesRead() });
      inFlight++;
      while (inFlight >= MAX_IN_FLIGHT) await acked();
    }
    post({ type: 'end', bytesRead: src.bytesRead() });
  } finally {
    src.close();
  }
}

run()
  .catch((err: unknown) => {
    const e = err instanceof Error ? err : new Error(String(err));
    post({ type: 'error', name: e.name, message: e.message, errors: e instanceof ImportFileError ? e.errors : undefined });
  })
  // Nothing more to say: let the thread end once the importer stops talking to it.
  .finally(() => port.unref());
