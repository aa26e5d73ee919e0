/** Sends a large request body a chunk at a time (no buffer of its size exists), for tests of body bounds. */
import { request } from 'node:http';

export interface StreamResult {
  /** The server's status, if it answered. */
  status: number | undefined;
  /** Bytes of the body the client managed to write before the answer, the end, or the connection being cut. */
  sent: number;
  /** The body of the answer (first 2 KB). */
  body: string;
}

export interface StreamOptions {
  method?: string;
  bytes: number;
  headers?: Record<string, string>;
  /** Declare the length up front (Content-Length) instead of sending chunked. */
  declareLength?: boolean;
  /** Stop writing once the server has answered (a browser would). Default true. */
  stopOnAnswer?: boolean;
  /** Sent first; `bytes` counts it. */
  prefix?: string;
  /** Sent last; `bytes` counts it. */
  suffix?: string;
}

const CHUNK = Buffer.alloc(64 * 1024, 'a');

export function streamBody(url: string, opts: StreamOptions): Promise<StreamResult> {
  return new Promise((resolve) => {
    let sent = 0;
    let status: number | undefined;
    let body = '';
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      resolve({ status, sent, body });
    };
    const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded', ...opts.headers };
    if (opts.declareLength) headers['content-length'] = String(opts.bytes);
    const req = request(url, { method: opts.method ?? 'POST', headers }, (res) => {
      status = res.statusCode;
      res.on('data', (c: Buffer) => body.length < 2048 && (body += c.toString()));
      res.on('end', () => {
        if (opts.stopOnAnswer === false) return;
        req.destroy();
        finish();
      });
      res.on('error', finish);
    });
    req.on('error', finish);
    req.on('close', finish);
    const prefix = Buffer.from(opts.prefix ?? '');
    const suffix = Buffer.from(opts.suffix ?? '');
    const fillerEnd = opts.bytes - suffix.length;
    if (prefix.length) {
      req.write(prefix);
      sent = prefix.length;
    }
    const pump = () => {
      while (!done && sent < fillerEnd) {
        if (status !== undefined && opts.stopOnAnswer !== false) return;
        const piece = sent + CHUNK.length <= fillerEnd ? CHUNK : CHUNK.subarray(0, fillerEnd - sent);
        sent += piece.length;
        if (!req.write(piece)) return void req.once('drain', pump);
      }
      if (sent >= fillerEnd && !done) {
        sent += suffix.length;
        req.end(suffix);
      }
    };
    pump();
  });
}
