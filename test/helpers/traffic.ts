/**
 * Seeded random help-center traffic as the tracker would send it (every event type, two locales, votes with
 * comments, searches with and without results and clicks, contacts after reading), so two storage engines can be
 * given exactly the same requests and compared.
 */
import { TrackEventSchema, type TrackEvent } from '../../db/shared/event.ts';
import type { ClientInfo } from '../../db/tracking/writer.ts';

export interface Request {
  events: TrackEvent[];
  client: ClientInfo;
}

export interface TrafficOptions {
  seed: number;
  /** Epoch ms of the first request. */
  start: number;
  days: number;
  visitors: number;
  articles: readonly string[];
  locales: readonly string[];
}

const UA = 'Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0';
const QUERIES = ['refund', 'Reset  Password', 'invoice pdf', 'cancel subscription', 'zzz no results', 'two factor'];

function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Requests in time order (one event each, as beacons mostly are). */
export function traffic(o: TrafficOptions): Request[] {
  const rnd = prng(o.seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const out: Request[] = [];
  let pvCount = 0;
  for (let v = 0; v < o.visitors; v++) {
    const ip = `10.${Math.floor(v / 250)}.${v % 250}.${1 + (v % 7)}`;
    const locale = pick(o.locales);
    let t = o.start + Math.floor(rnd() * o.days * 86_400_000);
    const sessions = 1 + Math.floor(rnd() * 3);
    for (let s = 0; s < sessions; s++) {
      const steps = 1 + Math.floor(rnd() * 8);
      let lastPv: { pv: string; article: string } | undefined;
      let searched = false;
      for (let i = 0; i < steps; i++) {
        t += Math.floor(rnd() * 6 * 60_000) + 1000;
        const r = rnd();
        const send = (e: Record<string, unknown>) => out.push({ events: [TrackEventSchema.parse({ locale, ...e })], client: { ip, userAgent: UA, now: t } });
        if (r < 0.35 || !lastPv) {
          const article = pick(o.articles);
          const pv = `pv${++pvCount}`;
          lastPv = { pv, article };
          send({ type: 'view', pv, article, path: `/articles/${article}` });
        } else if (r < 0.55) {
          send({ type: 'read', pv: lastPv.pv, article: lastPv.article, seconds: Math.floor(rnd() * 400), scroll: Math.floor(rnd() * 101) });
        } else if (r < 0.65) {
          const helpful = rnd() < 0.6;
          send({ type: 'vote', pv: lastPv.pv, article: lastPv.article, helpful, ...(helpful || rnd() < 0.5 ? {} : { comment: 'Missing the steps for Android' }) });
        } else if (r < 0.78) {
          const query = pick(QUERIES);
          searched = true;
          send({ type: 'search', pv: `pv${++pvCount}`, query, results: query.startsWith('zzz') ? 0 : 1 + Math.floor(rnd() * 5) });
        } else if (r < 0.86 && searched) {
          send({ type: 'search_click', pv: `pv${pvCount}`, query: 'x', position: 1 + Math.floor(rnd() * 3) });
        } else if (r < 0.92) {
          send({ type: 'contact', pv: lastPv.pv, via: rnd() < 0.5 ? 'cta' : 'form' });
        } else if (r < 0.96) {
          send({ type: 'suggest_shown', pv: `pv${++pvCount}`, query: pick(QUERIES), results: 2 });
        } else {
          send({ type: 'suggest_click', pv: `pv${pvCount}`, article: pick(o.articles), position: 1 });
        }
      }
      t += 31 * 60_000 + Math.floor(rnd() * 3 * 3_600_000); // a new session
    }
  }
  return out.sort((a, b) => a.client.now! - b.client.now!);
}
