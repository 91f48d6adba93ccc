// An advisory as a member reads it, in their language: the title, what happened (to whom, generalised), what to do
// now, and the indicators as a plain list with their sightings, with a hint where one touches the reader's own
// registered domains or IP ranges. One action confirms every indicator at once ("we saw these too"). The STIX
// objects stay available to analysts through the intel browser. A member sees only what a collection they can read
// holds (TAXII's rules, readableObjects): an advisory they cannot read is not found.
import { requireAccess } from '../../auth/access.js';
import type { RequestContext } from '../../auth/actor.js';
import type { Config } from '../../config.js';
import type { Database } from '../../db/database.js';
import { notFound } from '../../errors.js';
import { observablesOf } from '../correlation/extract.js';
import { indicatorStanding, sightIndicator } from '../correlation/sightings.service.js';
import { listOrgDomains, listOrgIpRanges } from '../orgs/orgs.repository.js';
import { cidrContains } from '../redaction/index.js';
import { readableObjects } from '../taxii/changes.service.js';
import { findAdvisory } from './sharing.repository.js';

type StixObject = Record<string, unknown>;
const text = (v: unknown): string => (typeof v === 'string' ? v : '');

/** A hint that an indicator touches one of the reader's organisations: a registered domain or IP range. */
interface Concern { orgId: string; kind: 'domain' | 'ip_range'; registered: string }

async function registeredOf(db: Database, ctx: RequestContext) {
  const orgIds = ctx.actor.kind === 'user' ? [...ctx.actor.orgRoles.keys()] : [];
  return Promise.all(orgIds.map(async (orgId) => ({ orgId, domains: await listOrgDomains(db, orgId), ranges: await listOrgIpRanges(db, orgId) })));
}

function concernsOf(observables: ReadonlyArray<{ type: string; value: string }>, registered: Awaited<ReturnType<typeof registeredOf>>): Concern[] {
  const out: Concern[] = [];
  for (const { type, value } of observables) {
    const host = type === 'domain' ? value : type === 'email' ? value.split('@')[1] ?? '' : type === 'url' ? hostOf(value) : '';
    for (const a of registered) {
      for (const d of a.domains) if (host && (host === d || host.endsWith(`.${d}`))) out.push({ orgId: a.orgId, kind: 'domain', registered: d });
      if (type === 'ipv4' || type === 'ipv6') for (const r of a.ranges) if (cidrContains(r, value)) out.push({ orgId: a.orgId, kind: 'ip_range', registered: r });
    }
  }
  return out;
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}

/** The English of an object where the desk wrote it (a language-content object), else the object's own words. */
function translated(object: StixObject | undefined, english: Map<string, Record<string, string>>, locale: string, field: 'name' | 'description'): string {
  if (!object) return '';
  const en = english.get(text(object.id))?.[field];
  return locale === 'en' && en ? en : text(object[field]);
}

export async function advisoryBrief(db: Database, config: Config, ctx: RequestContext, id: string) {
  requireAccess({ actor: ctx.actor, permission: 'stix.browse' });
  const advisory = await findAdvisory(db, id);
  if (!advisory) throw notFound();
  const ids = [advisory.stix_report_id, ...(JSON.parse(advisory.object_ids) as string[])];
  const readable = await readableObjects(db, config, ctx, ids);
  const report = readable.get(advisory.stix_report_id)?.value;
  if (!report || report.revoked === true) throw notFound();
  const objects = [...readable.values()].map((r) => r.value).filter((o) => o.revoked !== true);
  const english = new Map<string, Record<string, string>>();
  for (const o of objects) {
    const en = (o.contents as Record<string, Record<string, string>> | undefined)?.en;
    if (o.type === 'language-content' && en) english.set(text(o.object_ref), en);
  }
  const ofType = (type: string) => objects.filter((o) => o.type === type);
  const registered = await registeredOf(db, ctx);
  const indicators = await Promise.all(ofType('indicator').map(async (indicator) => {
    const observables = observablesOf(indicator);
    const standing = await indicatorStanding(db, config, ctx, indicator);
    return {
      id: text(indicator.id), observables, sightings: standing.sightings, concerns: concernsOf(observables, registered),
    };
  }));
  const victim = (report.x_anshin_victim ?? {}) as { sector?: string | null; size_band?: string | null; prefecture?: string | null; k?: number };
  return {
    id: advisory.id, stixReportId: advisory.stix_report_id, tlp: advisory.tlp, publishedAt: advisory.published_at,
    title: translated(report, english, ctx.locale, 'name'),
    summary: translated(report, english, ctx.locale, 'description'),
    victim: { sector: victim.sector ?? null, sizeBand: victim.size_band ?? null, prefecture: victim.prefecture ?? null, k: victim.k ?? null },
    actions: ofType('course-of-action').map((a) => translated(a, english, ctx.locale, 'description')).filter((d) => d !== ''),
    malware: ofType('malware').map((m) => text(m.name)),
    vulnerabilities: ofType('vulnerability').map((v) => text(v.name)),
    indicators,
  };
}

/**
 * "We saw these too" for every indicator of the advisory the caller can read, for one of their organisations (the
 * only one, or `orgId`); indicators already confirmed are confirmed again (their sighting's last time moves on).
 */
export async function sightAdvisory(db: Database, config: Config, ctx: RequestContext, id: string, orgId?: string) {
  const before = await advisoryBrief(db, config, ctx, id);
  for (const indicator of before.indicators) await sightIndicator(db, config, ctx, { indicatorId: indicator.id, ...(orgId ? { orgId } : {}) });
  return advisoryBrief(db, config, ctx, id);
}
