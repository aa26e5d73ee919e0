/** Starts bench/lib/serve.ts in its own Node process and waits for its ports. */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export interface Servers {
  ports: { ours: number; bare: number; astro: number };
  stop(): Promise<void>;
}

export function startServers(searchDir?: string, { demo = false } = {}): Promise<Servers> {
  const script = fileURLToPath(new URL('./serve.ts', import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', script, searchDir ?? '-', ...(demo ? ['--demo'] : [])], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.once('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (!line) return;
      child.removeAllListeners('exit');
      resolve({
        ports: JSON.parse(line) as Servers['ports'],
        stop: () =>
          new Promise((done) => {
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      });
    });
  });
}
