/** Starts the real built server (site + API) on a free port for integration and browser tests. */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { fileURLToPath } from 'node:url';
import { createRuntime, type Runtime } from '../../api/runtime.ts';
import { createServer } from '../../api/server.ts';
import { tempDb, type TempDb } from './db.ts';

export interface RunningServer {
  url: string;
  kb: Runtime;
  temp: TempDb;
  stop(): Promise<void>;
}

const builtDir = fileURLToPath(new URL('../../dist', import.meta.url));

/** Serves the built site (or another build, `distDir`) on 127.0.0.1 with a fresh database; env overrides go into the config. */
export async function startServer(env: Record<string, string> = {}, distDir = builtDir): Promise<RunningServer> {
  const temp = tempDb(env);
  const kb = await createRuntime(temp.config);
  const server: Server = await createServer({ app: kb.app, distDir, locals: { kb } });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    kb,
    temp,
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await kb.close();
      temp.cleanup();
    },
  };
}
