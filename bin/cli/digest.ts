/** `kb digest`: e-mails the last complete week's figures against the week before, now (SPEC 7.5). */
import { fileURLToPath } from 'node:url';
import { Command, Option } from 'commander';
import { loadConfig } from '../../api/env.ts';
import { loadCatalog } from '../../api/content/read-catalog.ts';
import { collectDigest } from '../../api/digest/collect.ts';
import { sendDigest } from '../../api/digest/mailer.ts';
import { DIGEST_PERIODS, lastCompleteWeek } from '../../api/digest/period.ts';
import { renderDigest } from '../../api/digest/render.ts';
import { openStore } from '../../db/open-store.ts';

const contentDir = fileURLToPath(new URL('../../content', import.meta.url));

export function digestCommand() {
  return new Command('digest')
    .description('E-mail the digest now: last week against the week before, the articles that send most people to support, searches with no results, the biggest gaps (KB_SMTP_URL).')
    .option('--to <address...>', 'who gets it (default: KB_DIGEST_TO)')
    .addOption(new Option('--period <period>', 'which period: the last complete week').choices([...DIGEST_PERIODS]).default('week'))
    .option('--print', 'print the plain-text digest instead of sending it (no SMTP needed)')
    .action(async (opts: { to?: string[]; period: string; print?: boolean }) => {
      const to = (opts.to ?? []).flatMap((a) => a.split(',')).map((a) => a.trim()).filter(Boolean);
      // --to is read as KB_DIGEST_TO would be, so a bad address is refused with the same sentence.
      const config = loadConfig(to.length > 0 ? { ...process.env, KB_DIGEST_TO: to.join(',') } : process.env);
      if (!opts.print && config.digestTo.length === 0) throw new Error('say who gets it: --to <address> or KB_DIGEST_TO');
      if (!opts.print && !config.smtpUrl) throw new Error('KB_SMTP_URL is not set: the digest is sent by e-mail (or use --print)');
      const period = lastCompleteWeek(config.timeZone);
      const store = await openStore(config);
      try {
        await store.admin.ensureRollups();
        const message = renderDigest(await collectDigest(store, config, await loadCatalog(contentDir), period), config.siteUrl);
        if (opts.print) {
          process.stdout.write(`Subject: ${message.subject}\n\n${message.text}\n`);
          return;
        }
        await sendDigest({ smtpUrl: config.smtpUrl!, from: config.contactTo ?? config.digestTo[0]!, to: config.digestTo, period: period.id }, message);
        console.log(`Sent the digest for ${period.from} – ${period.to} to ${config.digestTo.join(', ')}.`);
      } finally {
        await store.admin.close();
      }
    });
}
