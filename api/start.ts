/** `npm start`: build if needed, migrate, serve site + API + dashboard on one port. */
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { loadConfig } from './env.ts';
import { buildSite, needsBuild } from './build.ts';
import { createRuntime } from './runtime.ts';
import { createServer } from './server.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const distDir = join(root, 'dist');

async function main() {
  const config = loadConfig();
  if (needsBuild(root, distDir)) {
    console.log('Building the help center…');
    await buildSite(root, distDir);
  }
  const kb = await createRuntime(config);
  if (kb.admin.created) console.log(`Admin token (shown once; \`npm run kb -- token\` prints it again): ${kb.admin.token}`);
  const server = await createServer({ app: kb.app, distDir, locals: { kb } });
  server.listen(config.port, config.host, () => {
    const addr = server.address();
    const port = typeof addr === 'object' && addr ? addr.port : config.port;
    console.log(`Help center on http://${config.host}:${port}  (database ${config.dbFile})`);
  });
  const stop = async () => {
    server.close();
    await kb.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
