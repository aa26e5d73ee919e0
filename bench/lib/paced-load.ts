/**
 * Open-loop load at an even rate: the ingest bench's beacons sent on a schedule (the ones due each millisecond go out
 * then), whatever the answers' latency. autocannon's own rate limit sends each second's quota as fast as it can and
 * then waits for the next second (bursts at full speed), and its closed loop keeps a server saturated; this is the
 * steady, unsaturated traffic a help center sees, the load at which CPU per event measures work rather than
 * contention for the cores.
 */
import http from 'node:http';
import { eventBodies, visitorHeaders } from '../traffic.ts';

export interface PacedResult {
  /** 202s received. */
  acknowledged: number;
  /** Non-202 answers, socket errors, and requests not sent because `maxInFlight` were waiting (the server fell behind). */
  errors: number;
  /** The errors by kind: an answer's status ("HTTP 503"), a socket error's code ("ECONNRESET"), or "not sent". */
  errorKinds: Record<string, number>;
  /** Milliseconds, from the request's scheduled time to its answer. */
  p99: number;
  /** Requests sent again because a kept-alive connection was closed under them before any answer (see send()). */
  resent: number;
}

export function pacedLoad(url: string, seconds: number, rate: number, maxInFlight = 2000): Promise<PacedResult> {
  const bodies = eventBodies(5000);
  const visitors = visitorHeaders(20_000);
  const agent = new http.Agent({ keepAlive: true, maxSockets: maxInFlight });
  const target = new URL(`${url}/api/events`);
  const latencies: number[] = [];
  let sent = 0;
  let inFlight = 0;
  let acknowledged = 0;
  let errors = 0;
  let resent = 0;
  const errorKinds: Record<string, number> = {};
  const failed = (kind: string) => {
    errors++;
    errorKinds[kind] = (errorKinds[kind] ?? 0) + 1;
  };
  const t0 = performance.now();
  return new Promise((resolve) => {
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      agent.destroy();
      latencies.sort((a, b) => a - b);
      resolve({ acknowledged, errors, errorKinds, resent, p99: Math.round(latencies[Math.floor(latencies.length * 0.99)] ?? 0) });
    };
    const answered = (failure: string | undefined, scheduled: number) => {
      inFlight--;
      if (failure === undefined) acknowledged++;
      else failed(failure);
      latencies.push(performance.now() - scheduled);
      if (inFlight === 0 && sent >= rate * seconds) finish();
    };
    // A kept-alive connection the server closed as idle just as a request went out on it fails with ECONNRESET before
    // any answer: the server never read that request. A browser sends such a request again on a new connection, and
    // so does this (once): left as an error, the server's keep-alive timer racing this process's busy event loop
    // showed up as lost requests (17 in one run of 2026-12-03, 2 in one of 2026-12-04).
    const send = (body: string, visitor: Record<string, string>, scheduled: number, mayResend: boolean) => {
      const headers = { ...visitor, 'content-length': String(Buffer.byteLength(body)) };
      const req = http.request(target, { method: 'POST', agent, headers }, (res) => {
        res.resume();
        res.once('end', () => answered(res.statusCode === 202 ? undefined : `HTTP ${res.statusCode}`, scheduled));
      });
      req.once('error', (err: NodeJS.ErrnoException) => {
        if (mayResend && req.reusedSocket && (err.code === 'ECONNRESET' || err.code === 'EPIPE')) {
          resent++;
          return send(body, visitor, scheduled, false);
        }
        answered(err.code ?? err.message, scheduled);
      });
      req.end(body);
    };
    const tick = setInterval(() => {
      const due = Math.min(Math.floor(((performance.now() - t0) / 1000) * rate), rate * seconds);
      for (; sent < due; sent++) {
        if (inFlight >= maxInFlight) {
          failed('not sent');
          continue;
        }
        inFlight++;
        const i = sent;
        const scheduled = t0 + (i / rate) * 1000;
        send(bodies[i % bodies.length]!, visitors[i % visitors.length]!, scheduled, true);
      }
      if (sent >= rate * seconds) {
        clearInterval(tick);
        if (inFlight === 0) finish();
      }
    }, 1);
  });
}
