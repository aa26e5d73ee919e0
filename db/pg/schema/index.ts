/** Every PostgreSQL table; drizzle-kit reads this file (drizzle.pg.config.ts) to generate db/pg/migrations. */
export * from './events.ts';
export * from './tickets.ts';
export * from './rollups.ts';
export * from './imports.ts';
export * from './contact.ts';
export * from './admin.ts';
export * from './digest.ts';
