/**
 * `kb backup` for SQLite: VACUUM INTO, which copies the database from one read snapshot. Unlike the online backup
 * API it never starts over when another process writes (it had not finished after 17 s with 30 events a second
 * arriving), and writers are not held up: in WAL mode they commit beside the snapshot. The copy is written to a
 * 0600 file next to the target, checked with PRAGMA integrity_check, then renamed into place, so the target path
 * never holds half a backup. The live database (or its -wal/-shm) is never a target.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, realpathSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import type { Db } from './client.ts';
import { createPrivateFile } from '../shared/temp-files.ts';

/** The path a file has once symlinks are followed, whether or not the file exists yet. */
function realPath(path: string): string {
  const abs = resolve(path);
  if (existsSync(abs)) return realpathSync(abs);
  return join(existsSync(dirname(abs)) ? realpathSync(dirname(abs)) : dirname(abs), basename(abs));
}

function sameFile(a: string, b: string): boolean {
  if (realPath(a) === realPath(b)) return true;
  if (!existsSync(a) || !existsSync(b)) return false;
  const [x, y] = [statSync(a), statSync(b)];
  return x.ino === y.ino && x.dev === y.dev;
}

/** Writes the copy and checks it; resolves with integrity_check's answer (`ok`), or throws and leaves no file. */
export function backupDatabase(db: Db, target: string): string {
  const live = db.$client.name;
  for (const f of [live, `${live}-wal`, `${live}-shm`, `${live}-journal`]) {
    if (sameFile(target, f)) throw new Error(`${target} is the live database${f === live ? '' : `'s ${f.slice(live.length + 1)} file`}; back up to another file.`);
  }
  const partial = createPrivateFile(join(dirname(realPath(target)), `.${basename(target)}.partial-${process.pid}-${randomBytes(4).toString('hex')}`));
  try {
    db.$client.prepare('VACUUM INTO ?').run(partial);
    const copy = new Database(partial, { readonly: true });
    let check: string;
    try {
      check = String(copy.pragma('integrity_check', { simple: true }));
    } finally {
      copy.close();
    }
    if (check !== 'ok') throw new Error(`The copy failed its integrity check (${check}); nothing was written to ${target}.`);
    renameSync(partial, target);
    return check;
  } catch (err) {
    rmSync(partial, { force: true });
    throw err;
  }
}
