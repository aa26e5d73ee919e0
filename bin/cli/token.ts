/** `kb token`: print the admin token again (making one if none exists yet). */
import { Command } from 'commander';
import { loadConfig } from '../../api/env.ts';
import { ensureAdminToken } from '../../api/admin/token.ts';

export function tokenCommand() {
  return new Command('token').description('Print the admin token for the dashboard and the API.').action(() => {
    const { token, file } = ensureAdminToken(loadConfig());
    console.log(token);
    if (file) console.error(`(kept in ${file}; set KB_ADMIN_TOKEN to choose your own)`);
  });
}
