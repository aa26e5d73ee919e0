import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../api/app.ts';
import { events } from '../../db/schema/index.ts';
import { tempDb, type TempDb } from '../helpers/db.ts';

const TOKEN = 'test-admin-token-123456';
type Ev = { session: number; at: string; type: 'suggest_shown' | 'suggest_click' | 'contact' | 'view'; via?: string; locale?: string };

// Times are UTC; the report runs in Europe/Berlin (UTC+1 in March), so 23:30Z belongs to the next local day.
const HAND_MADE: Ev[] = [
  // 1: shown, opened, then submitted anyway: not deflected.
  { session: 1, at: '2026-03-02T09:00:00Z', type: 'suggest_shown' },
  { session: 1, at: '2026-03-02T09:00:20Z', type: 'suggest_click' },
  { session: 1, at: '2026-03-02T09:03:00Z', type: 'contact', via: 'form' },
  // 2: shown twice, opened one, left: an implicit deflection.
  { session: 2, at: '2026-03-02T10:00:00Z', type: 'suggest_shown' },
  { session: 2, at: '2026-03-02T10:00:05Z', type: 'suggest_shown' },
  { session: 2, at: '2026-03-02T10:00:30Z', type: 'suggest_click' },
  // 3: shown, nothing opened, submitted.
  { session: 3, at: '2026-03-02T11:00:00Z', type: 'suggest_shown' },
  { session: 3, at: '2026-03-02T11:02:00Z', type: 'contact', via: 'form' },
  // 4: submitted first, opened a suggestion afterwards and left: the click is not followed by a submission.
  { session: 4, at: '2026-03-02T12:00:00Z', type: 'contact', via: 'form' },
  { session: 4, at: '2026-03-02T12:05:00Z', type: 'suggest_click' },
  // 5: a "Contact support" button is not a form submission.
  { session: 5, at: '2026-03-02T13:00:00Z', type: 'contact', via: 'cta' },
  // 7: next day, in Russian: shown, opened, left.
  { session: 7, at: '2026-03-03T10:00:00Z', type: 'suggest_shown', locale: 'ru' },
  { session: 7, at: '2026-03-03T10:00:09Z', type: 'suggest_click', locale: 'ru' },
  // Outside the range in Berlin time: 2026-03-04 00:30 and 2026-03-01 23:30 local.
  { session: 6, at: '2026-03-03T23:30:00Z', type: 'suggest_shown' },
  { session: 8, at: '2026-03-01T22:30:00Z', type: 'suggest_click' },
];

describe('GET /api/reports/contact: the contact form deflection report', () => {
  let t: TempDb;
  let app: ReturnType<typeof createApp>;
  beforeEach(() => {
    t = tempDb({ KB_TZ: 'Europe/Berlin' });
    app = createApp({ store: t.store, config: t.config, adminToken: TOKEN });
    t.db.insert(events).values(
      HAND_MADE.map((e) => ({ ts: Date.parse(e.at), type: e.type, visitor: `v${e.session}`, sessionId: e.session, via: e.via ?? null, locale: e.locale ?? 'en' })),
    ).run();
  });
  afterEach(() => t.cleanup());

  const get = (query: string, auth = true) =>
    app.request(`/api/reports/contact?${query}`, { headers: auth ? { Authorization: `Bearer ${TOKEN}` } : {} });

  it('counts sessions shown and opening suggestions, form submissions and implicit deflections per local day', async () => {
    const res = await get('from=2026-03-02&to=2026-03-03&interval=day');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      from: '2026-03-02',
      to: '2026-03-03',
      interval: 'day',
      totals: { deflectorShown: 3 + 1, deflectorClicked: 3 + 1, submitted: 3, implicitDeflections: 2 + 1, clickRate: 1, implicitDeflectionRate: 0.75 },
      series: [
        // a day's rates rest on 3 and 1 sessions shown suggestions: under 20, so not enough data (SPEC 7.5)
        { period: '2026-03-02', deflectorShown: 3, deflectorClicked: 3, submitted: 3, implicitDeflections: 2, clickRate: null, implicitDeflectionRate: null },
        { period: '2026-03-03', deflectorShown: 1, deflectorClicked: 1, submitted: 0, implicitDeflections: 1, clickRate: null, implicitDeflectionRate: null },
      ],
    });
  });

  it('filters by the locale of the page and zero-fills periods without events', async () => {
    const res = await get('from=2026-02-28&to=2026-03-03&interval=day&locale=ru');
    const body = (await res.json()) as { totals: Record<string, unknown>; series: Array<Record<string, unknown>> };
    expect(body.totals).toMatchObject({ deflectorShown: 1, deflectorClicked: 1, submitted: 0, implicitDeflections: 1 });
    expect(body.series.map((s) => s.period)).toEqual(['2026-02-28', '2026-03-01', '2026-03-02', '2026-03-03']);
    expect(body.series[0]).toMatchObject({ deflectorShown: 0, clickRate: null });
  });

  it('answers CSV with one row per period', async () => {
    const res = await get('from=2026-03-02&to=2026-03-03&interval=week&format=csv');
    expect(res.headers.get('content-type')).toContain('text/csv');
    expect((await res.text()).trim().split('\n')).toEqual([
      'period,deflectorShown,deflectorClicked,submitted,implicitDeflections,clickRate,implicitDeflectionRate',
      '2026-03-02,4,4,3,3,,',
    ]);
  });

  it('needs the admin token and names bad parameters', async () => {
    expect((await get('from=2026-03-02&to=2026-03-03', false)).status).toBe(401);
    const res = await get('from=2026-03-02&to=2026-03-03&interval=year');
    expect(res.status).toBe(400);
    const { error } = (await res.json()) as { error: { details: Array<{ path: string }> } };
    expect(error.details.map((d) => d.path)).toContain('interval');
  });
});
