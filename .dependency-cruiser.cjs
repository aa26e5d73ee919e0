/**
 * The dependency rule (docs/architecture.md): imports run one way, bin -> site -> api -> db -> db/shared,
 * and nothing goes round in a circle. Checked by test/architecture.test.ts inside `npm test`; by hand:
 * `npx depcruise --config .dependency-cruiser.cjs bin site api db`.
 * .astro files are not parsed by dependency-cruiser; the same test applies these rules to their imports.
 */
const PROJECT = '^(api|bin|db|site|bench|test|content)/';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-cycle',
      severity: 'error',
      comment: 'A cycle makes two modules one: neither can be read, tested or moved alone.',
      from: { path: '^(api|bin|db|site)/' },
      to: { circular: true },
    },
    {
      name: 'shared-imports-nothing',
      severity: 'error',
      comment: 'db/shared/ is the bottom: definitions every layer shares. It imports nothing of the project.',
      from: { path: '^db/shared/' },
      to: { path: PROJECT, pathNot: '^db/shared/' },
    },
    {
      name: 'db-imports-no-layer-above',
      severity: 'error',
      comment: 'db/ is below api/, site/ and bin/: what it needs from them belongs in db/shared/.',
      from: { path: '^db/' },
      to: { path: '^(api|site|bin)/' },
    },
    {
      name: 'api-imports-no-layer-above',
      severity: 'error',
      comment: 'api/ is below site/ and bin/: move what both need down to api/ or db/shared/.',
      from: { path: '^api/' },
      to: { path: '^(site|bin)/' },
    },
    {
      name: 'api-reaches-storage-through-the-store',
      severity: 'error',
      comment: 'Above db/, storage is reached through the Store interface (db/store.ts) and openStore (db/open-store.ts) only.',
      from: { path: '^(api|bin)/' },
      to: { path: '^db/', pathNot: '^db/(shared/|store\\.ts$|open-store\\.ts$)' },
    },
    {
      name: 'site-imports-no-storage',
      severity: 'error',
      comment: 'Pages get data through the API in-process (site/lib/api.ts); of db/ they import the shared definitions only.',
      from: { path: '^site/' },
      to: { path: '^db/', pathNot: '^db/shared/' },
    },
    {
      name: 'nothing-imports-bin',
      severity: 'error',
      comment: 'bin/ holds the processes (CLI, demo, npm start); the product does not import them.',
      from: { path: '^(api|db|site)/' },
      to: { path: '^bin/' },
    },
    {
      name: 'product-imports-no-tests-or-benches',
      severity: 'error',
      from: { path: '^(api|bin|db|site)/' },
      to: { path: '^(test|bench)/' },
    },
    {
      name: 'sqlite-driver-only-in-db',
      severity: 'error',
      comment: 'Only the SQLite adapter (db/) names better-sqlite3; everything else holds a Store.',
      from: { path: '^(api|bin|site)/' },
      to: { path: 'node_modules/(better-sqlite3|drizzle-orm/better-sqlite3)' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|node_modules|\\.astro)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.mjs', '.js', '.json'],
    },
  },
};
