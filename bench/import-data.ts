/** Writes a Zendesk-format CSV export of N generated tickets (full export header) for the import benchmark. */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

const HEADER = [
  'Summation column', 'Id', 'Requester', 'Requester id', 'Requester external id', 'Requester email', 'Requester domain',
  'Submitter', 'Assignee', 'Group', 'Subject', 'Tags', 'Status', 'Priority', 'Via', 'Ticket type', 'Created at', 'Updated at',
  'Assigned at', 'Organization', 'Due date', 'Initially assigned at', 'Solved at', 'Resolution time', 'Satisfaction Score',
  'Group stations', 'Assignee stations', 'Reopens', 'Replies',
  'First reply time in minutes', 'First reply time in minutes within business hours',
  'First resolution time in minutes', 'First resolution time in minutes within business hours',
  'Full resolution time in minutes', 'Full resolution time in minutes within business hours',
  'Agent wait time in minutes', 'Agent wait time in minutes within business hours',
  'Requester wait time in minutes', 'Requester wait time in minutes within business hours',
  'On hold time in minutes', 'On hold time in minutes within business hours', 'Ticket Category [list]',
];
const VIA = ['Mail', 'Web form', 'Chat', 'Phone call (incoming)', 'API', 'Twitter'];
const STATUS = ['Solved', 'Closed', 'Open', 'Pending'];
const SUBJECTS = ['Cannot log in after password reset', 'Refund for order, not received', 'App crashes on start', 'Invoice "copy" needed', 'Change delivery address'];
const TAGS = ['billing', 'login', 'refund', 'android', 'ios', 'vip', 'shipping', 'bug'];
const SAT = ['Good', 'Bad', 'Offered', 'Unoffered', ''];
const q = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
const pad = (n: number) => String(n).padStart(2, '0');
const stamp = (ms: number) => {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
};

export async function writeZendeskCsv(file: string, rows: number): Promise<void> {
  const out = createWriteStream(file);
  out.write(`${HEADER.map(q).join(',')}\n`);
  const start = Date.UTC(2024, 0, 1);
  let chunk = '';
  for (let i = 1; i <= rows; i++) {
    const created = start + i * 31_000;
    const first = (i * 7) % 600;
    const full = first + ((i * 13) % 3000);
    const solved = i % 4 < 2;
    const cells = [
      '1', String(i), `Customer ${i % 50_000}`, String(900_000 + (i % 50_000)), '', `customer${i % 50_000}@example.com`, 'example.com',
      'Agent', `Agent ${i % 40}`, `Group ${i % 6}`, SUBJECTS[i % 5]!, `${TAGS[i % 8]} ${TAGS[(i + 3) % 8]}`, STATUS[i % 4]!,
      'Normal', VIA[i % 6]!, 'Question', stamp(created), stamp(created + full * 60_000), stamp(created + 60_000), 'Acme', '',
      stamp(created + 60_000), solved ? stamp(created + full * 60_000) : '', solved ? String(full) : '', SAT[i % 5]!, '1', '1',
      String(i % 7 === 0 ? 1 : 0), String(i % 6), String(first), String(first), String(full), String(full), String(full),
      String(full), '10', '10', '20', '20', '0', '0', 'General',
    ];
    chunk += `${cells.map(q).join(',')}\n`;
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.write(chunk);
  out.end();
  await once(out, 'finish');
}
