// A submitted report's indicators enter correlation, so coordinators see which reports and advisories
// share values. Reports are correlation sources only coordinators can see (the correlation module
// decides who sees a source). Runs after the report's own transaction: correlation is an index.
import type { Database } from '../../db/database.js';
import { indexObservables } from '../correlation/indexer.service.js';
import { detectObservable, type Observable } from '../correlation/normalise.js';
import { getOrgAsOperator } from '../orgs/orgs.service.js';
import { extractIndicators } from '../redaction/index.js';

const KEPT = new Set(['IOC_IP', 'IOC_DOMAIN', 'IOC_URL', 'IOC_EMAIL', 'IOC_HASH']);

/** The observables of a report's text (the member's own names, domains and ranges are not indicators) and of its attachments. */
export async function correlateReport(db: Database, reportId: string, orgId: string, input: { text?: string; values?: readonly string[] }): Promise<number> {
  const observables: Observable[] = [];
  if (input.text) {
    const org = await getOrgAsOperator(db, orgId);
    const found = await extractIndicators(input.text, { name: org.nameJa, aliases: [org.nameEn, ...org.aliases], domains: org.domains, cidrs: org.ipRanges });
    for (const i of found) {
      const observable = KEPT.has(i.label) ? detectObservable(i.value) : null;
      if (observable) observables.push(observable);
    }
  }
  for (const value of input.values ?? []) {
    const observable = detectObservable(value);
    if (observable) observables.push(observable);
  }
  return observables.length > 0 ? indexObservables(db, { kind: 'report', id: reportId }, observables) : 0;
}
