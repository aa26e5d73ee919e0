/**
 * Worker thread of an import: reads and parses the file and posts batches, so parsing (the largest single cost)
 * runs on the other core. Batches go out RAW for the importer to map, except when the importer falls behind
 * (batches pile up): then the worker maps them itself, so the two threads share the work whatever its balance.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { once } from 'node:events';
import { ImportFileError } from './errors.ts';
import { compileMapper, type RowMapper } from './map-row.ts';
import { openCsv } from './read-csv.ts';
import { openJson } from './read-json.ts';
import type { FileRecord, RecordSource } from './record-source.ts';
import { RAW, REFUSED, type RowEncoder, type StagedRecord, type ToMain, type ToWorker, type WireRecord, type WorkerInput } from './worker-protocol.ts';

/** Batches posted but not yet taken by the importer; more would only pile up in memory. */
const MAX_IN_FLIGHT = 8;
/** From this many batches waiting, the worker maps the next batch itself. */
const BEHIND = 4;
/**
 * Records per message, half the reader's batch: a message's text then stays under V8's large-object size
 * (~128 KB) on both sides and dies young, instead of waiting in the old generation for a full GC.
 */
const POST_RECORDS = 256;

const port = parentPort!;
const post = (m: ToMain) =>
  port.postMessage(m, m.type === 'batch' && m.encoded ? [m.encoded.rows.buffer, m.encoded.idHashes.buffer, ...(m.encoded.tags ? [m.encoded.tags.buffer] : [])] : []);

async function open({ file, format, encoding }: WorkerInput): Promise<RecordSource<unknown>> {
  const src = format.kind === 'csv' ? await openCsv(file, format.delimiter, encoding) : await openJson(file, format.kind, encoding);
  return src as RecordSource<unknown>;
}

async function run(): Promise<void> {
  let start: ToWorker | undefined;
  port.once('message', (m: ToWorker) => (start = m));
  const input = workerData as WorkerInput;
  const taken = new Int32Array(input.taken);
  let posted = 0;
  const inFlight = () => posted - Atomics.load(taken, 0);
  const src = await open(input);
  try {
    post({ type: 'header', header: src.header });
    while (!start) await once(port, 'message');
    const { keys, mapping } = start;
    const resolve = (name: string) => {
      const col = src.find(name);
      return col && { name: col.name, get: (row: unknown) => src.pick(row, col.key) };
    };
    // Same profile, zone and header as the importer's mapper: the importer already refused missing columns.
    const map: RowMapper<unknown> = compileMapper(mapping.profile, resolve, mapping.zone, mapping.label, src.header);
    const encoder = mapping.encoder ? ((await import(mapping.encoder)) as { createEncoder(options: unknown): RowEncoder }).createEncoder(mapping.encoderOptions) : undefined;
    const raw = ({ line, row, problem }: FileRecord<unknown>): WireRecord => {
      if (problem) return [line, REFUSED, { line, column: null, value: null, reason: problem }];
      const rec: WireRecord = [line, RAW];
      for (const k of keys) rec.push(src.pick(row, k) ?? null);
      return rec;
    };
    const mapped = ({ line, row, problem }: FileRecord<unknown>): WireRecord =>
      problem ? [line, REFUSED, { line, column: null, value: null, reason: problem }] : map(row, line);
    for await (const records of src.records) {
      for (let i = 0; i < records.length; i += POST_RECORDS) {
        const mapHere = mapping.mapIn === 'worker' || (mapping.mapIn === 'auto' && inFlight() >= BEHIND);
        const out = records.slice(i, i + POST_RECORDS).map(mapHere ? mapped : raw);
        if (encoder && mapHere) {
          // Checked rows go as the encoder's bytes; only refused records (their errors) as JSON.
          const refused: WireRecord[] = [];
          for (const rec of out) if (typeof rec[1] === 'string') encoder.add(rec as StagedRecord);
          else refused.push(rec);
          post({ type: 'batch', data: JSON.stringify(refused), encoded: encoder.take(), bytesRead: src.bytesRead() });
        } else post({ type: 'batch', data: JSON.stringify(out), bytesRead: src.bytesRead() });
        posted++;
        // Blocking is fine here: there is nothing else for this thread to do. The timeout lets a terminate() in.
        for (let seen; (seen = Atomics.load(taken, 0)) <= posted - MAX_IN_FLIGHT; ) Atomics.wait(taken, 0, seen, 100);
      }
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
