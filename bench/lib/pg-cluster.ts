/**
 * A throwaway PostgreSQL cluster of our own, for tests that restart PostgreSQL under running nodes and for
 * benchmarks that measure PostgreSQL's CPU: the TypeScript twin of bin/with-postgres (same binaries, same flags).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createConnection } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';

export interface Cluster {
  /** postgres://kb@127.0.0.1:<port>/postgres */
  url: string;
  port: number;
  /** Stops with `-m fast` (a clean shutdown) or `immediate` (a crash; WAL replay on start), then starts again. */
  restart(mode?: 'fast' | 'immediate'): void;
  stop(mode?: 'fast' | 'immediate'): void;
  start(): void;
  /** CPU seconds (user + system) of the postmaster, every process it runs, and those of them that ended, from /proc. */
  cpuSeconds(): number;
  /** Stops the cluster and deletes its folder. */
  destroy(): void;
}

function binDir(): string {
  const fromEnv = process.env.KB_TEST_PG_BINDIR ?? process.env.KB_PG_BINDIR;
  if (fromEnv) return fromEnv;
  for (const v of ['18', '17', '16', '15']) if (existsSync(`/usr/lib/postgresql/${v}/bin/initdb`)) return `/usr/lib/postgresql/${v}/bin`;
  throw new Error('No PostgreSQL server binaries (apt-get install postgresql, or set KB_PG_BINDIR).');
}

const portFree = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.once('connect', () => (socket.destroy(), resolve(false)));
    socket.once('error', () => resolve(true));
  });

/** Initialises and starts a cluster on the first free port from `firstPort`. */
export async function startCluster(firstPort = 55434, { durable = false, extra = [] as string[] } = {}): Promise<Cluster> {
  const bin = binDir();
  const dir = mkdtempSync(join(tmpdir(), 'kb-pgc-'));
  const asRoot = userInfo().uid === 0;
  const run = (cmd: string, args: string[]) => {
    const r = asRoot ? spawnSync('runuser', ['-u', 'postgres', '--', join(bin, cmd), ...args], { encoding: 'utf8' }) : spawnSync(join(bin, cmd), args, { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`${cmd} failed: ${r.stderr || r.stdout}`);
  };
  if (asRoot) chownSync(dir, Number(execFileSync('id', ['-u', 'postgres']).toString().trim()), Number(execFileSync('id', ['-g', 'postgres']).toString().trim()));
  let port = firstPort;
  while (!(await portFree(port))) port++;
  const data = join(dir, 'data');
  run('initdb', ['-D', data, '-U', 'kb', '-A', 'trust', ...(durable ? [] : ['--no-sync']), '-E', 'UTF8', '--locale=C.UTF-8']);
  // Tests throw the cluster away (fsync off); benchmarks of durable ingest keep PostgreSQL's defaults (fsync on).
  const safety = durable ? [] : ['-c fsync=off', '-c full_page_writes=off'];
  const options = [`-p ${port}`, `-k ${dir}`, '-c listen_addresses=127.0.0.1', '-c max_connections=200', ...safety, ...extra].join(' ');
  const start = () => run('pg_ctl', ['-D', data, '-w', '-t', '60', '-l', join(dir, 'server.log'), '-o', options, 'start']);
  const stop = (mode: 'fast' | 'immediate' = 'fast') => run('pg_ctl', ['-D', data, '-w', '-m', mode, 'stop']);
  start();
  const postmaster = () => Number(readFileSync(join(data, 'postmaster.pid'), 'utf8').split('\n')[0]);
  const cpuOf = (pid: number, endedChildren = false) => {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    // utime + stime (or cutime + cstime: children waited for), in clock ticks of 1/100 s
    return endedChildren ? (Number(fields[13]) + Number(fields[14])) / 100 : (Number(fields[11]) + Number(fields[12])) / 100;
  };
  return {
    url: `postgres://kb@127.0.0.1:${port}/postgres`,
    port,
    restart(mode = 'fast') {
      stop(mode);
      start();
    },
    stop,
    start,
    cpuSeconds() {
      const root = postmaster();
      // The postmaster's own time and that of its children that have ended (autovacuum workers, closed backends).
      let total = cpuOf(root) + cpuOf(root, true);
      for (const entry of readdirSync('/proc')) {
        if (!/^\d+$/.test(entry)) continue;
        try {
          const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
          if (Number(stat.split(') ')[1]!.split(' ')[1]) === root) total += cpuOf(Number(entry));
        } catch {
          // the process ended meanwhile
        }
      }
      return total;
    },
    destroy() {
      try {
        stop('immediate');
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
