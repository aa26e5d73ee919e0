/** `npm start`: build if needed, migrate, serve site + API + dashboard on one port. */
import './drizzle-resolve.ts'; // first: the server's modules are imported after it (see there)

async function main() {
  const [{ loadConfig }, { serve }] = await Promise.all([import('../api/env.ts'), import('./serve.ts')]);
  const config = loadConfig();
  const { url, kb } = await serve(config);
  console.log(`Help center on ${url}  (database: ${kb.store.describe})`);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
