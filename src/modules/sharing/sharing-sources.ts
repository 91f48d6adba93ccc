// What publication needs from the other features, in one place: the report under review with its
// organisation's profile, the redaction detector, and the STIX store's transactional write.
import type { RequestContext } from '../../auth/actor.js';
import type { Database } from '../../db/database.js';
import { notFound } from '../../errors.js';
import type { IncidentCategory } from '../../vocabulary/incident-categories.js';
import { getReportForRedaction } from '../reports/reports.service.js';

export interface ReportForSharing {
  readonly id: string;
  readonly orgId: string;
  readonly state: string;
  readonly version: number;
  readonly text: string;
  readonly publishedAt: string | null;
  /** The reporting organisation said yes to being named in advisories. */
  readonly nameConsent: boolean;
  readonly category: IncidentCategory;
  readonly org: {
    readonly names: readonly string[]; // Japanese and English names and aliases
    readonly domains: readonly string[];
    readonly cidrs: readonly string[];
    readonly profile: { readonly sector: string; readonly sizeBand: string; readonly prefecture: string };
  };
}

/** The submitted report (its current version) and the reporting organisation; not found for drafts or when not allowed. */
export async function loadReport(db: Database, ctx: RequestContext, reportId: string): Promise<ReportForSharing> {
  const report = await getReportForRedaction(db, ctx, reportId);
  if (report.version < 1) throw notFound();
  const { org } = report;
  return {
    id: report.reportId, orgId: org.id, state: report.state, version: report.version, text: report.text, publishedAt: report.publishedAt,
    nameConsent: report.answers.sharing?.nameConsent === 'yes', category: report.answers.category,
    org: {
      names: [org.nameJa, org.nameEn, ...org.aliases], domains: org.domains, cidrs: org.cidrs,
      profile: { sector: org.sector, sizeBand: org.sizeBand, prefecture: org.prefecture },
    },
  };
}

export const detectorProfile = (report: ReportForSharing) => ({
  name: report.org.names[0] ?? '', aliases: report.org.names.slice(1), domains: [...report.org.domains], cidrs: [...report.org.cidrs],
});
