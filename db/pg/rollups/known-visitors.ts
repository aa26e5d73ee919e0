/**
 * Visitor-set members this node knows are committed (docs/scale-out.md, "Visitor sets"): a member of
 * site_day_visitors or article_day_visitors, once committed, leaves only when the rollups are rebuilt, so the
 * applier need not send it again. Most of a day's events come from visitors already counted that day, and each
 * member sent is an ON CONFLICT DO NOTHING probe that PostgreSQL answers with nothing new.
 *
 * Exact with any number of nodes: the cache only ever claims "this row is in the table", which no other node can
 * make false (nodes only add members). What removes members (a rebuild, kb copy) writes a new `rollupsBuilt` mark
 * in rollup_state in the same transaction; each chunk reads the mark under the applier lock, and a cache made under
 * another mark is emptied before it is used. Members are learnt only after their chunk committed, and only into
 * the cache of the mark that chunk read.
 */

/** Members kept at most (about 100 bytes each); past it the oldest day is forgotten. */
const MAX_MEMBERS = 200_000;
/** Local days kept: today's and yesterday's (events arrive for the day their node received them). */
const MAX_DAYS = 2;

/** A set member as the applier sends it: which table, its local day, and its whole key. */
export interface VisitorMember {
  day: string;
  key: string;
}

export class KnownVisitors {
  /** The rollups' mark these members were learnt under (undefined: nothing learnt yet). */
  private mark: string | null | undefined;
  private readonly days = new Map<string, Set<string>>();
  private size = 0;

  /** Called with the mark a chunk read under the applier lock, before it asks has(): a new mark empties the cache. */
  use(mark: string | null): void {
    if (mark === this.mark) return;
    this.days.clear();
    this.size = 0;
    this.mark = mark;
  }

  has({ day, key }: VisitorMember): boolean {
    return this.days.get(day)?.has(key) ?? false;
  }

  /** After a chunk that read `mark` committed: its members are in the tables now (inserted or found there). */
  learn(mark: string | null, members: readonly VisitorMember[]): void {
    if (mark !== this.mark) return; // a rebuild came between that chunk and now
    for (const { day, key } of members) {
      let set = this.days.get(day);
      if (!set) {
        this.days.set(day, (set = new Set()));
        this.forgetOldDays();
        if (!this.days.has(day)) continue; // an old day, already past the kept ones
      }
      if (set.has(key)) continue;
      if (this.size >= MAX_MEMBERS) {
        this.forgetOldest();
        if (!this.days.has(day)) continue;
      }
      set.add(key);
      this.size++;
    }
  }

  private forgetOldDays(): void {
    while (this.days.size > MAX_DAYS) this.forgetOldest();
  }

  private forgetOldest(): void {
    const oldest = [...this.days.keys()].sort()[0]!;
    this.size -= this.days.get(oldest)!.size;
    this.days.delete(oldest);
  }
}

/** The rollup_state key whose value changes whenever visitor-set members may have been removed. */
export const ROLLUPS_BUILT = 'rollupsBuilt';
