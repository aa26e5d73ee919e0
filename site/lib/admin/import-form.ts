/** The /admin/import form: turns the browser's upload into the import API's multipart request and reads its answer. */

export const PRESETS = [
  { value: 'zendesk', label: 'Zendesk Support export (CSV)' },
  { value: 'freshdesk', label: 'Freshdesk export (CSV)' },
  { value: 'servicenow', label: 'ServiceNow incident export (CSV)' },
  { value: 'generic', label: 'Generic (canonical column names)' },
] as const;

/** Text encodings offered for exports that are not UTF-8 (WHATWG labels, as TextDecoder reads them). */
export const ENCODINGS = [
  { value: 'utf-8', label: 'UTF-8 (most exports)' },
  { value: 'windows-1252', label: 'Windows-1252 / Latin-1 (older Excel, Western Europe)' },
  { value: 'iso-8859-15', label: 'ISO-8859-15 (Latin-9)' },
  { value: 'windows-1251', label: 'Windows-1251 (Cyrillic)' },
  { value: 'shift_jis', label: 'Shift_JIS (Japanese)' },
  { value: 'utf-16le', label: 'UTF-16 (Excel "Unicode text")' },
] as const;

export interface ImportRowError {
  line: number;
  column: string | null;
  value: string | null;
  reason: string;
}

export interface ImportOutcome {
  ok: boolean;
  status: number;
  dryRun: boolean;
  imported: number;
  updated: number;
  /** Rows already stored exactly so (a re-import). */
  unchanged: number;
  skipped: number;
  /** All errors found, including those not listed. */
  errorCount: number;
  errors: ImportRowError[];
  /** A sentence for the whole request (e.g. the file is empty, the profile is invalid). */
  message: string | undefined;
}

const isFile = (v: FormDataEntryValue | null): v is File => typeof v === 'object' && v !== null && v.size > 0;

/** Copies what the API takes from the browser's form; the CSRF field stays behind. Throws a sentence when no file was chosen. */
export function toApiForm(form: FormData): FormData {
  const file = form.get('file');
  if (!isFile(file)) throw new Error('Choose a file to import.');
  const out = new FormData();
  out.set('file', file, file.name);
  const mapping = form.get('mapping');
  if (isFile(mapping)) out.set('mapping', mapping, mapping.name);
  else out.set('preset', String(form.get('preset') ?? 'generic'));
  const encoding = String(form.get('encoding') ?? '').trim();
  if (encoding && encoding !== 'utf-8') out.set('encoding', encoding);
  for (const key of ['tz', 'source'] as const) {
    const v = String(form.get(key) ?? '').trim();
    if (v) out.set(key, v);
  }
  if (form.get('dryRun')) out.set('dryRun', 'true');
  if (form.get('skipInvalid')) out.set('skipInvalid', 'true');
  return out;
}

const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

function rowErrors(v: unknown): ImportRowError[] {
  if (!Array.isArray(v)) return [];
  return v.map((e: Record<string, unknown>) => ({
    line: num(e.line),
    column: typeof e.column === 'string' ? e.column : null,
    value: typeof e.value === 'string' ? e.value : e.value == null ? null : String(e.value),
    reason: typeof e.reason === 'string' ? e.reason : String(e.reason ?? ''),
  }));
}

/** Reads the API's answer: `{imported, updated, skipped, errors[]}` on success, the error envelope (with the import's `result`) otherwise. */
export function readOutcome(status: number, body: unknown, dryRun: boolean): ImportOutcome {
  const b = (body ?? {}) as Record<string, unknown>;
  const envelope = b.error as { message?: string; result?: Record<string, unknown> } | undefined;
  const details = envelope?.result ?? {};
  const errors = rowErrors(envelope ? details.errors : b.errors);
  return {
    ok: status >= 200 && status < 300,
    status,
    dryRun,
    imported: num(b.imported ?? details.imported),
    updated: num(b.updated ?? details.updated),
    unchanged: num(b.unchanged ?? details.unchanged),
    skipped: num(b.skipped ?? details.skipped),
    errorCount: Math.max(errors.length, num(b.errorCount ?? details.errorCount)),
    errors,
    message: envelope?.message,
  };
}
