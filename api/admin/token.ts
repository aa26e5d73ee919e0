/** The admin token: KB_ADMIN_TOKEN, or one made at first start and kept beside the database with mode 0600. */
import { randomBytes, timingSafeEqual, createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../../db/shared/config.ts';

export interface AdminToken {
  token: string;
  /** True when this call created the token file (the caller prints it once). */
  created: boolean;
  /** Where the token is kept, or undefined when it came from KB_ADMIN_TOKEN. */
  file: string | undefined;
}

export function tokenFile(config: Config): string {
  return join(config.dataDir, 'admin-token');
}

/** Returns the configured token, or reads the stored one, or makes and stores a new one. */
export function ensureAdminToken(config: Config): AdminToken {
  if (config.adminToken) return { token: config.adminToken, created: false, file: undefined };
  const file = tokenFile(config);
  if (existsSync(file)) return { token: readFileSync(file, 'utf8').trim(), created: false, file };
  mkdirSync(config.dataDir, { recursive: true });
  const token = randomBytes(24).toString('base64url');
  writeFileSync(file, `${token}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
  return { token, created: true, file };
}

/** Compares in constant time whatever the lengths (both sides are hashed to 32 bytes first). */
export function tokensMatch(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}
