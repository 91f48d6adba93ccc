// anshin feeds import FILE…: the vulnerability knowledge base from files (NVD CVE API 2.0 JSON, CISA KEV JSON,
// FIRST EPSS CSV, endoflife.date product JSON, OSV JSON records, CSAF 2.0 advisories; gzip or not). Each file is all
// or nothing; the others go on. Afterwards every organisation's assets are matched again.
import type { Command } from 'commander';
import { createMailer } from '../modules/mail/mail.service.js';
import { importFeedFileAsOperator, type FeedImportResult } from '../modules/vulns/feeds-import.service.js';
import { matchAllAsOperator, matchChangedAsOperator } from '../modules/vulns/matcher.service.js';
import { print, withDatabase } from './support.js';

const REASONS: Record<string, string> = {
  same_last_modified: 'same lastModified as stored',
  same_content: 'same content as stored',
  same_release_date: 'same release date as stored',
  same_score: 'same score and date as stored',
  older_than_stored: 'older than the stored version',
  duplicate_in_file: 'listed again in the same file',
};

export function describeResult(r: FeedImportResult): string[] {
  if (r.outcome === 'rejected') return [`${r.file}: rejected (${r.kind}), nothing stored: ${r.message}`];
  const why = Object.entries(r.reasons).map(([reason, n]) => `  ${n} ${REASONS[reason] ?? reason}`);
  return [`${r.file}: ${r.kind}: ${r.added} added, ${r.updated} updated, ${r.unchanged} unchanged, ${r.skipped} skipped`, ...why];
}

export function registerFeedsCommands(program: Command): void {
  const feeds = program.command('feeds').description('the vulnerability knowledge base: CVEs, KEV, EPSS, end-of-life dates');
  feeds
    .command('import')
    .description('load feed files (kind detected from the content; .gz is read as gzip); each file is stored whole or not at all')
    .argument('<files...>', 'NVD CVE API 2.0 JSON, CISA KEV JSON, FIRST EPSS CSV, endoflife.date product JSON, OSV JSON (a record or a list; not zip), CSAF 2.0 JSON')
    .option('--product <name>', 'endoflife.date: the product of the file (default: the file name, "windows.json" → windows)')
    .action(async (files: string[], options: { product?: string }) =>
      withDatabase(async (db, config) => {
        let rejected = 0;
        const since = new Date().toISOString();
        const kinds = new Set<string>();
        for (const file of files) {
          const result = await importFeedFileAsOperator(db, file, { product: options.product });
          if (result.outcome === 'rejected') rejected++;
          else kinds.add(result.kind);
          for (const line of describeResult(result)) print(line);
        }
        // Assets are matched again: after NVD and KEV files only those the changed CVEs can concern; after any other
        // feed every organisation's. A finding closed by a member re-opens only when its match changed, so a re-run
        // is harmless.
        const mailer = createMailer(config.smtpUrl, config.mailFrom, { warn: (_obj, msg) => process.stderr.write(`${msg}\n`) });
        const scoped = [...kinds].every((kind) => kind === 'nvd' || kind === 'kev');
        const run = scoped ? await matchChangedAsOperator(db, { config, mailer }, since) : await matchAllAsOperator(db, { config, mailer });
        print(`matched ${run.assets} assets of ${run.organisations} organisations: ${run.added} new findings, ${run.reopened} re-opened, ${run.closed} no longer found, ${run.newKev} newly exploited (KEV, members mailed)`);
        if (rejected > 0) process.exitCode = 1;
      }),
    );
}
