/** Shared bits of the import tests: where the fixtures and real data are, running an import, reading tickets back. */
import { fileURLToPath } from 'node:url';
import type { Db } from '../../db/sqlite/client.ts';
import { loadPreset, loadProfileFile } from '../../db/tickets/profiles.ts';
import type { ImportOptions, ImportResult } from '../../db/tickets/run-import.ts';
import { importFile } from '../../db/tickets/sqlite-import.ts';

export const FIXTURES = fileURLToPath(new URL('../fixtures/import/', import.meta.url));
export const REAL = fileURLToPath(new URL('../../../shared/data/real/', import.meta.url));
export const CALLCENTER_PROFILE = fileURLToPath(new URL('../../docs/profiles/callcenter.json', import.meta.url));

/** Imports a file with a preset name or a profile file path. */
export function importWith(db: Db, file: string, profile: string, opts: Partial<ImportOptions> = {}): Promise<ImportResult> {
  const isFile = profile.endsWith('.json');
  return importFile(db, file, {
    profile: isFile ? loadProfileFile(profile) : loadPreset(profile),
    profileLabel: isFile ? profile : `preset ${profile}`,
    ...opts,
  });
}

export interface StoredTicket {
  id: number;
  source: string;
  external_id: string;
  created_at: number;
  first_response_at: number | null;
  solved_at: number | null;
  status: string | null;
  channel: string;
  type: string | null;
  priority: string | null;
  subject: string | null;
  requester: string | null;
  assignee: string | null;
  group: string | null;
  replies: number | null;
  reopens: number | null;
  csat: string | null;
  handle_seconds: number | null;
  wait_seconds: number | null;
  abandoned: number | null;
  article: string | null;
  tags: string[];
}

/** Every stored ticket of a source by external id, with its tags. */
export function ticketsOf(db: Db, source: string): Map<string, StoredTicket> {
  const rows = db.$client
    .prepare(
      `SELECT t.*, (SELECT json_group_array(tag) FROM (SELECT tag FROM ticket_tags WHERE ticket_id = t.id ORDER BY tag)) AS tags_json
       FROM tickets t WHERE source = ?`,
    )
    .all(source) as Array<StoredTicket & { tags_json: string }>;
  return new Map(rows.map((r) => [r.external_id, { ...r, tags: JSON.parse(r.tags_json) as string[] }]));
}

export const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export function count(db: Db, sql: string, ...params: unknown[]): number {
  return (db.$client.prepare(sql).pluck().get(...params) as number | null) ?? 0;
}
