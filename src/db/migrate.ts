import { Migrator, type Kysely, type Migration, type MigrationResultSet } from 'kysely';
import * as foundation from './migrations/2026-11-23-0001-foundation.js';
import * as stixStore from './migrations/2026-11-23-0002-stix-store.js';
import * as taxiiEntriesCompact from './migrations/2026-12-02-0001-taxii-entries-compact.js';
import * as ledger from './migrations/2026-12-02-0002-ledger.js';
import * as reports from './migrations/2026-12-02-0003-reports.js';
import * as correlation from './migrations/2026-12-02-0004-correlation.js';
import * as sharing from './migrations/2026-12-02-0005-sharing.js';
import * as aid from './migrations/2026-12-02-0006-aid.js';
import * as dashboards from './migrations/2026-12-02-0008-dashboards.js';
import * as directory from './migrations/2026-12-02-0009-directory.js';
import * as stixIds from './migrations/2026-12-02-0010-stix-ids.js';
import * as incidentCategories from './migrations/2026-12-07-0011-incident-categories.js';
import * as publicationIsAnEvent from './migrations/2026-12-07-0015-publication-is-an-event.js';
import * as ledgerCosignatures from './migrations/2026-12-07-0016-ledger-cosignatures.js';
import * as correlationCurrent from './migrations/2026-12-07-0017-correlation-current.js';
import * as identityOwners from './migrations/2026-12-07-0018-identity-owners.js';
import * as redactionMemory from './migrations/2026-12-07-0019-redaction-memory.js';
import * as vulnKnowledge from './migrations/2026-12-07-0020-vuln-knowledge.js';
import * as assets from './migrations/2026-12-07-0021-assets.js';
import * as vulnFindings from './migrations/2026-12-07-0022-vuln-findings.js';
import * as vulnOsv from './migrations/2026-12-07-0023-vuln-osv.js';
import * as vulnCsaf from './migrations/2026-12-07-0024-vuln-csaf.js';

// Migrations are listed here (not discovered on disk) so the compiled build and the tests see the same set.
// Kysely runs them in name order; they are listed in that order too.
const MIGRATIONS: Record<string, Migration> = {
  '2026-11-23-0001-foundation': foundation,
  '2026-11-23-0002-stix-store': stixStore,
  '2026-12-02-0001-taxii-entries-compact': taxiiEntriesCompact,
  '2026-12-02-0002-ledger': ledger,
  '2026-12-02-0003-reports': reports,
  '2026-12-02-0004-correlation': correlation,
  '2026-12-02-0005-sharing': sharing,
  '2026-12-02-0006-aid': aid,
  '2026-12-02-0008-dashboards': dashboards,
  '2026-12-02-0009-directory': directory,
  '2026-12-02-0010-stix-ids': stixIds,
  '2026-12-07-0011-incident-categories': incidentCategories,
  '2026-12-07-0015-publication-is-an-event': publicationIsAnEvent,
  '2026-12-07-0016-ledger-cosignatures': ledgerCosignatures,
  '2026-12-07-0017-correlation-current': correlationCurrent,
  '2026-12-07-0018-identity-owners': identityOwners,
  '2026-12-07-0019-redaction-memory': redactionMemory,
  '2026-12-07-0020-vuln-knowledge': vulnKnowledge,
  '2026-12-07-0021-assets': assets,
  '2026-12-07-0022-vuln-findings': vulnFindings,
  '2026-12-07-0023-vuln-osv': vulnOsv,
  '2026-12-07-0024-vuln-csaf': vulnCsaf,
};

function migrator(db: Kysely<any>): Migrator {
  return new Migrator({
    db,
    provider: { getMigrations: async () => MIGRATIONS },
    migrationTableName: 'anshin_migrations',
    migrationLockTableName: 'anshin_migrations_lock',
  });
}

function check(result: MigrationResultSet): string[] {
  if (result.error) throw result.error instanceof Error ? result.error : new Error(String(result.error));
  return (result.results ?? []).map((r) => `${r.direction} ${r.migrationName}: ${r.status}`);
}

export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  return check(await migrator(db).migrateToLatest());
}

/** Up or down to exactly the named migration (tests of a migration's data conversion). */
export async function migrateTo(db: Kysely<any>, name: string): Promise<string[]> {
  return check(await migrator(db).migrateTo(name));
}

export async function migrateDownAll(db: Kysely<any>): Promise<string[]> {
  const lines: string[] = [];
  const m = migrator(db);
  for (;;) {
    const result = await m.migrateDown();
    const step = check(result);
    if (step.length === 0) return lines;
    lines.push(...step);
  }
}

export const MIGRATION_NAMES = Object.keys(MIGRATIONS);
