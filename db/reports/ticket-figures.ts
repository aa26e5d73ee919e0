/** Turns ticket sums and durations into the KPIs of SPEC 7.3 (the solved and CSAT rules: db/shared/ticket-rules.ts). */
import { quantiles, rate, sampledRate } from './stats.ts';
import type { TicketDaySums } from './ticket-reads.ts';
import type { TicketFigures } from '../shared/reports.ts';

/** Sums of one period (or the totals) plus its per-ticket durations, turned into the KPIs of SPEC 7.3. */
export class TicketPeriod {
  sums: Omit<TicketDaySums, 'day'> = {
    tickets: 0, solved: 0, repliesKnown: 0, repliesSum: 0, fcr: 0, reopened: 0, csatGood: 0, csatRated: 0,
    handleSum: 0, handleN: 0, queued: 0, waitSum: 0, abandoned: 0, frSumMs: 0, frN: 0, resSumMs: 0, resN: 0,
  };
  /** Per-ticket minutes, in any order. */
  firstResponse: ArrayLike<number> = [];
  resolution: ArrayLike<number> = [];
  /** Business clock: the means come from the per-ticket values (the day sums hold calendar time). */
  business = false;

  addDay(day: TicketDaySums): void {
    for (const k of Object.keys(this.sums) as Array<keyof TicketPeriod['sums']>) this.sums[k] += day[k];
  }

  constructor(private readonly slaMinutes: number) {}

  /** `minSample` (series points: MIN_SAMPLE) leaves reopenRate and abandonmentRate null under that many solved / queued. */
  figures(minSample = 1): TicketFigures {
    const s = this.sums;
    let breaches = 0;
    for (let i = 0; i < this.firstResponse.length; i++) if (this.firstResponse[i]! > this.slaMinutes) breaches++;
    const q = (values: ArrayLike<number>, sumMs: number, n: number) =>
      this.business ? quantiles(values) : { ...quantiles(values), mean: n > 0 ? sumMs / n / 60_000 : null };
    return {
      tickets: s.tickets,
      solved: s.solved,
      firstResponseMinutes: q(this.firstResponse, s.frSumMs, s.frN),
      slaBreaches: breaches,
      resolutionMinutes: q(this.resolution, s.resSumMs, s.resN),
      repliesPerTicket: s.repliesKnown > 0 ? s.repliesSum / s.repliesKnown : null,
      firstContactResolution: rate(s.fcr, s.repliesKnown),
      reopenRate: sampledRate(s.reopened, s.solved, minSample),
      csat: rate(s.csatGood, s.csatRated),
      csatRated: s.csatRated,
      avgHandleSeconds: s.handleN > 0 ? s.handleSum / s.handleN : null,
      phoneQueued: s.queued,
      avgWaitSeconds: s.queued > 0 ? s.waitSum / s.queued : null,
      abandoned: s.abandoned,
      abandonmentRate: sampledRate(s.abandoned, s.queued, minSample),
    };
  }
}
