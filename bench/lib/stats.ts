/** Small timing helpers for benchmarks. */
import { performance } from 'node:perf_hooks';

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** Times `fn` once per input; returns median and p95 in milliseconds. */
export async function timeEach<T>(inputs: readonly T[], fn: (input: T) => unknown): Promise<{ median: number; p95: number }> {
  const times: number[] = [];
  for (const input of inputs) {
    const start = performance.now();
    await fn(input);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { median: percentile(times, 50), p95: percentile(times, 95) };
}

/** Times `fn` once per input by CPU time of this process, which other processes on a busy machine do not inflate. */
export function cpuEach<T>(inputs: readonly T[], fn: (input: T) => unknown): { median: number; p95: number } {
  const times: number[] = [];
  for (const input of inputs) {
    const start = process.cpuUsage();
    fn(input);
    const used = process.cpuUsage(start);
    times.push((used.user + used.system) / 1000);
  }
  times.sort((a, b) => a - b);
  return { median: percentile(times, 50), p95: percentile(times, 95) };
}

export const ms = (n: number, digits = 2) => `${n.toFixed(digits)} ms`;
export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
