// CLI entry: anshin serve | migrate | admin | org | user | token | stix | ledger
// CLI entry: anshin serve | migrate | admin | org | user | token | stix | redact
import { Command, Option } from 'commander';
import { registerAdminCommands } from './cli/admin.commands.js';
import { registerDemoCommands } from './cli/demo.commands.js';
import { registerFeedsCommands } from './cli/feeds.commands.js';
import { registerLedgerCommands } from './cli/ledger.commands.js';
import { registerOrgCommands } from './cli/org.commands.js';
import { registerStixCommands } from './cli/stix.commands.js';
import { registerRedactCommands } from './cli/redact.commands.js';
import { serve } from './cli/serve.js';
import { configOrExit, print, withDatabase } from './cli/support.js';
import { migrateDownAll, migrateToLatest } from './db/migrate.js';

const program = new Command()
  .name('anshin')
  .description('Anshin (安心): incident sharing and mutual aid for a community of organisations.\nConfiguration comes from environment variables; see the README.')
  .showHelpAfterError();

program
  .command('serve')
  .description('start the web UI and the API (migrates the database first)')
  .option('--demo', 'fill an empty database with a demo community and print its sign-ins')
  .action(async (options: { demo?: boolean }) => serve(configOrExit(), { demo: options.demo === true }));

program
  .command('migrate')
  .description('bring the database schema up to date')
  .addOption(new Option('--down', 'undo every migration (drops all data)'))
  .action(async (options: { down?: boolean }) =>
    withDatabase(async (db) => {
      const lines = options.down ? await migrateDownAll(db) : await migrateToLatest(db);
      print(lines.length > 0 ? lines.join('\n') : 'nothing to do');
    }, { migrate: false }),
  );

registerAdminCommands(program);
registerOrgCommands(program);
registerStixCommands(program);
registerLedgerCommands(program);
registerRedactCommands(program);
registerDemoCommands(program);
registerFeedsCommands(program);

program.parseAsync(process.argv).catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`anshin: ${message}\n`);
  process.exit(1);
});
