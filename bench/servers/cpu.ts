/** CPU time a bench child spends per request: steadier than req/s on a machine shared with other work. */

let requests = 0;

/** Call once per request received. */
export function countRequest(): void {
  requests++;
}

/** On SIGUSR2 the child prints `CPU <µs> REQUESTS <n>` (running totals); the parent diffs two of them. */
export function reportCpuOnSignal(): void {
  process.on('SIGUSR2', () => {
    const used = process.cpuUsage();
    console.log(`CPU ${used.user + used.system} REQUESTS ${requests}`);
  });
}
