/**
 * The demo's tickets as helpdesks hand them over: two CSV exports imported the way `kb import --preset generic` imports
 * them, so the import history (/admin/imports) has what a lead would find there: the helpdesk's export, and the phone
 * system's call log with two broken rows skipped and named.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { resolveProfile, type ImportResult, type Store } from '../../db/store.ts';
import type { DemoTicket } from './tickets.ts';

/** Who the history says ran them. */
export const DEMO_RAN_BY = 'kb demo';

const time = (v: number | Date | null | undefined) => (v === null || v === undefined ? '' : new Date(v).toISOString());
const text = (v: string | number | boolean | null | undefined) => (v === null || v === undefined ? '' : String(v));

/** One row in the generic preset's columns (db/tickets/presets/generic.json). */
function row(t: DemoTicket): Record<string, string> {
  return {
    external_id: t.externalId,
    created_at: time(t.createdAt),
    first_response_at: time(t.firstResponseAt),
    solved_at: time(t.solvedAt),
    channel: t.channel,
    status: text(t.status),
    type: text(t.type),
    priority: text(t.priority),
    subject: text(t.subject),
    requester: text(t.requester),
    assignee: text(t.assignee),
    group: text(t.group),
    article: text(t.article),
    tags: t.tags.join(','),
    replies: text(t.replies),
    reopens: text(t.reopens),
    handle_seconds: text(t.handleSeconds),
    wait_seconds: text(t.waitSeconds),
    csat: text(t.csat),
    abandoned: text(t.abandoned),
  };
}

export interface DemoImports {
  helpdesk: ImportResult;
  calls: ImportResult;
}

/** Writes the exports to a temporary folder, imports them through the store, and removes the folder. */
export async function importDemoTickets(store: Store, tickets: readonly DemoTicket[]): Promise<DemoImports | undefined> {
  if (tickets.length === 0) return undefined;
  const dir = mkdtempSync(join(tmpdir(), 'kb-demo-exports-'));
  const { profile, label } = resolveProfile({ preset: 'generic' });
  const write = (name: string, rows: Array<Record<string, string>>) => {
    const file = join(dir, name);
    writeFileSync(file, stringify(rows, { header: true, columns: Object.keys(row(tickets[0]!)) }));
    return file;
  };
  try {
    const calls = tickets.filter((t) => t.channel === 'phone').map(row);
    // What phone systems leave in their logs: test calls without a start time. The import skips them and says so.
    const last = calls.at(-1);
    if (last) calls.push({ ...last, external_id: 'TEST-CALL-1', created_at: '' }, { ...last, external_id: 'TEST-CALL-2', created_at: '' });
    const common = { profile, profileLabel: label, ranBy: DEMO_RAN_BY, timeZone: 'UTC' };
    const helpdesk = await store.tickets.importFile(write('helpdesk-export.csv', tickets.filter((t) => t.channel !== 'phone').map(row)), { ...common, source: 'demo-helpdesk' });
    const callLog = await store.tickets.importFile(write('phone-call-log.csv', calls), { ...common, source: 'demo-phone', skipInvalid: true });
    for (const r of [helpdesk, callLog]) if (!r.committed) throw new Error(`The demo's ${r.fileName} was refused: line ${r.errors[0]?.line}: ${r.errors[0]?.reason ?? 'no reason given'}`);
    return { helpdesk, calls: callLog };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
