import { defineConfig } from 'drizzle-kit';

/** The PostgreSQL twin of drizzle.config.ts: `npm run db:generate:pg` writes db/pg/migrations. */
export default defineConfig({
  dialect: 'postgresql',
  schema: './db/pg/schema/index.ts',
  out: './db/pg/migrations',
  casing: 'snake_case',
});
