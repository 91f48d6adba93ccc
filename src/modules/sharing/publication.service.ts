// Publishing an advisory from a reviewed report: composed under the desk's identity, the victim's
// profile generalised to k, checked for leaks, then placed in the audience's collections, the report
// marked published, the audience notified and the decision logged, all in one transaction.
import { randomUUID } from 'node:crypto';
import { BlockList, isIPv4 } from 'node:net';
import { requireAccess } from '../../auth/access.js';
import type { RequestContext } from '../../auth/actor.js';
import type { Config } from '../../config.js';
import type { Database } from '../../db/database.js';
import { AppError, notFound } from '../../errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { appendLedgerEvents } from '../ledger/ledger.service.js';
import type { OrgSummary } from '../orgs/org-model.js';
import { listOrgsAsOperator } from '../orgs/orgs.service.js';
import { namesOfPerson, readingFunction } from '../redaction/index.js';
import { markReportPublished } from '../reports/reports.service.js';
import { findAudienceCollections } from '../taxii/collections.service.js';
import { activeGroupMemberIds } from '../taxii/sharing-groups.service.js';
import { addObjectsWithin, lockStore } from '../taxii/store.service.js';
import { cleanAdvisoryInput, type AdvisoryInput } from './advisory-input.js';
import { composeAdvisory } from './advisory-stix.js';
import { checkAudience, collectionAudiences, isPublishable, type AdvisoryAudience } from './audience.js';
import type { TlpLevel } from '../stix/tlp.js';
import { deskIdentity } from './desk-identity.js';
import { generaliseVictim, type Generalisation } from './k-anonymity.js';
import { findLeaks, stringsOf, type Forbidden, type ReadingOf } from './leak-check.js';
import { leakFields } from './leak-fields.js';
import { acceptedOf, proposalsOf } from './redaction-review.service.js';
import { loadReport, type ReportForSharing } from './sharing-sources.js';
import { findAdvisoryOfReport, insertAdvisory, insertNotifications } from './sharing.repository.js';
import type { ReportRedactionRow } from './sharing.table.js';

export type PublishInput = Omit<AdvisoryInput, 'tlp'> & { tlp: TlpLevel; audience: AdvisoryAudience; nameVictim?: boolean | undefined };
type SharingConfig = Pick<Config, 'anonymityK' | 'defaultTlp' | 'deskName'>;

/** The victim's profile as it would be published, among every active member organisation. */
export async function victimGeneralisation(db: Database, config: SharingConfig, report: ReportForSharing, members?: readonly OrgSummary[]): Promise<Generalisation> {
  const items = members ?? (await listOrgsAsOperator(db, { status: 'active' })).items;
  return generaliseVictim(report.org.profile, items.map((o) => ({ sector: o.sector, sizeBand: o.sizeBand, prefecture: o.prefecture })), config.anonymityK);
}

// Who is notified: everyone for public and community advisories, the group's or the chosen organisations otherwise.
async function audienceOrgIds(db: Database, audience: AdvisoryAudience, members: readonly OrgSummary[]): Promise<string[]> {
  const active = members.map((o) => o.id);
  if (audience.kind === 'public' || audience.kind === 'community') return active;
  if (audience.kind === 'group') {
    const members = await activeGroupMemberIds(db, audience.groupId);
    if (!members) throw notFound();
    return members;
  }
  const known = new Set(active);
  if (audience.orgIds.some((id) => !known.has(id))) throw notFound();
  return [...audience.orgIds];
}

async function audienceCollections(db: Database, audience: AdvisoryAudience): Promise<string[]> {
  const ids: string[] = [];
  for (const kind of collectionAudiences(audience)) {
    const target = kind === 'group' && audience.kind === 'group' ? { audience: kind, groupId: audience.groupId }
      : kind === 'feed' && audience.kind === 'orgs' ? { audience: kind, orgIds: audience.orgIds }
        : { audience: kind as 'public' | 'community' };
    ids.push(...(await findAudienceCollections(db, target)).map((c) => c.id));
  }
  if (ids.length === 0) throw notFound();
  return ids;
}

// With the victim's consent to be named, its names and domains may appear; its people and hosts never may: what was
// redacted, its users' and contacts' names and addresses, and the values coordinators taught the detector for it. A
// text the coordinator decided to keep (a rejected proposal) is not forbidden for being one of those.
function forbiddenOf(report: ReportForSharing, rows: readonly ReportRedactionRow[], named: boolean): Forbidden[] {
  const identity = new Set(['VICTIM_ORG', 'VICTIM_DOMAIN']);
  const kept = new Set(rows.filter((r) => r.decision === 'rejected').map((r) => report.text.slice(r.start_offset, r.end_offset).trim()));
  return [
    ...acceptedOf(rows).filter((r) => !(named && identity.has(r.label))).map((r) => ({ text: report.text.slice(r.start, r.end), reason: r.label })),
    // A person's name and the words of it that can be a name: people are named by surname or given name alone.
    ...report.org.people.flatMap(namesOfPerson).map((text) => ({ text, reason: 'PERSON' })),
    ...report.org.emails.map((text) => ({ text, reason: 'EMAIL' })),
    ...report.org.remembered.map((r) => ({ text: r.value, reason: r.label })),
    ...(named ? [] : [
      ...report.org.names.map((text) => ({ text, reason: 'VICTIM_ORG' })),
      ...report.org.domains.map((text) => ({ text, reason: 'VICTIM_DOMAIN' })),
    ]),
  ].filter((f) => !kept.has(f.text.trim()));
}

