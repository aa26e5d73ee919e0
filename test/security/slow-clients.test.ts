/**
 * Slow clients hold sockets, not memory, and not for long: headers that trickle in are cut off after 10 s
 * (slowloris), a small form body that trickles in is answered 408 after 30 s, and other visitors are served
 * meanwhile.
 */
import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../helpers/server.ts';

let s: RunningServer;
beforeAll(async () => {
  s = await startServer();
});
afterAll(() => s.stop());

/** Opens a raw connection, writes `head`, then one more `drip` every second; resolves with what the server said and when it closed. */
function trickle(head: string, drip: string, seconds: number): Promise<{ answer: string; closedAfter: number | undefined }> {
  const { port } = new URL(s.url);
  return new Promise((resolve) => {
    const started = Date.now();
    let answer = '';
    const socket: Socket = connect(Number(port), '127.0.0.1', () => socket.write(head));
    const timer = setInterval(() => socket.writable && socket.write(drip), 1000);
    const done = (closed: boolean) => {
      clearInterval(timer);
      clearTimeout(limit);
      socket.destroy();
      resolve({ answer, closedAfter: closed ? (Date.now() - started) / 1000 : undefined });
    };
    const limit = setTimeout(() => done(false), seconds * 1000);
    socket.on('data', (d: Buffer) => (answer += d.toString()));
    socket.on('close', () => done(true));
    socket.on('error', () => done(true));
  });
}

describe('slow clients', () => {
  it('are cut off: headers after 10 s, a form body after 30 s with 408, while others are served', async () => {
    const headers = Array.from({ length: 20 }, () => trickle('GET / HTTP/1.1\r\nHost: x\r\n', 'X-Slow: 1\r\n', 25));
    const body = trickle(
      `POST /contact HTTP/1.1\r\nHost: ${new URL(s.url).host}\r\nOrigin: ${s.url}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 1000\r\n\r\n`,
      'a',
      45,
    );
    await new Promise((r) => setTimeout(r, 2000));
    expect((await fetch(`${s.url}/`)).status).toBe(200);
    for (const h of await Promise.all(headers)) {
      expect(h.closedAfter).toBeDefined();
      expect(h.closedAfter!).toBeLessThan(20);
    }
    const b = await body;
    expect(b.answer).toMatch(/^HTTP\/1\.1 408/);
  }, 60_000);
});
