import { buildApp } from '../app.js';
import { ensureSetupLink } from '../auth/links.service.js';
import type { Config } from '../config.js';
import { connectDatabase } from '../db/connect.js';
import { migrateToLatest } from '../db/migrate.js';
import { seedDemo } from '../demo/demo.js';
import { startIndexer } from '../modules/correlation/indexer.service.js';
import { startBackgroundJobs } from './background-jobs.js';
import { print } from './support.js';

export async function serve(config: Config, options: { demo: boolean }): Promise<void> {
  const db = connectDatabase(config.databaseUrl);
  await migrateToLatest(db);
  const app = await buildApp({ config, db });
  if (options.demo) {
    const demo = await seedDemo(db, { config });
    if (demo) {
      print('\nDemo community created. Sign in at ' + config.baseUrl + ' with (passwords are random, shown once):');
      for (const c of demo.credentials) print(`  ${c.role.padEnd(22)} ${c.email.padEnd(34)} ${c.password}`);
      print(`\nTAXII 2.1 at ${config.baseUrl}/taxii2/ — HTTP Basic with the e-mail address and this API token (read,write; shown once):`);
      for (const t of demo.taxiiTokens) print(`  ${t.role.padEnd(22)} ${t.email.padEnd(34)} ${t.token}`);
      const first = demo.taxiiTokens[0];
      if (first) print(`  e.g. curl -u '${first.email}:${first.token}' -H 'Accept: application/taxii+json;version=2.1' ${config.baseUrl}/taxii2/community/collections/`);
      print();
    } else {
      print('The database already has users: the demo was not added.');
    }
  }
  await app.listen({ port: config.port, host: config.host });
  // Correlation indexes what enters the STIX store beside ingest, following the store by a cursor.
  const indexer = startIndexer(db, { log: app.log, intervalMs: config.correlationIndexIntervalMs });
  const setupUrl = await ensureSetupLink(db, { config });
  if (setupUrl) print(`\nFirst start: create the first administrator with this one-time link:\n  ${setupUrl}\n`);
  print(`Anshin is running at ${config.baseUrl} (database: ${config.databaseUrl.startsWith('sqlite:') ? config.databaseUrl : 'PostgreSQL'})`);

  const jobs = startBackgroundJobs(db, config, app.log);

  const stop = async () => {
    jobs.stop();
    await app.close();
    await indexer.stop();
    await db.destroy();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
