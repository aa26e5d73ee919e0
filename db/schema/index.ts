/** Every table of the database; drizzle-kit reads this file to generate migrations. */
export * from './events.ts';
export * from './tickets.ts';
export * from './rollups.ts';
export * from './imports.ts';
export * from './contact.ts';
export * from './admin.ts';
export * from './digest.ts';
