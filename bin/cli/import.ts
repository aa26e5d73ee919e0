/** `kb import <file>`: import a helpdesk export through a preset or mapping profile, with progress and a summary. */
import { hostname, userInfo } from 'node:os';
import { Command } from 'commander';
import cliProgress from 'cli-progress';
import { loadConfig } from '../../api/env.ts';
import { openStore } from '../../db/open-store.ts';
import { ImportFileError, presetNames, resolveProfile, type ImportProgress, type ImportResult } from '../../db/store.ts';
import { formatSummary } from './import-summary.ts';

export interface ImportCommandOptions {
  preset?: string;
  mapping?: string;
  map: string[];
  tz?: string;
  encoding?: string;
  source?: string;
  dryRun?: boolean;
  skipInvalid?: boolean;
  json?: boolean;
}

/** A progress bar on stderr when it is a terminal: bytes read, then rows written. */
function progressBar(): { update(p: ImportProgress): void; stop(): void } | undefined {
  if (!process.stderr.isTTY) return undefined;
  const bar = new cliProgress.SingleBar(
    { format: '{phase} |{bar}| {percentage}% {detail}', stream: process.stderr, hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  let phase = '';
  return {
    update(p) {
      const detail = p.phase === 'read' ? `${(p.done / 1e6).toFixed(1)} / ${(p.total / 1e6).toFixed(1)} MB` : `${p.done} / ${p.total} rows`;
      const label = p.phase === 'read' ? 'Reading' : 'Writing';
      if (phase !== p.phase) {
        if (phase) bar.stop();
        bar.start(p.total, p.done, { phase: label, detail });
        phase = p.phase;
      } else bar.update(p.done, { phase: label, detail });
    },
    stop: () => phase && bar.stop(),
  };
}

/** `cli:<user>@<host>`: who ran a command, for the import history. */
export function cliUser(): string {
  let user = process.env.USER ?? 'unknown';
  try {
    user = userInfo().username;
  } catch {
    // no passwd entry (some containers): keep $USER
  }
  return `cli:${user}@${hostname()}`;
}

/** Runs one import and prints its summary; returns the result (exit status is the caller's choice). */
export async function runImportCommand(file: string, opts: ImportCommandOptions): Promise<ImportResult> {
  const { profile, label } = resolveProfile({ preset: opts.preset, mapping: opts.mapping, maps: opts.map });
  const config = loadConfig();
  const store = await openStore(config);
  const bar = opts.json ? undefined : progressBar();
  try {
    const result = await store.tickets.importFile(file, {
      profile,
      profileLabel: label,
      source: opts.source,
      timeZone: opts.tz,
      encoding: opts.encoding,
      dryRun: opts.dryRun,
      skipInvalid: opts.skipInvalid,
      onProgress: bar?.update,
      ranBy: cliUser(),
      onLockWait: () => console.error('Another import is writing to this database; waiting for it to finish…'),
    });
    bar?.stop();
    console.log(opts.json ? JSON.stringify(result) : formatSummary(result));
    return result;
  } finally {
    bar?.stop();
    await store.admin.close();
  }
}

export function importCommand() {
  return new Command('import')
    .description('Import tickets from a CSV, TSV, JSON or NDJSON export (see docs/import.md).')
    .argument('<file>', 'the export to import')
    .option('--preset <name>', `a built-in profile: ${presetNames().join(', ')}`)
    .option('--mapping <file.json>', 'your own mapping profile')
    .option('--map <column=field>', 'read a ticket field from a column (repeatable)', (v: string, all: string[]) => [...all, v], [])
    .option('--tz <zone>', 'IANA time zone of times without an offset (default: the profile\'s, else UTC)')
    .option('--encoding <name>', 'the file\'s text encoding when it is not UTF-8, e.g. windows-1252 (latin1), iso-8859-15, shift_jis')
    .option('--source <name>', 'the system the tickets come from (default: the profile\'s)')
    .option('--dry-run', 'read and check everything, report what would change, write nothing')
    .option('--skip-invalid', 'import the good rows and skip bad ones (listed), instead of importing nothing')
    .option('--json', 'print the result as JSON')
    .action(async (file: string, opts: ImportCommandOptions) => {
      try {
        const result = await runImportCommand(file, opts);
        if (!result.committed && !result.dryRun) process.exitCode = 1;
        if (result.dryRun && result.errorCount && !opts.skipInvalid) process.exitCode = 1;
      } catch (err) {
        if (!(err instanceof ImportFileError) || !opts.json) throw err;
        console.log(JSON.stringify({ error: err.message, errors: err.errors }));
        process.exitCode = 1;
      }
    });
}
