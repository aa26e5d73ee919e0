/**
 * Batching for the rollup statements: counter increments are summed per key and written once per batch,
 * and repeated "insert if new" statements for distinct sets are answered from memory within the batch.
 * Counters are only ever written, never read back while a batch runs, so deferring them changes no result.
 * A `KnownKeys` kept across committed batches also answers "insert if new" for keys stored earlier: rollup
 * rows are never deleted (a rebuild restores every key it deletes), so a key once stored stays stored.
 */
import type Database from 'better-sqlite3';
import type { RollupStatements } from './rollup-statements.ts';

type Stmt = Database.Statement;
type Runner = { run: (...args: unknown[]) => { changes: number } };

/** Keys of "insert if new" statements known to be stored, per statement; cleared when a batch fails. */
export class KnownKeys {
  private sets = new Map<Stmt, Set<string>>();
  private size = 0;
  /** Forgets everything past this many keys (a day of visitors on a busy site fits many times over). */
  constructor(private readonly limit = 500_000) {}

  setFor(stmt: Stmt): Set<string> {
    let set = this.sets.get(stmt);
    if (!set) this.sets.set(stmt, (set = new Set()));
    return set;
  }

  /** Counts an added key, forgetting all when over the limit (correct either way; only slower for a moment). */
  added(): void {
    if (++this.size > this.limit) this.clear();
  }

  clear(): void {
    this.sets.clear();
    this.size = 0;
  }
}

export class DeferredStatements {
  private sums = new Map<string, { stmt: Stmt; args: unknown[]; n: number }>();
  private ids = new Map<Stmt, number>();
  readonly statements: RollupStatements;

  constructor(s: RollupStatements, private readonly known = new KnownKeys()) {
    const counters = (group: Record<string, Stmt>) =>
      Object.fromEntries(Object.entries(group).map(([col, stmt]) => [col, this.counter(stmt)]));
    this.statements = {
      ...s,
      site: counters(s.site),
      article: counters(s.article),
      query: counters(s.query),
      siteVisitor: this.distinct(s.siteVisitor),
      articleVisitor: this.distinct(s.articleVisitor),
      sessionInsert: this.distinct(s.sessionInsert),
      articleSessionInsert: this.distinct(s.articleSessionInsert),
      pvInsert: this.distinct(s.pvInsert),
    } as unknown as RollupStatements;
  }

  /** An upsert-increment `(...key, n)` whose n is summed per key until flush(). */
  private counter(stmt: Stmt): Runner {
    const id = this.ids.size;
    this.ids.set(stmt, id);
    return {
      run: (...args) => {
        const n = args.pop() as number;
        const key = `${id}\u0000${args.join('\u0000')}`;
        const have = this.sums.get(key);
        if (have) have.n += n;
        else this.sums.set(key, { stmt, args, n });
        return { changes: 1 };
      },
    };
  }

  /**
   * An INSERT OR IGNORE whose arguments are all part of the key: once run with some arguments (in this batch
   * or a committed earlier one), running it again with the same ones changes nothing.
   */
  private distinct(stmt: Stmt): Runner {
    const seen = this.known.setFor(stmt);
    return {
      run: (...args) => {
        const key = args.join('\u0000');
        if (seen.has(key)) return { changes: 0 };
        const result = stmt.run(...args);
        seen.add(key);
        this.known.added();
        return result;
      },
    };
  }

  /** Writes the summed counters (skipping keys that net to zero). */
  flush(): void {
    for (const { stmt, args, n } of this.sums.values()) if (n !== 0) stmt.run(...args, n);
    this.sums.clear();
  }
}
