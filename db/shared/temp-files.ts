/**
 * The database's temp folder (`kb.sqlite.tmp/`, mode 0700) for uploads and import staging files, each created 0600
 * and named after the process that owns it, so what a crash leaves behind can be told from a live import's files.
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, closeSync, mkdirSync, openSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const OWNED = /^[a-z]+-(\d+)-[0-9a-f]+/;

/** True when a process with this id exists (EPERM: it exists but belongs to someone else). */
export function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Makes the folder (0700) and removes what processes that no longer run left in it (files named `<kind>-<pid>-…`;
 * others, such as the import lock, stay); returns how many entries went.
 */
export function prepareTempDir(dir: string): number {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
  let removed = 0;
  for (const name of readdirSync(dir)) {
    const owner = OWNED.exec(name);
    if (!owner) continue;
    const pid = Number(owner[1]);
    if (pid === process.pid || processExists(pid)) continue;
    rmSync(join(dir, name), { recursive: true, force: true });
    removed++;
  }
  return removed;
}

/** A fresh path in `dir` (made, mode 0700, if missing) for `kind` (e.g. `upload`, `import`), owned by this process. */
export function tempPath(dir: string, kind: string, suffix = ''): string {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  return join(dir, `${kind}-${process.pid}-${randomBytes(6).toString('hex')}${suffix}`);
}

/** Creates an empty file readable by its owner only (fails if it exists). */
export function createPrivateFile(path: string): string {
  closeSync(openSync(path, 'wx', 0o600));
  return path;
}
