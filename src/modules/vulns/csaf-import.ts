// A CSAF 2.0 advisory from a file, inside the file's transaction: a newer current_release_date replaces the stored
// advisory with all its vulnerabilities and products, the same date changes nothing, an older one is skipped.
import type { Database } from '../../db/database.js';
import { parseCsafAdvisory } from './csaf-record.js';
import * as repo from './knowledge.repository.js';
import type { Tally } from './nvd-import.js';

export async function importCsafValue(trx: Database, value: unknown, at: string, tally: Tally): Promise<void> {
  const advisory = parseCsafAdvisory(value);
  const stored = await repo.csafReleaseDate(trx, advisory.id);
  const note = (kind: 'unchanged' | 'skipped', reason: string) => {
    tally[kind]++;
    tally.reasons[reason] = (tally.reasons[reason] ?? 0) + 1;
  };
  if (stored !== undefined && stored === advisory.releaseDate) return note('unchanged', 'same_release_date');
  if (stored !== undefined && stored > advisory.releaseDate) return note('skipped', 'older_than_stored');
  await repo.replaceCsafAdvisory(trx, {
    id: advisory.id, tracking_id: advisory.trackingId, publisher: advisory.publisher, title: advisory.title, lang: advisory.lang,
    release_date: advisory.releaseDate, imported_at: at,
  }, advisory.vulnerabilities.map((v, seq) => ({
    advisory_id: advisory.id, seq, ref: v.ref, description: v.description, description_lang: v.description ? advisory.lang : null,
    cvss_score: v.cvssScore, cvss_vector: v.cvssVector, remedy: v.remedy, remedy_url: v.remedyUrl,
  })), advisory.vulnerabilities.flatMap((v, seq) => v.products.map((p) => ({
    advisory_id: advisory.id, seq, product_id: p.productId, status: p.status, cpe: p.cpe ?? null, purl: p.purl ?? null,
    version_range: p.versionRange ?? null, vendor_key: p.vendorKey, product_key: p.productKey,
  }))));
  tally[stored === undefined ? 'added' : 'updated']++;
}
