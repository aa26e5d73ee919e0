/** `kb <command>`: one subcommand per file in api/cli/commands/, each with its own --help. */
import { Command } from 'commander';
import { backupCommand } from './commands/backup.ts';
import { importCommand } from './commands/import.ts';
import { migrateCommand } from './commands/migrate.ts';
import { reportCommand } from './commands/report.ts';
import { tokenCommand } from './commands/token.ts';

const program = new Command('kb')
  .description('Help center with deflection analytics: import tickets, report, run the demo, manage the database.')
  .showHelpAfterError()
  .addCommand(migrateCommand())
  .addCommand(backupCommand())
  .addCommand(tokenCommand())
  .addCommand(reportCommand())
  .addCommand(importCommand());

program.parseAsync(process.argv).catch((err: unknown) => {
  console.error(`kb: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
