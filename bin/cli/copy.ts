/** `kb copy --to postgres://...`: a SQLite database's whole history into an empty PostgreSQL, then its rollups rebuilt there. */
import { existsSync } from 'node:fs';
import { Command } from 'commander';
import { Presets, SingleBar } from 'cli-progress';
import { loadConfig } from '../../api/env.ts';
import { openDb } from '../../db/sqlite/client.ts';
import { migrateDb } from '../../db/sqlite/migrate.ts';
import { describeUrl } from '../../db/pg/client.ts';
import { copySqliteToPg } from '../../db/pg/copy.ts';
import { openPgDatabase } from '../../db/pg/open.ts';
import { lockServer } from '../../db/sqlite/server-lock.ts';

export function copyCommand() {
  return new Command('copy')
    .description('Copy the SQLite database (KB_DB) with its whole history into an empty PostgreSQL database, then rebuild the rollups there.')
    .requiredOption('--to <url>', 'the PostgreSQL database, postgres://user:password@host:5432/kb')
    .action(async (opts: { to: string }) => {
      const config = loadConfig({ ...process.env, KB_DATABASE_URL: opts.to });
      if (!existsSync(config.dbFile)) throw new Error(`No SQLite database at ${config.dbFile} (set KB_DB to the file to copy).`);
      // The history must stand still while it is copied: no server may be writing to the file.
      let lock;
      try {
        lock = lockServer(config.dbFile);
      } catch {
        throw new Error(`A kb server is running on ${config.dbFile}; stop it first, so nothing is written while the history is copied.`);
      }
      const lite = openDb(config.dbFile);
      const bar = process.stderr.isTTY
        ? new SingleBar({ format: 'Copying {table} |{bar}| {value}/{total}', hideCursor: true, stream: process.stderr }, Presets.shades_classic)
        : undefined;
      let current = '';
      try {
        migrateDb(lite);
        const pg = await openPgDatabase(config);
        try {
          const result = await copySqliteToPg(lite.$client, pg, config.timeZone, (p) => {
            if (!bar) return;
            if (p.table !== current) {
              if (current) bar.stop();
              current = p.table;
              bar.start(p.total, p.done, { table: p.table });
            } else bar.update(p.done);
          });
          bar?.stop();
          const rows = Object.entries(result.rows).filter(([, n]) => n > 0).map(([t, n]) => `${n} ${t.replace(/_/g, ' ')}`);
          console.log(`Copied ${config.dbFile} to ${describeUrl(opts.to)}: ${rows.join(', ') || 'nothing (the database was empty)'}; rollups rebuilt in ${config.timeZone}.`);
          console.log('Point every node at it with KB_DATABASE_URL, and set KB_SECRET and KB_ADMIN_TOKEN (docs/scale-out.md).');
        } finally {
          await pg.$client.end();
        }
      } finally {
        bar?.stop();
        lite.$client.close();
        lock.release();
      }
    });
}
