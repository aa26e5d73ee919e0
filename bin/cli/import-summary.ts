/** The text summary `kb import` prints: counts, time and the listed errors. */
import type { ImportResult } from '../../db/store.ts';

const n = (v: number) => v.toLocaleString('en-US');

export function formatSummary(r: ImportResult): string {
  const lines: string[] = [];
  const title = r.dryRun ? 'Dry run (nothing written)' : r.committed ? 'Imported' : 'Nothing imported';
  lines.push(`${title}: ${r.fileName} as source "${r.source}"`);
  const rows: Array<[string, number]> = [
    ['rows read', r.rows],
    [r.dryRun ? 'would import' : 'imported', r.imported],
    [r.dryRun ? 'would update' : 'updated', r.updated],
    ['unchanged', r.unchanged],
    ['skipped', r.skipped],
    ['errors', r.errorCount],
  ];
  for (const [k, v] of rows) lines.push(`  ${k.padEnd(13)} ${n(v).padStart(12)}`);
  lines.push(`  ${'time'.padEnd(13)} ${`${(r.durationMs / 1000).toFixed(1)} s`.padStart(12)}`);
  if (r.errors.length) {
    lines.push('', r.committed || r.dryRun ? 'Problems:' : 'The file has bad rows, so nothing was imported (use --skip-invalid to import the rest):');
    for (const e of r.errors) {
      const where = [`line ${e.line}`, e.column && `column "${e.column}"`, e.value !== null && `value "${e.value}"`].filter(Boolean);
      lines.push(`  ${where.join(', ')}: ${e.reason}`);
    }
    if (r.errorCount > r.errors.length) lines.push(`  … and ${n(r.errorCount - r.errors.length)} more errors`);
  }
  return lines.join('\n');
}
