// What publication needs from the other features, in one place: the report under review with its
// organisation's profile, the redaction detector, and the STIX store's transactional write.
import type { RequestContext } from '../../auth/actor.js';
import type { Database } from '../../db/database.js';
import { notFound } from '../../errors.js';
import { getOrgAsOperator } from '../orgs/orgs.service.js';
import { getReportForSharing } from '../reports/reports.service.js';

export interface ReportForSharing {
  readonly id: string;
  readonly orgId: string;
  readonly state: string;
  readonly version: number;
  readonly text: string;
  readonly publishedAt: string | null;
  readonly org: {
    readonly names: readonly string[]; // Japanese and English names and aliases
    readonly domains: readonly string[];
    readonly cidrs: readonly string[];
    readonly profile: { readonly sector: string; readonly sizeBand: string; readonly prefecture: string };
  };
}

/** The submitted report (its current version) and the reporting organisation; not found for drafts. */
export async function loadReport(db: Database, reportId: string): Promise<ReportForSharing> {
  const report = await getReportForSharing(db, reportId);
  if (!report || report.version < 1) throw notFound();
  const org = await getOrgAsOperator(db, report.orgId);
  return {
    id: report.id, orgId: report.orgId, state: report.state, version: report.version, text: report.text, publishedAt: report.publishedAt,
    org: {
      names: [org.nameJa, org.nameEn, ...org.aliases], domains: org.domains, cidrs: org.ipRanges,
      profile: { sector: org.sector, sizeBand: org.sizeBand, prefecture: org.prefecture },
    },
  };
}

export const detectorProfile = (report: ReportForSharing) => ({
  name: report.org.names[0] ?? '', aliases: report.org.names.slice(1), domains: [...report.org.domains], cidrs: [...report.org.cidrs],
});

export type { RequestContext };
