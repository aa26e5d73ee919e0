/** Builds the site if needed and serves site + API + dashboard for a config: what `npm start` and `npm run demo` run. */
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type { Config } from '../db/shared/config.ts';
import { checkServerConfig } from '../api/env.ts';
import { lockForServer, type ServerLock } from '../db/open-store.ts';
import { buildReason, buildSite } from './build-site.ts';
import { createRuntime, type Runtime } from '../api/runtime.ts';
import { createServer } from '../api/server.ts';

export interface Serving {
  url: string;
  kb: Runtime;
  stop(): Promise<void>;
}

const root = fileURLToPath(new URL('..', import.meta.url));
const distDir = join(root, 'dist');

/** Listens on config.host:config.port; SIGINT/SIGTERM stop the server and flush pending writes. */
export async function serve(config: Config, { announceToken = true, adoptLegacyToken = true } = {}): Promise<Serving> {
  checkServerConfig(config);
  // Before anything is built or opened: a second server on this file must stop here, having changed nothing.
  const lock = lockForServer(config);
  try {
    return await listen(config, { announceToken, adoptLegacyToken }, lock);
  } catch (err) {
    lock.release();
    throw err;
  }
}

async function listen(config: Config, { announceToken, adoptLegacyToken }: { announceToken: boolean; adoptLegacyToken: boolean }, lock: ServerLock): Promise<Serving> {
  const reason = buildReason(root, distDir, { siteUrl: config.siteUrl });
  if (reason) {
    console.log(`Building the help center (${reason})…`);
    await buildSite(root);
  }
  const kb = await createRuntime(config, { adoptLegacyToken });
  if (announceToken && kb.admin.created) console.log(`Admin token (shown once; \`npm run kb -- token\` prints it again): ${kb.admin.token}`);
  const server = await createServer({ app: kb.app, distDir, locals: { kb } });
  await new Promise<void>((resolve) => server.listen(config.port, config.host, resolve));
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : config.port;
  const url = `http://${config.host}:${port}`;
  const stop = async () => {
    server.close();
    await kb.close();
    lock.release();
  };
  const onSignal = () => void stop().then(() => process.exit(0));
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  return { url, kb, stop };
}
