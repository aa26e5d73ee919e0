/** Every bench child listens the same way: a free loopback port, announced as `LISTENING <port>` (child.ts waits for it). */
import type { Server } from 'node:http';
import { reportCpuOnSignal } from './cpu.ts';

export function listenForBench(server: Server): void {
  reportCpuOnSignal();
  server.listen(0, '127.0.0.1', () => {
    const addr = server.address();
    console.log(`LISTENING ${typeof addr === 'object' && addr ? addr.port : 0}`);
  });
}
