/** `kb <command>`: one subcommand per file in bin/cli/, each with its own --help. */
import '../drizzle-resolve.ts'; // first: the commands are imported after it (see there)
import { Command } from 'commander';

// Only the command being run is loaded: a big import then carries no report, demo or server code in memory.
const COMMANDS: Record<string, () => Promise<Command>> = {
  migrate: async () => (await import('./migrate.ts')).migrateCommand(),
  backup: async () => (await import('./backup.ts')).backupCommand(),
  token: async () => (await import('./token.ts')).tokenCommand(),
  demo: async () => (await import('./demo.ts')).demoCommand(),
  import: async () => (await import('./import.ts')).importCommand(),
  report: async () => (await import('./report.ts')).reportCommand(),
  digest: async () => (await import('./digest.ts')).digestCommand(),
  copy: async () => (await import('./copy.ts')).copyCommand(),
};

async function main() {
  const program = new Command('kb')
    .description('Help center with deflection analytics: import tickets, report, run the demo, manage the database.')
    .showHelpAfterError();
  const named = process.argv[2];
  const wanted = named && named in COMMANDS ? [named] : Object.keys(COMMANDS);
  for (const name of wanted) program.addCommand(await COMMANDS[name]!());
  await program.parseAsync(process.argv);
}

main().catch((err: unknown) => {
  console.error(`kb: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
