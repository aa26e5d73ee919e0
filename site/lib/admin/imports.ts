/** Words for the import history. */

/** "from the command line (ann@build-1)", "on this dashboard", "through the API (admin token)". */
export function ranByLabel(ranBy: string | null): string {
  if (!ranBy) return 'run before this was recorded';
  if (ranBy.startsWith('cli:')) return `from the command line (${ranBy.slice(4)})`;
  if (ranBy === 'dashboard') return 'uploaded on this dashboard';
  if (ranBy === 'api') return 'through the API (admin token)';
  return ranBy;
}
