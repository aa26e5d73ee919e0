/** The parts of the SPEC 7 report answers the dashboard reads (figure names as in SPEC, camelCase; rates are fractions). */

export type Num = number | null;

interface Base<T, S> {
  from: string;
  to: string;
  interval: 'day' | 'week' | 'month';
  totals: T;
  series: (S & { period: string })[];
}

export interface OverviewFigures {
  views: number;
  visitors: number;
  searches: number;
  contacts: number;
  tickets: number;
  viewsPerTicket: Num;
  selfServiceScore: Num;
  selfServiceRate: Num;
  contactsAfterRead?: number;
  foundAnswer?: number;
  failed?: number;
  contacted?: number;
}

export interface TopicRow {
  category: string;
  title?: string;
  views: number;
  tickets: number;
  viewsPerTicket?: Num;
}

export type OverviewReport = Base<OverviewFigures, Partial<OverviewFigures>> & { topics: TopicRow[] };

export interface ArticleChange {
  date: string;
  before: { contactRate: Num; helpfulRate: Num };
  after: { contactRate: Num; helpfulRate: Num };
}

export interface ArticleRow {
  slug: string;
  title: string;
  category: string;
  locale?: string;
  views: number;
  visitors: number;
  avgReadSeconds: Num;
  medianReadSeconds: Num;
  expectedReadSeconds: Num;
  readThroughRate: Num;
  helpfulYes: number;
  helpfulNo: number;
  helpfulRate: Num;
  helpfulLow: Num;
  sessions: number;
  contactsAfterRead: number;
  contactRate: Num;
  deflectionRate: Num;
  comments?: (string | { text?: string; comment?: string; date?: string; ts?: number })[];
  changes?: ArticleChange[];
  flags: string[];
}

export type ArticlesReport = Base<Record<string, Num>, Record<string, Num>> & { articles: ArticleRow[] };

export interface QueryRow {
  query: string;
  searches: number;
  zeroResultSearches?: number;
  clickThroughRate?: Num;
  bouncedSearches?: number;
  contacts?: number;
  contactRate?: Num;
}

export interface SearchFigures {
  searches: number;
  zeroResultSearches: number;
  zeroResultRate: Num;
  clickThroughRate: Num;
  bouncedSearches: number;
}

export type SearchReport = Base<SearchFigures, Partial<SearchFigures>> & {
  queries: QueryRow[];
  zeroResultQueries: QueryRow[];
  contactQueries?: QueryRow[];
};

export interface GapRow {
  kind: string;
  /** The query, article slug or topic the row is about. */
  subject?: string;
  query?: string;
  slug?: string;
  category?: string;
  title?: string;
  reason: string;
  size: number;
  /** What `size` counts (searches, contacts, tickets...). */
  unit?: string;
  score?: number;
}

export type GapsReport = Base<Record<string, Num>, Record<string, Num>> & { gaps: GapRow[] };

export interface Spread {
  median: Num;
  mean: Num;
  p90: Num;
}

export interface CountRow {
  key?: string;
  name?: string;
  tickets: number;
}

export interface AssigneeRow {
  assignee: string;
  solved: number;
  csat: Num;
  rated?: number;
}

export interface TicketFigures {
  tickets: number;
  firstResponseMinutes: Spread;
  slaBreaches: number;
  resolutionMinutes: Spread;
  repliesPerTicket: Num;
  firstContactResolution: Num;
  reopenRate: Num;
  csat: Num;
  avgHandleSeconds: Num;
  avgWaitSeconds: Num;
  abandonmentRate: Num;
  phoneContacts?: number;
}

export interface Forecast {
  method: string;
  mape: Num;
  days: { date: string; tickets: number }[];
}

export type TicketsReport = Base<TicketFigures, { tickets: number }> & {
  weekdays: CountRow[];
  channels: CountRow[];
  types: CountRow[];
  tags: CountRow[];
  assignees: AssigneeRow[];
  forecast: Forecast;
};
