/** `kb backup <file>`: a consistent, checked copy of the database, taken while the server keeps running and writing. */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { Command } from 'commander';
import { loadConfig } from '../../api/env.ts';
import { openStore } from '../../db/open-store.ts';

export function backupCommand() {
  return new Command('backup')
    .description('Write a consistent copy of the database (one read snapshot, so it finishes while the server takes events), mode 0600, checked with integrity_check.')
    .argument('<file>', 'where to write the copy (never the live database)')
    .option('--force', 'replace the file if it exists')
    .action(async (file: string, opts: { force?: boolean }) => {
      const config = loadConfig();
      const target = resolve(file);
      if (existsSync(target) && !opts.force) throw new Error(`${target} exists; pass --force to replace it.`);
      // A backup copies the database as it is: no migration, and no new file when KB_DB points nowhere.
      const store = await openStore(config, { migrate: false, mustExist: true });
      const started = performance.now();
      let check: string;
      try {
        check = await store.admin.backup(target);
      } finally {
        await store.admin.close();
      }
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      console.log(`Backed up ${store.describe} to ${target} in ${seconds} s (integrity check: ${check}).`);
    });
}
