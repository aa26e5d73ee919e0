/** `kb copy --to postgres://...`: a SQLite database's whole history into an empty PostgreSQL, then its rollups rebuilt there. */
import { Command } from 'commander';
import { Presets, SingleBar } from 'cli-progress';
import { loadConfig } from '../../api/env.ts';
import { copyToPostgres } from '../../db/open-store.ts';

export function copyCommand() {
  return new Command('copy')
    .description('Copy the SQLite database (KB_DB) with its whole history into an empty PostgreSQL database, then rebuild the rollups there.')
    .requiredOption('--to <url>', 'the PostgreSQL database, postgres://user:password@host:5432/kb')
    .action(async (opts: { to: string }) => {
      // Validated like KB_DATABASE_URL; the SQLite side is KB_DB as usual.
      const config = loadConfig({ ...process.env, KB_DATABASE_URL: opts.to });
      const bar = process.stderr.isTTY
        ? new SingleBar({ format: 'Copying {table} |{bar}| {value}/{total}', hideCursor: true, stream: process.stderr }, Presets.shades_classic)
        : undefined;
      let current = '';
      try {
        const result = await copyToPostgres(config, opts.to, (p) => {
          if (!bar) return;
          if (p.table !== current) {
            if (current) bar.stop();
            current = p.table;
            bar.start(p.total, p.done, { table: p.table });
          } else bar.update(p.done);
        });
        bar?.stop();
        const rows = Object.entries(result.rows).filter(([, n]) => n > 0).map(([t, n]) => `${n} ${t.replace(/_/g, ' ')}`);
        console.log(`Copied ${config.dbFile} to ${result.target}: ${rows.join(', ') || 'nothing (the database was empty)'}; rollups rebuilt in ${config.timeZone}.`);
        console.log('Point every node at it with KB_DATABASE_URL, and set KB_SECRET and KB_ADMIN_TOKEN (docs/scale-out.md).');
      } finally {
        bar?.stop();
      }
    });
}
