/** What the sections of bench/pg.bench.ts share: the repository, the nodes' secrets, databases and checkouts. */
import { spawnSync } from 'node:child_process';
import { existsSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import postgres from 'postgres';
import type { Cluster } from './pg-cluster.ts';

export const root = fileURLToPath(new URL('../..', import.meta.url));
export const tmp = join(root, 'bench', 'tmp');
export const TOKEN = 'bench-admin-token-0123456789';
export const SECRET = 'b'.repeat(40);
export const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

export async function createDatabase(cluster: Cluster, name: string): Promise<string> {
  const admin = postgres(cluster.url, { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE ${name}`);
  await admin.end();
  return cluster.url.replace(/\/postgres$/, `/${name}`);
}

/**
 * A detached checkout of `commit` for its PostgreSQL nodes, sharing our node_modules and built site (the runtime
 * loads the search index at start; the commits compared here share its format), or undefined when git cannot make one.
 */
export function pgCheckout(commit: string): string | undefined {
  const dir = join(tmpdir(), `kb-bench-pg-${commit}`);
  if (existsSync(join(dir, 'bench'))) return dir;
  const made = spawnSync('git', ['-C', root, 'worktree', 'add', '--detach', dir, commit], { encoding: 'utf8' });
  if (made.status !== 0) return undefined;
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
  symlinkSync(join(root, 'dist'), join(dir, 'dist'));
  return dir;
}
