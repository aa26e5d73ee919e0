/**
 * `kb backup` on PostgreSQL: a consistent dump taken while the nodes keep running, by PostgreSQL's own pg_dump
 * (custom format, restored with pg_restore). kb does not reimplement it; where it is not installed, the error
 * says what to install and what to use instead.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, openSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/** pg_dump on PATH, or the newest of Debian's versioned installs; undefined when there is none. */
export function findPgDump(): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(':')) if (dir && existsSync(join(dir, 'pg_dump'))) return join(dir, 'pg_dump');
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'pg_dump'))).sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(root, versions[0], 'bin', 'pg_dump') : undefined;
}

/** Dumps the database at `url` to `file` (mode 0600). */
export async function backupPg(url: string, file: string, pgDump = findPgDump()): Promise<void> {
  if (!pgDump) {
    throw new Error(
      'kb backup on PostgreSQL runs pg_dump, which is not installed here. Install the PostgreSQL client tools ' +
        '(Debian: apt-get install postgresql-client, the same major version as the server or newer), or back up with ' +
        "your platform's PostgreSQL backups (base backups plus WAL archiving for point-in-time recovery).",
    );
  }
  // pg_dump creates its file with the umask (0644 as a rule): it writes into one made 0600 beforehand instead, so no
  // byte of the dump is ever readable by others, and the dump takes the backup's name only once it succeeded.
  const partial = `${file}.partial-${randomBytes(4).toString('hex')}`;
  closeSync(openSync(partial, 'wx', 0o600));
  try {
    await new Promise<void>((resolve, reject) => {
      // The URL goes through the environment, not the command line, so the password never shows in `ps`.
      const child = spawn(pgDump, ['--format=custom', '--no-owner', `--file=${partial}`], {
        env: { ...process.env, ...libpqEnv(url) },
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      let err = '';
      child.stderr.on('data', (c: Buffer) => (err += c.toString()));
      child.once('error', reject);
      child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`pg_dump failed (exit ${code}): ${err.trim()}`))));
    });
    renameSync(partial, file);
  } catch (err) {
    rmSync(partial, { force: true });
    throw err;
  }
}

/** libpq's environment variables for a postgres:// URL (sslmode and the like pass as PGSSLMODE etc.). */
export function libpqEnv(url: string): Record<string, string> {
  const u = new URL(url);
  const env: Record<string, string> = {};
  if (u.hostname) env.PGHOST = decodeURIComponent(u.hostname);
  if (u.port) env.PGPORT = u.port;
  if (u.username) env.PGUSER = decodeURIComponent(u.username);
  if (u.password) env.PGPASSWORD = decodeURIComponent(u.password);
  const database = decodeURIComponent(u.pathname.replace(/^\//, ''));
  if (database) env.PGDATABASE = database;
  for (const [key, value] of u.searchParams) env[`PG${key.toUpperCase()}`] = value;
  return env;
}
