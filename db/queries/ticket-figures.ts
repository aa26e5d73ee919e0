/** Accumulates tickets one by one into the KPIs of SPEC 7.3 (a fresh accumulator per period and one for totals). */
import { quantiles, rate } from './stats.ts';
import type { TicketFigures } from './types.ts';

/** The ticket columns the KPIs need, in the order tickets.ts stores them. */
export interface TicketFacts {
  createdAt: number;
  firstResponseAt: number | null;
  solvedAt: number | null;
  status: string | null;
  channel: string;
  replies: number | null;
  reopens: number | null;
  csat: string | null;
  handleSeconds: number | null;
  waitSeconds: number | null;
  abandoned: number | null;
}

const SOLVED = new Set(['solved', 'closed']);
const GOOD = new Set(['good', '4', '5']);
const BAD = new Set(['bad', '1', '2', '3']);

export const isSolved = (status: string | null) => status !== null && SOLVED.has(status.toLowerCase());

/** 1 good, 0 not good, null when not rated (offered but unanswered, or no survey). */
export function csatScore(csat: string | null): 1 | 0 | null {
  if (csat === null) return null;
  const v = csat.trim().toLowerCase();
  return GOOD.has(v) ? 1 : BAD.has(v) ? 0 : null;
}

export class TicketAccumulator {
  tickets = 0;
  solved = 0;
  private firstResponse: number[] = [];
  private resolution: number[] = [];
  private slaBreaches = 0;
  private repliesSum = 0;
  private repliesKnown = 0;
  private fcr = 0;
  private reopened = 0;
  private csatGood = 0;
  private csatRated = 0;
  private handleSum = 0;
  private handleN = 0;
  private queued = 0;
  private waitSum = 0;
  private abandoned = 0;

  constructor(private readonly slaMinutes: number) {}

  add(t: TicketFacts): void {
    this.tickets++;
    if (t.firstResponseAt !== null) {
      const minutes = (t.firstResponseAt - t.createdAt) / 60_000;
      this.firstResponse.push(minutes);
      if (minutes > this.slaMinutes) this.slaBreaches++;
    }
    if (t.solvedAt !== null) this.resolution.push((t.solvedAt - t.createdAt) / 60_000);
    if (isSolved(t.status)) {
      this.solved++;
      if ((t.reopens ?? 0) > 0) this.reopened++;
      if (t.replies !== null) {
        this.repliesKnown++;
        this.repliesSum += t.replies;
        if (t.replies <= 1 && (t.reopens ?? 0) === 0) this.fcr++;
      }
    }
    const score = csatScore(t.csat);
    if (score !== null) {
      this.csatRated++;
      this.csatGood += score;
    }
    if (t.handleSeconds !== null) {
      this.handleN++;
      this.handleSum += t.handleSeconds;
    }
    if (t.channel === 'phone' && t.waitSeconds !== null) {
      this.queued++;
      this.waitSum += t.waitSeconds;
      if (t.abandoned) this.abandoned++;
    }
  }

  figures(): TicketFigures {
    return {
      tickets: this.tickets,
      solved: this.solved,
      firstResponseMinutes: quantiles(this.firstResponse),
      slaBreaches: this.slaBreaches,
      resolutionMinutes: quantiles(this.resolution),
      repliesPerTicket: this.repliesKnown > 0 ? this.repliesSum / this.repliesKnown : null,
      firstContactResolution: rate(this.fcr, this.repliesKnown),
      reopenRate: rate(this.reopened, this.solved),
      csat: rate(this.csatGood, this.csatRated),
      csatRated: this.csatRated,
      avgHandleSeconds: this.handleN > 0 ? this.handleSum / this.handleN : null,
      phoneQueued: this.queued,
      avgWaitSeconds: this.queued > 0 ? this.waitSum / this.queued : null,
      abandoned: this.abandoned,
      abandonmentRate: rate(this.abandoned, this.queued),
    };
  }
}
