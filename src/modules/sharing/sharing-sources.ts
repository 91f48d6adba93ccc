// What publication needs from the other features, in one place: the report under review with its
// organisation's profile, the redaction detector, and the STIX store's transactional write.
import type { RequestContext } from '../../auth/actor.js';
import type { Database } from '../../db/database.js';
import { notFound } from '../../errors.js';
import type { IncidentCategory } from '../../vocabulary/incident-categories.js';
import type { OrgProfile, SensitiveLabel } from '../redaction/index.js';
import { getReportForRedaction } from '../reports/reports.service.js';
import { peopleOfOrg } from '../users/memberships.service.js';
import { rememberedValues } from './redaction-memory.service.js';

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
    // Its users' and contacts' names and addresses, and the values coordinators taught the detector for it.
    readonly people: readonly string[];
    readonly emails: readonly string[];
    readonly remembered: ReadonlyArray<{ readonly value: string; readonly label: SensitiveLabel }>;
    readonly profile: { readonly sector: string; readonly sizeBand: string; readonly prefecture: string };
  };
}

/** The submitted report (its current version) and the reporting organisation; not found for drafts or when not allowed. */
export async function loadReport(db: Database, ctx: RequestContext, reportId: string): Promise<ReportForSharing> {
  const report = await getReportForRedaction(db, ctx, reportId);
  if (report.version < 1) throw notFound();
  const { org } = report;
  const members = await peopleOfOrg(db, org.id);
  return {
    id: report.reportId, orgId: org.id, state: report.state, version: report.version, text: report.text, publishedAt: report.publishedAt,
    nameConsent: report.answers.sharing?.nameConsent === 'yes', category: report.answers.category,
    org: {
      names: [org.nameJa, org.nameEn, ...org.aliases], domains: org.domains, cidrs: org.cidrs,
      people: [...members.names, ...org.contacts.map((c) => c.name)],
      emails: [...members.emails, ...org.contacts.flatMap((c) => (c.email ? [c.email] : []))],
      remembered: await rememberedValues(db, org.id),
      profile: { sector: org.sector, sizeBand: org.sizeBand, prefecture: org.prefecture },
    },
  };
}

export const detectorProfile = (report: ReportForSharing): OrgProfile => ({
  name: report.org.names[0] ?? '', aliases: report.org.names.slice(1), domains: report.org.domains, cidrs: report.org.cidrs,
  people: report.org.people, emails: report.org.emails, remembered: report.org.remembered,
});
