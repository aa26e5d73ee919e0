/** Starts a bench server script in a child process (so the load generator does not share its event loop). */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

export interface Child {
  url: string;
  child: ChildProcess;
  /** Everything the child printed on stdout so far. */
  output(): string;
  /** Running totals of the child's CPU time (µs) and requests received (see cpu.ts). */
  cpu(): Promise<{ cpuUs: number; requests: number }>;
  /** Sends SIGTERM and resolves with the full stdout once the child exits. */
  stop(): Promise<string>;
}

/** Spawns `script` with Node + tsx and waits for it to print `LISTENING <port>`; `cwd` runs another checkout's copy. */
export function startChild(script: string, env: Record<string, string> = {}, cwd = root): Promise<Child> {
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    cwd,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const port = /LISTENING (\d+)/.exec(out)?.[1];
      if (port) {
        resolve({
          url: `http://127.0.0.1:${port}`,
          child,
          output: () => out,
          cpu: () =>
            new Promise((resolveCpu) => {
              const onLine = (chunk: Buffer) => {
                const m = /CPU (\d+) REQUESTS (\d+)/.exec(chunk.toString());
                if (!m) return;
                child.stdout.off('data', onLine);
                resolveCpu({ cpuUs: Number(m[1]), requests: Number(m[2]) });
              };
              child.stdout.on('data', onLine);
              child.kill('SIGUSR2');
            }),
          stop: async () => {
            child.kill('SIGTERM');
            await exited;
            return out;
          },
        });
      }
    });
    void exited.then(() => reject(new Error(`${script} exited before listening:\n${out}`)));
  });
}
