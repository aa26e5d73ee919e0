/**
 * Batching for the rollup statements: counter increments are summed per key and written once per batch,
 * and repeated "insert if new" statements for distinct sets are answered from memory within the batch.
 * Counters are only ever written, never read back while a batch runs, so deferring them changes no result.
 */
import type Database from 'better-sqlite3';
import type { RollupStatements } from './statements.ts';

type Stmt = Database.Statement;
type Runner = { run: (...args: unknown[]) => { changes: number } };

export class DeferredStatements {
  private sums = new Map<string, { stmt: Stmt; args: unknown[]; n: number }>();
  private ids = new Map<Stmt, number>();
  readonly statements: RollupStatements;

  constructor(s: RollupStatements) {
    const counters = (group: Record<string, Stmt>) =>
      Object.fromEntries(Object.entries(group).map(([col, stmt]) => [col, this.counter(stmt)]));
    this.statements = {
      ...s,
      site: counters(s.site),
      article: counters(s.article),
      query: counters(s.query),
      siteVisitor: this.distinct(s.siteVisitor),
      articleVisitor: this.distinct(s.articleVisitor),
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

  /** An INSERT OR IGNORE into a distinct set: a key already seen in this batch is known not to be new. */
  private distinct(stmt: Stmt): Runner {
    const seen = new Set<string>();
    return {
      run: (...args) => {
        const key = args.join('\u0000');
        if (seen.has(key)) return { changes: 0 };
        seen.add(key);
        return stmt.run(...args);
      },
    };
  }

  /** Writes the summed counters (skipping keys that net to zero). */
  flush(): void {
    for (const { stmt, args, n } of this.sums.values()) if (n !== 0) stmt.run(...args, n);
    this.sums.clear();
  }
}
