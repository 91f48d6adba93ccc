// OSV records from a file holding one record or a list of them (the per-record JSON files of an OSV export; the
// ecosystem zip archives need unpacking first). Inside the file's transaction: a record newer than the stored one
// replaces it, the same "modified" changes nothing, an older one is skipped.
import type { Database } from '../../db/database.js';
import { FeedFormatError } from './feed-format.js';
import * as repo from './knowledge.repository.js';
import type { Tally } from './nvd-import.js';
import { osvPackageKeys, parseOsvRecord } from './osv-record.js';

export async function importOsvValue(trx: Database, value: unknown, at: string, tally: Tally): Promise<void> {
  const records = Array.isArray(value) ? value.map((v, i) => parseOsvRecord(v, `$[${i}]`)) : [parseOsvRecord(value, '$')];
  const seen = new Set<string>();
  for (const record of records) {
    if (seen.has(record.id)) throw new FeedFormatError('$', `${record.id} appears twice`);
    seen.add(record.id);
    const stored = await repo.osvModified(trx, record.id);
    if (stored !== undefined && stored === record.modified) {
      tally.unchanged++;
      tally.reasons.same_last_modified = (tally.reasons.same_last_modified ?? 0) + 1;
      continue;
    }
    if (stored !== undefined && stored > record.modified) {
      tally.skipped++;
      tally.reasons.older_than_stored = (tally.reasons.older_than_stored ?? 0) + 1;
      continue;
    }
    await repo.replaceOsvRecord(trx, {
      id: record.id, modified: record.modified, published: record.published, withdrawn: record.withdrawn, cve_id: record.cveId,
      aliases: JSON.stringify(record.aliases), summary: record.summary, details: record.details, severity_vector: record.severityVector,
      affected: JSON.stringify(record.affected), imported_at: at,
    }, osvPackageKeys(record).map((k) => ({ osv_id: record.id, ecosystem: k.ecosystem, name_key: k.nameKey })));
    tally[stored === undefined ? 'added' : 'updated']++;
  }
}
