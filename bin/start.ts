/** `npm start`: build if needed, migrate, serve site + API + dashboard on one port. */
import { loadConfig } from '../api/env.ts';
import { serve } from './serve.ts';

async function main() {
  const config = loadConfig();
  const { url, kb } = await serve(config);
  console.log(`Help center on ${url}  (database: ${kb.store.describe})`);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