function victimAddressLeaks(report: ReportForSharing, input: AdvisoryInput): string[] {
  const ranges = new BlockList();
  for (const cidr of report.org.cidrs) {
    const [net, bits] = cidr.split('/');
    if (net && bits) ranges.addSubnet(net, Number(bits), isIPv4(net) ? 'ipv4' : 'ipv6');
  }
  return input.indicators
    .filter((i) => (i.kind === 'ipv4' || i.kind === 'ipv6') && ranges.check(i.value, i.kind))
    .map((i) => i.value);
}

function refuseLeaks(report: ReportForSharing, input: AdvisoryInput, objects: ReadonlyArray<Record<string, unknown>>, rows: readonly ReportRedactionRow[], named: boolean, readingOf: ReadingOf): void {
  const leaks = findLeaks(stringsOf(objects), forbiddenOf(report, rows, named), readingOf);
  const addresses = victimAddressLeaks(report, input);
  if (leaks.length === 0 && addresses.length === 0) return;
  const reasons = [...new Set([...leaks.map((l) => l.reason), ...(addresses.length > 0 ? ['VICTIM_IP'] : [])])];
  const places = [...new Set([...leaks.map((l) => l.where), ...addresses.map(() => 'indicators')])];
  const where = places.slice(0, 5);
  // `where` are paths into the STIX objects; `fields` name the form fields, for the UI to say in its language.
  throw new AppError('publication_leak', { reasons: reasons.join(', '), where: where.join(', ') }, { reasons, where, fields: leakFields(objects, places) });
}

export async function publishAdvisory(db: Database, config: SharingConfig, ctx: RequestContext, reportId: string, raw: PublishInput) {
  const actor = requireAccess({ actor: ctx.actor, permission: 'sharing.publish' });
  const report = await loadReport(db, ctx, reportId);
  if (report.publishedAt || (await findAdvisoryOfReport(db, report.id))) throw new AppError('already_published');
  if (!['triage', 'in_progress'].includes(report.state)) throw new AppError('invalid_state_transition', { from: report.state, to: 'published' });
  const rows = await proposalsOf(db, report);
  const undecided = rows.filter((r) => r.decision === null).length;
  if (undecided > 0) throw new AppError('review_incomplete', { count: undecided });
  const audience = checkAudience(raw.tlp, raw.audience);
  const { tlp } = raw;
  if (!isPublishable(tlp)) throw new AppError('tlp_red_not_publishable');
  const named = raw.nameVictim === true;
  if (named && !report.nameConsent) throw new AppError('victim_consent_missing');
  const input = cleanAdvisoryInput({ ...raw, tlp });
  // The active members, read once: the population the victim hides among and the widest audience.
  const { items: members } = await listOrgsAsOperator(db, { status: 'active' });
  const [orgIds, collectionIds, victim, desk] = [
    await audienceOrgIds(db, audience, members), await audienceCollections(db, audience), await victimGeneralisation(db, config, report, members),
    await deskIdentity(db, config),
  ];
  const now = new Date().toISOString();
  const victimName = named ? { ja: report.org.names[0] ?? '', en: report.org.names[1] ?? '' } : undefined;
  const objects = composeAdvisory({ ...input, category: report.category, victim: { profile: victim.profile, k: victim.k, ...(victimName ? { name: victimName } : {}) } }, {
    deskIdentityId: desk.id, now, newId: (type) => `${type}--${randomUUID()}`,
  });
  refuseLeaks(report, input, objects, rows, named, await readingFunction());
  const advisoryId = randomUUID();
  const stixReport = objects[0] as { id: string };
  await db.transaction().execute(async (trx) => {
    await lockStore(trx);
    const store = { request: ctx, defaultTlp: config.defaultTlp };
    for (const collectionId of collectionIds) {
      const { status } = await addObjectsWithin(trx, store, collectionId, [desk, ...objects]);
      if (status.failure_count > 0) throw new AppError('unprocessable', { detail: status.failures?.map((f) => f.message).join('; ') ?? '' });
    }
    await insertAdvisory(trx, {
      id: advisoryId, report_id: report.id, stix_report_id: stixReport.id, title_ja: input.title.ja, title_en: input.title.en, tlp: input.tlp,
      audience: JSON.stringify(audience), victim: JSON.stringify(victim), object_ids: JSON.stringify(objects.map((o) => o.id)),
      published_by: actor.userId, published_at: now,
    });
    await markReportPublished(trx, ctx, report.id, stixReport.id);
    await insertNotifications(trx, orgIds.map((orgId) => ({
      id: randomUUID(), org_id: orgId, kind: 'advisory_published', ref_id: advisoryId, stix_id: stixReport.id,
      title_ja: input.title.ja, title_en: input.title.en, created_at: now,
    })));
    await appendLedgerEvents(trx, collectionIds.map((collection) => ({
      type: 'publication' as const, actor: actor.userId, org: report.orgId, collection, audience: audience.kind, approvedBy: actor.userId,
      objects: objects.map((o) => ({ id: o.id, version: typeof o.modified === 'string' ? o.modified : now, tlp: input.tlp })),
    })), now);
    await recordAudit(trx, ctx, {
      action: 'advisory.published', orgId: report.orgId, targetType: 'report', targetId: report.id,
      details: { advisoryId, stixReportId: stixReport.id, tlp: input.tlp, audience: audience.kind, objects: objects.length, notified: orgIds.length, k: victim.k },
    });
  });
  return { id: advisoryId, stixReportId: stixReport.id, objectCount: objects.length, notifiedOrgs: orgIds.length, victim, publishedAt: now };
}
