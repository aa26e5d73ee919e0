/** A small secret kept beside the database: read if it exists, else made once, written with mode 0600 and never replaced. */
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export interface SecretFile {
  value: string;
  /** True when this call made the file. */
  created: boolean;
}

/**
 * Returns the file's trimmed contents, or writes `make()` to it. `wx` makes two processes starting at once agree:
 * the loser of the race reads the winner's value. A file readable by others is narrowed to 0600.
 */
export function ensureSecretFile(file: string, make: () => string, legacy?: string): SecretFile {
  if (!existsSync(file) && legacy && existsSync(legacy)) renameSync(legacy, file);
  if (existsSync(file)) return { value: readPrivate(file), created: false };
  mkdirSync(dirname(file), { recursive: true });
  const value = make();
  try {
    writeFileSync(file, `${value}\n`, { mode: 0o600, flag: 'wx' });
    return { value, created: true };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    return { value: readPrivate(file), created: false };
  }
}

function readPrivate(file: string): string {
  if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
  const value = readFileSync(file, 'utf8').trim();
  if (!value) throw new Error(`${file} is empty; delete it to have a new one made, or set the value in the environment.`);
  return value;
}
