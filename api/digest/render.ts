/** The digest as an e-mail: a subject, plain text and HTML with the same figures, each linking to the dashboard. */
import type { GapRow, OverviewFigures } from '../../db/shared/reports.ts';
import type { DigestData } from './collect.ts';

export interface DigestMessage {
  subject: string;
  text: string;
  html: string;
}

const int = new Intl.NumberFormat('en', { maximumFractionDigits: 0 });
const one = new Intl.NumberFormat('en', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const money = new Intl.NumberFormat('en', { maximumFractionDigits: 2 });
const pct = (v: number | null) => (v === null ? 'n/a' : `${one.format(v * 100)}%`);
const day = (d: string) => new Date(`${d}T00:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

type Kind = 'count' | 'ratio' | 'rate' | 'money';
interface Line {
  label: string;
  pick: (f: OverviewFigures) => number | null;
  kind: Kind;
  /** True when a rise is good news. */
  upIsGood: boolean;
}

const LINES: Line[] = [
  { label: 'Page views', pick: (f) => f.views, kind: 'count', upIsGood: true },
  { label: 'Visitors', pick: (f) => f.visitors, kind: 'count', upIsGood: true },
  { label: 'Searches', pick: (f) => f.searches, kind: 'count', upIsGood: true },
  { label: 'Contact clicks', pick: (f) => f.contacts, kind: 'count', upIsGood: false },
  { label: 'Contacts after read', pick: (f) => f.contactsAfterRead, kind: 'count', upIsGood: false },
  { label: 'Tickets created', pick: (f) => f.tickets, kind: 'count', upIsGood: false },
  { label: 'Views per ticket', pick: (f) => f.viewsPerTicket, kind: 'ratio', upIsGood: true },
  { label: 'Self-service rate', pick: (f) => f.selfServiceRate, kind: 'rate', upIsGood: true },
  { label: 'Tickets avoided (estimate)', pick: (f) => f.ticketsAvoided, kind: 'count', upIsGood: true },
];

function show(v: number | null, kind: Kind): string {
  if (v === null) return 'n/a';
  if (kind === 'rate') return pct(v);
  if (kind === 'ratio') return one.format(v);
  if (kind === 'money') return money.format(v);
  return int.format(v);
}

/** "+12%", "−3.0 pt", or "" when there is nothing to compare. */
function change(now: number | null, before: number | null, kind: Kind): string {
  if (now === null || before === null) return '';
  if (kind === 'rate') {
    const d = (now - before) * 100;
    return `${d > 0 ? '+' : d < 0 ? '−' : '±'}${one.format(Math.abs(d))} pt`;
  }
  if (before === 0) return now === 0 ? '±0%' : 'new';
  const r = Math.round(((now - before) / before) * 100);
  return `${r > 0 ? '+' : r < 0 ? '−' : '±'}${Math.abs(r)}%`;
}

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** Renders a digest; `siteUrl` (KB_SITE_URL) makes every link absolute. */
export function renderDigest(d: DigestData, siteUrl: string): DigestMessage {
  const base = siteUrl.replace(/\/+$/, '');
  const range = new URLSearchParams({ from: d.period.from, to: d.period.to }).toString();
  const link = (path: string, extra: Record<string, string> = {}) => `${base}${path}?${new URLSearchParams({ ...Object.fromEntries(new URLSearchParams(range)), ...extra })}`;
  const overview = link('/admin');
  const gapLink = (g: GapRow) =>
    g.kind === 'zero_result_query' || g.kind === 'contact_query' ? link('/admin/search/query', { q: g.key })
    : g.kind === 'topic' ? `${overview}#topics`
    : link(`/admin/articles/${encodeURIComponent(g.key)}`);
  const { totals, previous } = d.overview;
  const lines = [...LINES];
  if (d.costPerTicket !== null) lines.push({ label: `Cost avoided (estimate, ${money.format(d.costPerTicket)} a ticket)`, pick: (f) => f.costAvoided, kind: 'money', upIsGood: true });
  const rows = lines.map((l) => {
    const now = l.pick(totals);
    const before = l.pick(previous);
    return { ...l, now: show(now, l.kind), before: show(before, l.kind), change: change(now, before, l.kind), good: now === null || before === null || now === before ? undefined : (now > before) === l.upIsGood };
  });
  const week = `${day(d.period.from)} – ${day(d.period.to)}`;
  const views = rows[0]!;
  const tickets = rows[5]!;
  const subject = `Help center, week of ${day(d.period.from)}: ${views.now} views (${views.change || 'n/a'}), ${tickets.now} tickets (${tickets.change || 'n/a'})`;

  const text: string[] = [
    `Your help center, ${week}`,
    `Against the week before (${day(d.period.previous.from)} – ${day(d.period.previous.to)}).`,
    '',
    ...rows.map((r) => `${r.label}: ${r.now} (week before ${r.before}${r.change ? `, ${r.change}` : ''})`),
    `Dashboard: ${overview}`,
    'Tickets avoided counts sessions that read an article and did not contact support: an estimate, not a count of tickets.',
    '',
    'Articles with the most contacts after reading',
    ...(d.articles.length === 0 ? ['  none this week'] : d.articles.map((a, i) => `  ${i + 1}. ${a.title}: ${int.format(a.contactsAfterRead)} contacts after read of ${int.format(a.sessions)} sessions (${pct(a.contactRate)}) ${link(`/admin/articles/${encodeURIComponent(a.slug)}`)}`)),
    '',
    'Top searches with no results',
    ...(d.zeroResultQueries.length === 0 ? ['  none this week'] : d.zeroResultQueries.map((q, i) => `  ${i + 1}. "${q.query}": ${int.format(q.zeroResultSearches)} searches found nothing ${link('/admin/search/query', { q: q.query })}`)),
    '',
    'Biggest content gaps',
    ...(d.gaps.length === 0 ? ['  none this week'] : d.gaps.map((g, i) => `  ${i + 1}. ${g.title}: ${int.format(g.size)} ${g.unit}. ${g.reason} ${gapLink(g)}`)),
    '',
    `Definitions of every figure: ${base}/admin/definitions`,
  ];

  const cell = 'padding:4px 10px;border-bottom:1px solid #e2e5ea;';
  const a = (href: string, label: string) => `<a href="${esc(href)}" style="color:#3b5bdb;text-decoration:none">${esc(label)}</a>`;
  const list = (items: string[]) => (items.length === 0 ? '<p style="color:#5b6472">None this week.</p>' : `<ol>${items.map((i) => `<li style="margin:4px 0">${i}</li>`).join('')}</ol>`);
  const html = `<!doctype html><html lang="en"><body style="font:14px/1.5 system-ui,sans-serif;color:#1b1f24;max-width:640px">
<h1 style="font-size:18px">Your help center, ${esc(week)}</h1>
<p style="color:#5b6472">Against the week before (${esc(day(d.period.previous.from))} – ${esc(day(d.period.previous.to))}).</p>
<table style="border-collapse:collapse"><thead><tr><th style="${cell}text-align:left">Figure</th><th style="${cell}text-align:right">This week</th><th style="${cell}text-align:right">Week before</th><th style="${cell}text-align:right">Change</th></tr></thead><tbody>
${rows.map((r) => `<tr><td style="${cell}">${esc(r.label)}</td><td style="${cell}text-align:right">${a(overview, r.now)}</td><td style="${cell}text-align:right">${esc(r.before)}</td><td style="${cell}text-align:right;color:${r.good === undefined ? '#5b6472' : r.good ? '#21703a' : '#c92a2a'}">${esc(r.change)}</td></tr>`).join('\n')}
</tbody></table>
<p style="color:#5b6472">Tickets avoided counts sessions that read an article and did not contact support: an estimate, not a count of tickets.</p>
<h2 style="font-size:16px">Articles with the most contacts after reading</h2>
${list(d.articles.map((x) => `${a(link(`/admin/articles/${encodeURIComponent(x.slug)}`), x.title)}: ${esc(int.format(x.contactsAfterRead))} contacts after read of ${esc(int.format(x.sessions))} sessions (${esc(pct(x.contactRate))})`))}
<h2 style="font-size:16px">Top searches with no results</h2>
${list(d.zeroResultQueries.map((q) => `${a(link('/admin/search/query', { q: q.query }), `“${q.query}”`)}: ${esc(int.format(q.zeroResultSearches))} searches found nothing`))}
<h2 style="font-size:16px">Biggest content gaps</h2>
${list(d.gaps.map((g) => `${a(gapLink(g), g.title)}: ${esc(int.format(g.size))} ${esc(g.unit)}. ${esc(g.reason)}`))}
<p>${a(overview, 'Open the dashboard')} · ${a(`${base}/admin/definitions`, 'Definitions of every figure')}</p>
</body></html>`;
  return { subject, text: text.join('\n'), html };
}
