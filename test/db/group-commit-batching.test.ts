import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createGroupCommit } from '../../db/tracking/group-commit.ts';

/**
 * When asynchronous batches start (the PostgreSQL writer's group commit), on a fake clock: each write takes WRITE_MS,
 * and the test records when every batch started and what it held.
 */
const WRITE_MS = 3;

function recorder(options: { gatherMs?: number; batchEveryMs?: number }, writeMs = WRITE_MS) {
  const batches: Array<{ at: number; items: number[] }> = [];
  const commits = createGroupCommit<number>({
    maxWeight: 1000,
    weigh: () => 1,
    ...options,
    write: (items) => {
      batches.push({ at: performance.now(), items });
      return new Promise<void>((resolve) => setTimeout(resolve, writeMs));
    },
  });
  return { commits, batches };
}

/** Open loop: one item every `everyMs`, `count` in all, none waiting for the previous answer. */
async function stream(commits: ReturnType<typeof recorder>['commits'], count: number, everyMs: number): Promise<void> {
  const answered: Array<Promise<void>> = [];
  for (let i = 0; i < count; i++) {
    answered.push(commits.submit(i));
    await vi.advanceTimersByTimeAsync(everyMs);
  }
  await vi.advanceTimersByTimeAsync(100);
  await Promise.all(answered);
}

describe('group commit: when a batch starts', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setImmediate', 'clearImmediate', 'performance'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('under a steady stream, starts a batch at most every batchEveryMs, holding what arrived meanwhile', async () => {
    const { commits, batches } = recorder({ gatherMs: 3, batchEveryMs: 10 });
    await stream(commits, 50, 2);

    expect(batches.flatMap((b) => b.items)).toEqual([...Array(50).keys()]); // each item once, in order
    // The first batches start sooner (each holds until as many items are back as waited on the write before it, and
    // that count grows by what arrives during a write), then one every batchEveryMs.
    const gaps = batches.slice(1).map((b, i) => b.at - batches[i]!.at);
    expect(gaps.slice(0, 3).every((g) => g < 10)).toBe(true);
    expect(Math.min(...gaps.slice(3))).toBe(10);
    expect(batches.length).toBeLessThanOrEqual(13); // 100 ms of stream
    expect(Math.min(...batches.slice(4, -1).map((b) => b.items.length))).toBeGreaterThanOrEqual(4); // 10 ms of items 2 ms apart
  });

  it('without it, the same stream takes a transaction for every item or two', async () => {
    const { commits, batches } = recorder({ gatherMs: 3 });
    await stream(commits, 50, 2);

    expect(batches.flatMap((b) => b.items)).toEqual([...Array(50).keys()]);
    expect(batches.length).toBeGreaterThanOrEqual(15);
  });

  it('writes an item after a quiet spell at once', async () => {
    const { commits, batches } = recorder({ gatherMs: 3, batchEveryMs: 10 });
    await stream(commits, 5, 2);
    const before = batches.length;

    await vi.advanceTimersByTimeAsync(50);
    const sentAt = performance.now();
    const answered = commits.submit(99);
    await vi.advanceTimersByTimeAsync(0);
    expect(batches).toHaveLength(before + 1);
    expect(batches.at(-1)).toEqual({ at: sentAt, items: [99] });
    await vi.advanceTimersByTimeAsync(WRITE_MS);
    await answered;
  });

  it('starts a held batch as soon as the callers answered by the last write are back', async () => {
    // A saturated closed loop: eight callers, each sending again as soon as it is answered. Holding their batch for
    // batchEveryMs would only idle them.
    const { commits, batches } = recorder({ gatherMs: 3, batchEveryMs: 50 });
    const started = performance.now();
    const caller = async (c: number) => {
      for (let round = 0; round < 5; round++) await commits.submit(c * 10 + round);
    };
    const done = Promise.all(Array.from({ length: 8 }, (_, c) => caller(c)));
    await vi.advanceTimersByTimeAsync(5 * WRITE_MS + 1);
    await done;

    expect(batches.map((b) => b.items.length)).toEqual([8, 8, 8, 8, 8]);
    expect(performance.now() - started).toBeLessThan(50);
  });

  it('does not hold a closed loop for its last stragglers', async () => {
    // Twenty callers send again as soon as they are answered, but one of them takes 30 ms to: the other nineteen go
    // out together as soon as they are back (nine in ten are enough) instead of idling until it comes.
    const { commits, batches } = recorder({ gatherMs: 3, batchEveryMs: 50 });
    const caller = async (c: number) => {
      for (let round = 0; round < 3; round++) {
        await commits.submit(c * 10 + round);
        if (c === 0) await new Promise((r) => setTimeout(r, 30));
      }
    };
    const done = Promise.all(Array.from({ length: 20 }, (_, c) => caller(c)));
    await vi.advanceTimersByTimeAsync(2 * WRITE_MS + 1);
    expect(batches.map((b) => [b.at, b.items.length])).toEqual([[0, 20], [WRITE_MS, 19], [2 * WRITE_MS, 19]]);

    await vi.advanceTimersByTimeAsync(200);
    await done;
    expect(batches.flatMap((b) => b.items).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 20 }, (_, c) => [0, 1, 2].map((r) => c * 10 + r)).flat().sort((a, b) => a - b),
    );
  });

  it('holds a batch no longer than it takes the last write\'s callers to come back, even when some never do', async () => {
    const { commits, batches } = recorder({ gatherMs: 3, batchEveryMs: 10 });
    // Four items go out together; while they are written, two more arrive; of the four answered, none comes back.
    const first = [1, 2, 3, 4].map((i) => commits.submit(i));
    await vi.advanceTimersByTimeAsync(1);
    const more = [5, 6].map((i) => commits.submit(i));
    await vi.advanceTimersByTimeAsync(WRITE_MS);
    await Promise.all(first);
    expect(batches).toHaveLength(1);

    // The held batch starts at the latest batchEveryMs after the first one.
    await vi.advanceTimersByTimeAsync(10);
    expect(batches.map((b) => b.items)).toEqual([[1, 2, 3, 4], [5, 6]]);
    expect(batches[1]!.at - batches[0]!.at).toBe(10);
    await vi.advanceTimersByTimeAsync(WRITE_MS);
    await Promise.all(more);
  });

  it('holds what waited on a slow write at least gatherMs more, even when batchEveryMs has passed', async () => {
    const { commits, batches } = recorder({ gatherMs: 3, batchEveryMs: 10 }, 12);
    const answered = [commits.submit(1), commits.submit(2)];
    await vi.advanceTimersByTimeAsync(5);
    answered.push(commits.submit(3)); // waits on the write of 1 and 2, which ends at 12 ms
    await vi.advanceTimersByTimeAsync(8);
    answered.push(commits.submit(4)); // at 13 ms: the hold runs to 15 ms, or until three items wait
    await vi.advanceTimersByTimeAsync(1);
    expect(batches).toHaveLength(1);

    await vi.advanceTimersByTimeAsync(1);
    expect(batches.map((b) => [b.at, b.items])).toEqual([[0, [1, 2]], [15, [3, 4]]]);
    await vi.advanceTimersByTimeAsync(12);
    await Promise.all(answered);
  });
});
