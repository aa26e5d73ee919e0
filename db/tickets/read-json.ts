/** Streams JSON tickets: a top-level array (@streamparser/json, one element at a time) or NDJSON (line by line). */
import type { Readable } from 'node:stream';
import { createInterface } from 'node:readline';
import { JSONParser } from '@streamparser/json';
import { jsonColumns } from './columns.ts';
import { ImportFileError } from './errors.ts';
import type { FileRecord, RecordSource } from './record-source.ts';
import { openFileText } from './file-text.ts';

/** A JSON record as lower-cased dotted paths -> text (arrays of plain values joined by \u001f for tags). */
export type JsonRow = Map<string, string>;

function flatten(value: unknown, prefix: string, out: JsonRow, names: string[]): void {
  if (value === null || value === undefined) return;
  if (Array.isArray(value)) {
    const plain = value.every((v) => v === null || typeof v !== 'object');
    const text = plain ? value.filter((v) => v !== null).map(String).join('\u001f') : JSON.stringify(value);
    out.set(prefix.toLowerCase(), text);
    names.push(prefix);
  } else if (typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, out, names);
  } else {
    out.set(prefix.toLowerCase(), String(value));
    names.push(prefix);
  }
}

function toRecord(value: unknown, line: number): FileRecord<JsonRow> & { names: string[] } {
  const row: JsonRow = new Map();
  const names: string[] = [];
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { line, row, names, problem: 'the record is not a JSON object' };
  }
  flatten(value, '', row, names);
  return { line, row, names };
}

type JsonRecord = FileRecord<JsonRow> & { names: string[] };

async function* arrayRecords(input: Readable): AsyncGenerator<JsonRecord[]> {
  const parser = new JSONParser({ paths: ['$.*'], keepStack: false });
  const ready: unknown[] = [];
  parser.onValue = ({ value }) => void ready.push(value);
  let n = 0;
  try {
    for await (const chunk of input) {
      parser.write(chunk as Buffer);
      if (ready.length) yield ready.splice(0).map((v) => toRecord(v, ++n));
    }
    if (!parser.isEnded) parser.end();
  } catch (err) {
    throw new ImportFileError(`The JSON is not valid after record ${n}: ${(err as Error).message}`, [
      { line: n + 1, column: null, value: null, reason: (err as Error).message },
    ]);
  }
  if (ready.length) yield ready.splice(0).map((v) => toRecord(v, ++n));
}

async function* lineRecords(input: Readable): AsyncGenerator<JsonRecord[]> {
  let line = 0;
  let seen = false;
  let batch: JsonRecord[] = [];
  for await (const text of createInterface({ input, crlfDelay: Infinity })) {
    line++;
    const t = line === 1 ? text.replace(/^\uFEFF/, '') : text;
    if (!t.trim()) continue;
    let value: unknown;
    try {
      value = JSON.parse(t);
    } catch {
      // A first line that is not JSON means this is not NDJSON at all (e.g. one pretty-printed object).
      if (!seen) {
        throw new ImportFileError(
          'The file starts with "{" but its first line is not a whole JSON object: give a JSON array of tickets, or one ticket object per line (NDJSON).',
          [{ line, column: null, value: null, reason: 'not a whole JSON object on one line' }],
        );
      }
      batch.push({ line, row: new Map(), names: [], problem: 'the line is not valid JSON (NDJSON needs one object per line)' });
      continue;
    }
    seen = true;
    batch.push(toRecord(value, line));
    if (batch.length >= 512) yield batch.splice(0);
  }
  if (batch.length) yield batch;
}

/** Opens a JSON array or NDJSON file; nested keys are read as dotted paths (`via.channel`). */
export async function openJson(file: string, kind: 'json-array' | 'ndjson', encoding?: string): Promise<RecordSource<JsonRow>> {
  const text = openFileText(file, encoding);
  const gen = kind === 'json-array' ? arrayRecords(text.stream) : lineRecords(text.stream);
  const first = await gen.next();
  if (first.done || !first.value.length) throw new ImportFileError('The file holds no tickets (an empty JSON array or no lines).');
  const header = first.value[0]!.names;
  async function* records(): AsyncGenerator<Array<FileRecord<JsonRow>>> {
    yield first.value!;
    yield* gen;
  }
  return {
    header,
    find: jsonColumns(header),
    pick: (row, key) => row.get(key as string),
    records: records(),
    bytesRead: text.bytesRead,
    close: text.close,
  };
}
