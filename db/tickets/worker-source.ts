/**
 * The importer's side of the reader worker: starts it, hands the mapper a column resolver over compact records,
 * and streams the batches back with backpressure. A failure in the worker surfaces here as the same error.
 */
import { Worker } from 'node:worker_threads';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import type { ColumnResolver } from './compile-source.ts';
import { columnFinder } from './columns.ts';
import type { FileFormat } from './detect.ts';
import { ImportFileError } from './errors.ts';
import type { Column } from './record-source.ts';
import type { EncodedRows, MappingSpec, ToMain, ToWorker, WireRecord, WorkerInput } from './worker-protocol.ts';

const WORKER = new URL('./read-worker.ts', import.meta.url);

const LOADER_FLAGS = new Set(['--import', '--require', '-r', '--loader', '--experimental-loader', '--conditions', '-C']);

/**
 * The worker runs TypeScript, so it needs the process's loader flags (`node --import tsx` for the CLI and the
 * server), or tsx itself where the process has none (vitest). V8 flags such as --max-semi-space-size are
 * process-wide and refused in a worker's execArgv.
 */
function workerExecArgv(): string[] {
  const args: string[] = [];
  const all = process.execArgv;
  for (let i = 0; i < all.length; i++) {
    const flag = all[i]!.split('=')[0]!;
    if (!LOADER_FLAGS.has(flag)) continue;
    args.push(all[i]!);
    if (!all[i]!.includes('=') && i + 1 < all.length) args.push(all[++i]!);
  }
  if (!args.some((a) => a.includes('tsx'))) args.push('--import', pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href);
  return args;
}

type Event = ToMain | { type: 'crash'; error: Error } | { type: 'exit'; code: number };

export interface WorkerRecords {
  header: string[];
  /** Resolves a column for the mapper of RAW records; each column resolved is one the worker will send. */
  resolve: ColumnResolver<WireRecord>;
  /**
   * Starts the read and yields the records in batches, in file order; the worker maps some with `mapping` (with an
   * encoder, a batch it maps has its checked rows as `encoded` and only the refused ones as records).
   */
  records(mapping: MappingSpec): AsyncGenerator<{ records: WireRecord[]; encoded?: EncodedRows }>;
  bytesRead(): number;
  close(): Promise<void>;
}

function revive(m: Extract<ToMain, { type: 'error' }>): Error {
  if (m.name === 'ImportFileError') return new ImportFileError(m.message, m.errors);
  return new Error(`Reading the file failed: ${m.message}`);
}

/** Starts a worker reading `file` and waits for its header (file-level problems reject here). */
export async function readInWorker(file: string, format: FileFormat, encoding?: string): Promise<WorkerRecords> {
  const shared = new SharedArrayBuffer(4);
  const taken = new Int32Array(shared);
  const worker = new Worker(WORKER, {
    workerData: { file, format, encoding, taken: shared } satisfies WorkerInput,
    execArgv: workerExecArgv(),
    // The same young generation as the CLI's --max-semi-space-size=8 (three semi-spaces): with V8's default the
    // reader's heap doubles over a big file, for no speed.
    resourceLimits: { maxYoungGenerationSizeMb: 24 },
  });
  const inbox: Event[] = [];
  let wake: (() => void) | undefined;
  const push = (e: Event) => {
    inbox.push(e);
    wake?.();
  };
  worker.on('message', push);
  worker.on('error', (error) => push({ type: 'crash', error: error instanceof Error ? error : new Error(String(error)) }));
  worker.on('exit', (code) => push({ type: 'exit', code }));
  const send = (m: ToWorker) => worker.postMessage(m);

  /** The next event in order; errors and an early exit throw. */
  async function next(): Promise<ToMain> {
    while (!inbox.length) await new Promise<void>((resolve) => (wake = resolve));
    const e = inbox.shift()!;
    if (e.type === 'error') throw revive(e);
    if (e.type === 'crash') throw new Error(`Reading the file failed: ${e.error.message}`, { cause: e.error });
    if (e.type === 'exit') throw new Error(`The file reader stopped (exit code ${e.code}) before the end of the file.`);
    return e;
  }

  let bytes = 0;
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    worker.removeAllListeners('message');
    await worker.terminate();
  };
  let header: string[];
  try {
    const first = await next();
    if (first.type !== 'header') throw new Error(`The file reader answered ${first.type} before the header.`);
    header = first.header;
  } catch (err) {
    await close();
    throw err;
  }
  const find = columnFinder(format.kind, header);
  const keys: Array<Column['key']> = [];

  return {
    header,
    resolve(name) {
      const col = find(name);
      if (!col) return null;
      let slot = keys.indexOf(col.key);
      if (slot < 0) slot = keys.push(col.key) - 1;
      const at = slot + 2;
      return { name: col.name, get: (row) => (row[at] as string | null) ?? undefined };
    },
    async *records(mapping) {
      send({ type: 'start', keys, mapping });
      for (;;) {
        const m = await next();
        if (m.type === 'end') {
          bytes = m.bytesRead;
          return;
        }
        if (m.type !== 'batch') throw new Error(`The file reader answered ${m.type} in the middle of the file.`);
        bytes = m.bytesRead;
        yield { records: JSON.parse(m.data) as WireRecord[], encoded: m.encoded };
        Atomics.add(taken, 0, 1);
        Atomics.notify(taken, 0);
      }
    },
    bytesRead: () => bytes,
    close,
  };
}
