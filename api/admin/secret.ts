/** KB_SECRET (SPEC 9): the key sessions and form tokens are signed with; on SQLite without it, one made per database. */
import { randomBytes } from 'node:crypto';
import type { Config } from '../../db/shared/config.ts';
import { ensureSecretFile } from './secret-file.ts';

/** Where a database keeps its secret when KB_SECRET is not set: `kb.sqlite.secret`, mode 0600. */
export const secretFile = (config: Config) => `${config.dbFile}.secret`;

/** KB_SECRET, or this database's own secret file (made at first start). */
export function ensureSecret(config: Config): string {
  return config.secret ?? ensureSecretFile(secretFile(config), () => randomBytes(32).toString('base64url')).value;
}
