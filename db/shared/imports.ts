/** One finished ticket import as the history keeps it (imports table): what the import page and GET /api/tickets/imports show. */

export interface ImportRecord {
  id: number;
  source: string;
  /** The file's name as the user gave it (no folders for uploads). */
  fileName: string;
  /** `preset zendesk`, or the mapping file used. */
  profile: string;
  /**
   * `running` while it writes; `ok`: rows were stored; `failed`: refused or bad rows, nothing stored; `interrupted`:
   * its process died while writing and what it wrote was undone.
   */
  status: 'running' | 'ok' | 'failed' | 'interrupted';
  rows: number;
  imported: number;
  updated: number;
  unchanged: number;
  skipped: number;
  errors: number;
  /** The first problems; null when there were none. */
  errorSample: Array<{ line: number | null; column: string | null; value: string | null; reason: string }> | null;
  /** `cli:<user>@<host>`, `dashboard` or `api`; null for imports from before this was kept. */
  ranBy: string | null;
  /** Epoch milliseconds (UTC). */
  startedAt: number;
  finishedAt: number;
}
