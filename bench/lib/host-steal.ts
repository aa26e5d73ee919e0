/**
 * Time the hypervisor gave this machine's CPUs to other guests ("steal" in /proc/stat), so a benchmark can say how
 * much of a run the host took. On a shared host it comes and goes with the neighbours' load; the processes measured
 * run slower while it lasts (their caches are cold when they get the CPU back), so CPU per event rises with it.
 */
import { readFileSync } from 'node:fs';

/** Seconds of steal summed over all CPUs since boot (0 where /proc/stat is missing or has no steal column). */
export function stealSeconds(): number {
  try {
    const cpu = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/);
    // cpu user nice system idle iowait irq softirq steal ..., in clock ticks of 1/100 s
    return Number(cpu[8] ?? 0) / 100;
  } catch {
    return 0;
  }
}
