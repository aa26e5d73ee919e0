/** Words for the import history. */

/** "from the command line (ann@build-1)", "on this dashboard", "through the API (admin token)". */
export function ranByLabel(ranBy: string | null): string {
  if (!ranBy) return 'run before this was recorded';
  if (ranBy.startsWith('cli:')) return `from the command line (${ranBy.slice(4)})`;
  if (ranBy === 'dashboard') return 'uploaded on this dashboard';
  if (ranBy === 'api') return 'through the API (admin token)';
  return ranBy;
}

/** The history's word for an import's status, and whether it reads as good news. */
export function statusLabel(status: 'running' | 'ok' | 'failed' | 'interrupted'): { text: string; good: boolean } {
  switch (status) {
    case 'ok':
      return { text: 'imported', good: true };
    case 'running':
      return { text: 'writing now', good: true };
    case 'interrupted':
      return { text: 'interrupted, undone', good: false };
    default:
      return { text: 'refused', good: false };
  }
}
