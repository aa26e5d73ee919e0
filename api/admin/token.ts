/** The admin token: KB_ADMIN_TOKEN, or one made at first start and kept beside its database with mode 0600. */
import { randomBytes, timingSafeEqual, createHash } from 'node:crypto';
import { join } from 'node:path';
import type { Config } from '../../db/shared/config.ts';
import { ensureSecretFile } from './secret-file.ts';

export interface AdminToken {
  token: string;
  /** True when this call created the token file (the caller prints it once). */
  created: boolean;
  /** Where the token is kept, or undefined when it came from KB_ADMIN_TOKEN. */
  file: string | undefined;
}

/** Each database has its own token file (`kb.sqlite.admin-token`), so the demo's never is the real one. */
export function tokenFile(config: Config): string {
  return `${config.dbFile}.admin-token`;
}

/** Before each database had its own, the token was `admin-token` in the data folder. */
const legacyTokenFile = (config: Config) => join(config.dataDir, 'admin-token');

export interface EnsureTokenOptions {
  /**
   * Take over a token file from before each database had its own (renamed, so no other database takes it too).
   * Off for the demo, whose database must never get the real token.
   */
  adoptLegacy?: boolean;
}

/** Returns the configured token, or reads the stored one, or makes and stores a new one. */
export function ensureAdminToken(config: Config, { adoptLegacy = true }: EnsureTokenOptions = {}): AdminToken {
  if (config.adminToken) return { token: config.adminToken, created: false, file: undefined };
  const file = tokenFile(config);
  const { value, created } = ensureSecretFile(file, () => randomBytes(24).toString('base64url'), adoptLegacy ? legacyTokenFile(config) : undefined);
  return { token: value, created, file };
}

/** Compares in constant time whatever the lengths (both sides are hashed to 32 bytes first). */
export function tokensMatch(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}
