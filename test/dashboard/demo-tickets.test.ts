/** The demo's tickets never carry a time after the moment the demo runs: the importer refuses those, and `kb demo` with them. */
import { fileURLToPath } from 'node:url';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../api/content/read-catalog.ts';
import { demoContent } from '../../bin/demo/content.ts';
import { createRandom } from '../../bin/demo/random.ts';
import { buildStory } from '../../bin/demo/story.ts';
import { dayTickets } from '../../bin/demo/tickets.ts';

const contentDir = fileURLToPath(new URL('../../content', import.meta.url));

describe('demo tickets', () => {
  it('are answered and solved no later than now, even when created minutes before it', async () => {
    const story = buildStory(demoContent(await loadCatalog(contentDir, { git: false })), () => 1);
    const day = DateTime.fromISO('2026-12-03T00:00:00Z', { zone: 'UTC' });
    let unanswered = 0;
    // Every hour of a day, many seeds: the late tickets' first responses fall past now often enough to be seen.
    for (let hour = 1; hour <= 24; hour++) {
      const now = day.plus({ hours: hour }).toMillis();
      for (let seed = 1; seed <= 40; seed++) {
        for (const t of dayTickets(createRandom(seed), story, day, 1, 60, [], now)) {
          for (const at of [t.createdAt, t.firstResponseAt, t.solvedAt]) if (at !== null && at !== undefined) expect(at).toBeLessThanOrEqual(now);
          if (t.firstResponseAt === null && !t.abandoned) {
            unanswered++;
            expect(t.solvedAt).toBeNull();
            expect(t.replies).toBe(0);
          }
        }
      }
    }
    expect(unanswered).toBeGreaterThan(0);
  });
});
