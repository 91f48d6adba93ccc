// What the coordinator starts an advisory from: the report text with accepted redactions replaced by
// tokens, the indicators found in it, and how the victim's profile would be published.
import { isIPv4 } from 'node:net';
import { requireAccess } from '../../auth/access.js';
import type { RequestContext } from '../../auth/actor.js';
import type { Config } from '../../config.js';
import type { Database } from '../../db/database.js';
import { applyRedactions, extractIndicators } from '../redaction/index.js';
import type { IndicatorKind } from './advisory-limits.js';
import { cleanIndicatorValue } from './advisory-input.js';
import { victimGeneralisation } from './publication.service.js';
import { acceptedOf, proposalsOf } from './redaction-review.service.js';
import { detectorProfile, loadReport } from './sharing-sources.js';
import { findAdvisoryOfReport } from './sharing.repository.js';

const HASH_KINDS: Record<number, IndicatorKind> = { 32: 'md5', 40: 'sha1', 64: 'sha256', 128: 'sha512' };

function kindOf(label: string, value: string): IndicatorKind | undefined {
  switch (label) {
    case 'IOC_IP': return isIPv4(value) ? 'ipv4' : 'ipv6';
    case 'IOC_DOMAIN': return 'domain';
    case 'IOC_URL': return 'url';
    case 'IOC_EMAIL': return 'email';
    case 'IOC_HASH': return HASH_KINDS[value.length];
    default: return undefined;
  }
}

export async function getAdvisoryDraft(db: Database, config: Pick<Config, 'anonymityK' | 'defaultTlp' | 'deskName'>, ctx: RequestContext, reportId: string) {
  requireAccess({ actor: ctx.actor, permission: 'sharing.review' });
  const report = await loadReport(db, ctx, reportId);
  const rows = await proposalsOf(db, report);
  const found = await extractIndicators(report.text, detectorProfile(report));
  const indicators = new Map<string, { kind: IndicatorKind; value: string }>();
  for (const i of found) {
    const kind = kindOf(i.label, i.value);
    const value = kind ? cleanIndicatorValue(kind, i.value) : null;
    if (kind && value) indicators.set(`${kind} ${value}`, { kind, value });
  }
  const unique = (label: string) => [...new Set(found.filter((i) => i.label === label).map((i) => i.value))];
  const advisory = await findAdvisoryOfReport(db, report.id);
  return {
    reportId: report.id,
    version: report.version,
    redactedText: applyRedactions(report.text, acceptedOf(rows)).text,
    undecided: rows.filter((r) => r.decision === null).length,
    indicators: [...indicators.values()],
    malware: unique('MALWARE'),
    vulnerabilities: unique('CVE').map((v) => v.toUpperCase()),
    victim: { ...(await victimGeneralisation(db, config, report)), threshold: config.anonymityK },
    nameConsent: report.nameConsent,
    published: advisory ? { id: advisory.id, stixReportId: advisory.stix_report_id, publishedAt: advisory.published_at } : null,
  };
}
