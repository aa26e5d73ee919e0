/** The words of every definition (api/reports/definitions.ts serves them); one entry per figure or group of figures. */

export type DefinitionGroup = 'overview' | 'articles' | 'search' | 'gaps' | 'tickets' | 'contact' | 'dashboard';

export interface Definition {
  /** Names as the JSON has them (`contactRate`, `firstResponseMinutes`); each gets an anchor. */
  names: string[];
  /** What it counts, in Markdown (only `code` spans and plain text). */
  text: string;
}

export interface DefinitionSection {
  group: DefinitionGroup;
  title: string;
  /** The report route, when the section is a report's. */
  route?: string;
  figures: Definition[];
}

const THIN = 'On a series point under 20 in its denominator the rate is `null` (not enough data), in totals and rows it is exact.';

export const FIGURE_TEXTS: DefinitionSection[] = [
  {
    group: 'overview',
    title: 'Overview: reads against ticket volume',
    route: '/api/reports/overview',
    figures: [
      { names: ['views'], text: '`view` events of any help-center page (home, categories, articles, search, contact).' },
      { names: ['visitors'], text: 'distinct visitors with any help-center event, per day, summed over days (visitor ids change daily, so a person on two days counts twice).' },
      { names: ['searches'], text: '`search` events.' },
      { names: ['contacts'], text: '`contact` events: clicks on a "Contact support" call to action and contact forms sent, as the tracker saw them. Not tickets: a click may end in no ticket, and tickets also come by e-mail, phone and chat without any click.' },
      { names: ['contactsAfterRead'], text: 'sessions in which a `contact` followed a view of an article within `KB_ATTRIBUTION_MINUTES`, no other article viewed in between; counted once per session and article.' },
      { names: ['tickets'], text: 'tickets created in the period (local day of `created_at` in `KB_TZ`), from every channel the helpdesk import holds.' },
      { names: ['requesters'], text: 'distinct ticket requesters among the tickets created.' },
      { names: ['viewsPerTicket'], text: 'views / tickets.' },
      { names: ['selfServiceScore'], text: "visitors / requesters (Zendesk's definition): how many people helped themselves for each who filed a ticket." },
      { names: ['sessions'], text: 'help-center sessions: a visitor\'s events with no gap over 30 minutes, counted on the day of their first event.' },
      { names: ['selfServiceRate'], text: `1 - sessions with a contact / sessions. ${THIN}` },
      { names: ['foundAnswer', 'failed', 'contacted'], text: 'session outcomes, adding up to `sessions`: contacted = had a contact; foundAnswer = viewed an article, no contact; failed = the rest (searched or browsed, no article, no contact).' },
      { names: ['ticketsAvoided'], text: 'estimated tickets avoided: sessions with outcome `foundAnswer`. An estimate: it assumes each such session would otherwise have become one ticket; some readers would never have written, and some wrote anyway through another channel.' },
      { names: ['costAvoided'], text: '`ticketsAvoided` x `KB_COST_PER_TICKET` (echoed as `costPerTicket`), in the currency you think in; `null` when no cost is set. An estimate, as `ticketsAvoided` is.' },
      { names: ['topics'], text: 'per category (in `order`): `views` of its articles, `tickets` created carrying one of its `ticketTags` or of a type in `ticketTypes` (each ticket once), `viewsPerTicket`.' },
    ],
  },
  {
    group: 'articles',
    title: 'Articles',
    route: '/api/reports/articles',
    figures: [
      { names: ['articles'], text: 'one row per article (every article in `content/` for the locale, plus any slug seen in events), worst first: most flags, then lowest `helpfulLow`, then most views.' },
      { names: ['views'], text: '`view` events of the article.' },
      { names: ['visitors'], text: 'distinct visitors per day, summed over days (visitor ids change daily, so a person on two days counts twice).' },
      { names: ['avgReadSeconds', 'medianReadSeconds'], text: 'mean and median of engaged seconds over page views with engaged seconds > 0 (each page view\'s largest reported `seconds`).' },
      { names: ['expectedReadSeconds'], text: 'words in the article body / 200 words per minute, in seconds (Markdown syntax, code blocks and link targets not counted).' },
      { names: ['readThroughRate'], text: `page views whose deepest scroll >= 90, over \`views\`. ${THIN}` },
      { names: ['helpfulYes', 'helpfulNo'], text: 'page views whose last vote is yes / no.' },
      { names: ['helpfulRate'], text: `yes / (yes + no). ${THIN}` },
      { names: ['helpfulLow'], text: 'Wilson score lower bound of `helpfulRate` at 95% (z = 1.96): three votes never outrank three hundred.' },
      { names: ['comments'], text: 'the "what was missing" texts (`{ date, locale, text }`), newest first.' },
      { names: ['sessions'], text: "sessions with a view of the article (on the day of the session's first view of it)." },
      { names: ['contactsAfterRead'], text: 'of those sessions, the ones with a `contact` attributed to this article: ingest attributes a contact to the last article viewed in its session within `KB_ATTRIBUTION_MINUTES` before it, so no other article was viewed in between. Counted once per session.' },
      { names: ['contactRate'], text: `contactsAfterRead / sessions. ${THIN}` },
      { names: ['deflectionRate'], text: `1 - contactRate. ${THIN}` },
      { names: ['siteContactRate'], text: "(report level) all articles' contactsAfterRead / their sessions." },
      { names: ['changes'], text: "each edit date (front matter `updated` and the dates of the file's git commits), newest first, with `before` (the 28 days D-28..D-1) and `after` (D+1..D+28): `contactRate`, `helpfulRate`, `sessions`, `votes`. The edit day itself is left out because it mixes both versions." },
      { names: ['significant', 'helpfulSignificant'], text: 'on each change: whether the contact rate (`significant`) or the helpful rate (`helpfulSignificant`) changed at 95%, by a pooled two-proportion z-test (|z| >= 1.96); `null` when either side has under 20 sessions (votes): not enough data to say.' },
      { names: ['flags'], text: '`unhelpful`: helpfulRate < 0.5 with >= 10 votes; `drives_contacts`: contactRate > 1.5 x siteContactRate with >= 20 sessions; `skimmed`: medianReadSeconds < 0.25 x expectedReadSeconds with >= 20 views; `no_traffic`: 0 views in the range.' },
    ],
  },
  {
    group: 'search',
    title: 'Search',
    route: '/api/reports/search',
    figures: [
      { names: ['searches'], text: '`search` events; queries are normalised (trimmed, lower-cased, runs of spaces collapsed).' },
      {
        names: ['zeroResultSearches'],
        text: 'searches with `results = 0`. `results` is the search\'s `total`: articles with every meaningful word, so a search that only found partial matches ("Missing: apple") is a zero-result search.',
      },
      { names: ['zeroResultRate'], text: `zeroResultSearches / searches. ${THIN}` },
      { names: ['clickThroughRate'], text: `searches followed by at least one \`search_click\` in the same session before the session's next search, over searches. ${THIN}` },
      { names: ['bouncedSearches'], text: 'searches with results that got no such click.' },
      { names: ['queries'], text: 'top 100 queries by searches, each with the figures above and `sessions` (sessions that searched it), `contactSessions` (of those, sessions with a `contact` after their first search of it) and `contactRate`.' },
      { names: ['contactSessions'], text: 'sessions that searched the query and then contacted support.' },
      { names: ['contactRate'], text: 'of a query: contactSessions / sessions that searched it.' },
      { names: ['zeroResultQueries'], text: 'top 100 by zero-result searches.' },
      { names: ['contactQueries'], text: 'top 100 by contactSessions: the queries that end in contact.' },
    ],
  },
  {
    group: 'gaps',
    title: 'Content gaps',
    route: '/api/reports/gaps',
    figures: [
      { names: ['gaps'], text: 'one queue, largest `size` first (ties: the kinds in the order below); each row has `kind`, `key` (query, article slug or category slug), `title`, `reason` (a sentence), `size` and its `unit`. `totals` = `{ gaps, zeroResultSearches, contactsAfterRead, tickets }`; the series has the last three per period.' },
      { names: ['zero_result_query'], text: 'a query had zero-result searches; size: those searches.' },
      { names: ['contact_query'], text: 'sessions searched the query and then contacted support; size: those sessions.' },
      { names: ['drives_contacts'], text: 'the article has the `drives_contacts` flag; size: its contactsAfterRead (sessions).' },
      { names: ['unhelpful'], text: 'the article has the `unhelpful` flag (the reason gives `helpfulLow`); size: its helpfulNo votes.' },
      { names: ['topic'], text: 'a category has >= 10 tickets and under half the views per ticket of all categories together; size: its tickets.' },
    ],
  },
  {
    group: 'tickets',
    title: 'Tickets',
    route: '/api/reports/tickets',
    figures: [
      { names: ['tickets'], text: 'tickets created (local day of `created_at`). Also per `weekdays` (Mon=1..Sun=7, local), `channels`, `types`, `tags` (tickets carrying the tag).' },
      { names: ['weekdays', 'types', 'tags'], text: 'tickets created per local weekday (Mon=1..Sun=7, `name`), per ticket type, and per tag (a ticket with two tags counts once under each), most first.' },
      { names: ['solved'], text: 'created in the period and solved (status `solved` or `closed`, any case).' },
      { names: ['firstResponseMinutes'], text: '`{ median, mean, p90 }` of first_response_at - created_at over tickets with a first response. Quantiles interpolate linearly between ranks (Excel `PERCENTILE.INC`, numpy default). With `KB_BUSINESS_HOURS`, business minutes only.' },
      { names: ['slaBreaches'], text: 'tickets whose first response took longer than `KB_SLA_FIRST_RESPONSE_MINUTES` (echoed as `totals.slaFirstResponseMinutes`), counted on the same clock.' },
      { names: ['resolutionMinutes'], text: '`{ median, mean, p90 }` of solved_at - created_at over tickets with a solved time; business minutes with `KB_BUSINESS_HOURS`.' },
      { names: ['clock'], text: '`business` when `KB_BUSINESS_HOURS` is set (e.g. `Mon-Fri 09:00-17:00` in `KB_TZ`, holidays from `KB_HOLIDAYS` excluded): first response, resolution and SLA breaches count only minutes inside those hours, as the wall clock shows them across daylight-saving changes; else `calendar`. `businessHours` echoes the setting.' },
      { names: ['repliesPerTicket'], text: 'agent replies per solved ticket, over solved tickets whose reply count is known.' },
      { names: ['firstContactResolution'], text: 'solved tickets with replies <= 1 and no reopen, over solved tickets whose reply count is known.' },
      { names: ['reopenRate'], text: `solved tickets reopened at least once, over solved tickets. ${THIN}` },
      { names: ['csat', 'csatRated'], text: 'good / rated. `good`, `4`, `5` are good; `bad`, `1`, `2`, `3` are not; anything else (e.g. offered but unanswered) is not rated.' },
      { names: ['assignees'], text: 'per assignee (every assignee with tickets created in the range, most solved first): `tickets`, `solved`, `firstResponseMinutes.median`, `resolutionMinutes.median` (on the report\'s clock), `firstContactResolution`, and `csat` / `csatRated` of its solved tickets.' },
      { names: ['channels'], text: 'per channel, most tickets first: the same figures as per assignee.' },
      { names: ['avgHandleSeconds'], text: 'mean handle_seconds over tickets that have it.' },
      { names: ['phoneQueued'], text: 'phone contacts that entered the queue (wait_seconds known).' },
      { names: ['avgWaitSeconds'], text: 'mean wait_seconds of those.' },
      { names: ['abandoned', 'abandonmentRate'], text: `of those, the ones that hung up while waiting; over phoneQueued. ${THIN}` },
      { names: ['forecast'], text: "`{ method, mape, baselineMape, days: [{ date, tickets }] }` for the 14 days after the period's last complete day (`to`, or yesterday in `KB_TZ` when the period reaches today). Method: weekday-seasonal exponential smoothing: weekday factors = mean tickets on that weekday / mean tickets per day over the last 8 weeks; the level of the deseasonalised counts is smoothed with alpha 0.3; a day's forecast = level x its weekday factor." },
      { names: ['mape'], text: "backtest error: the same method trained on the period's complete days without their last 28, forecasting those 28: mean of abs(actual - forecast) / actual over days with actual > 0, as a fraction; `null` when the period is under 56 days." },
      { names: ['baselineMape'], text: 'the same error over the same 28 days for a seasonal-naive forecast (each day = the actual count on the same weekday one week earlier), so you see whether the model earns its place; `null` when `mape` is.' },
    ],
  },
  {
    group: 'contact',
    title: 'Contact form deflection',
    route: '/api/reports/contact',
    figures: [
      { names: ['deflectorShown'], text: 'sessions with at least one `suggest_shown` event: articles were suggested while the customer typed on the contact form.' },
      { names: ['deflectorClicked'], text: 'sessions with at least one `suggest_click` event.' },
      { names: ['clickRate'], text: `deflectorClicked / deflectorShown. ${THIN}` },
      { names: ['submitted'], text: '`contact` events with `via: "form"`: each contact form the tracker saw sent, including forms on other sites that embed the tracker. Stored contact requests are only those sent through this help center\'s own form, so the two can differ.' },
      { names: ['implicitDeflections'], text: 'sessions with a `suggest_click` and no `contact` via form at or after their first `suggest_click` (as Elevio and Document360 count it).' },
      { names: ['implicitDeflectionRate'], text: `implicitDeflections / deflectorShown. ${THIN}` },
    ],
  },
  {
    group: 'dashboard',
    title: 'Dashboard figures',
    figures: [
      { names: ['articleCount'], text: 'articles listed: every article in `content/` for the locale, plus any slug seen in events in the range.' },
      { names: ['flagged'], text: 'articles with at least one flag (`unhelpful`, `drives_contacts`, `skimmed`, `no_traffic`).' },
      { names: ['contactRequests'], text: "requests customers sent through this help center's contact form, stored before the customer saw the confirmation, each with its message and the articles read in its session before it." },
      { names: ['rejected'], text: 'posts the contact form refused, per reason: `honeypot` (the hidden field was filled: a bot), `too_fast` (sent sooner after the page loaded than a person types), `bad_token` and `expired` (the form\'s one-time token was wrong or old), `rate_limited` (too many from one visitor), `cross_site` (sent from another site). Nothing of them is stored.' },
      { names: ['change'], text: 'on a KPI card: the figure against the previous period of the same length that ends the day before `from` (`compare=previous`): counts as a relative change, rates in percentage points; green when the change is good news (more views, fewer contacts), red when it is not, grey under 5% or with nothing to compare.' },
      { names: ['resultsShown'], text: 'on a query\'s page: how many results its searches showed, as the tracker reported them (`results` of the `search` event; 0 = no results), with how many searches showed each count and when the last one did.' },
      { names: ['notEnoughData'], text: 'a rate resting on under 20 sessions, views, votes or searches (its denominator) is not shown or plotted: one view with a contact is not a 100% contact rate.' },
    ],
  },
];
