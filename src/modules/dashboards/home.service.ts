// Each role's home page: what needs attention first. Lists are read through the features that own
// them (reports, sharing, correlation); only the aggregates and the visit marker are the dashboards' own.
import { can, requireAccess } from '../../auth/access.js';
import type { RequestContext, UserActor } from '../../auth/actor.js';
import type { Config } from '../../config.js';
import type { Database } from '../../db/database.js';
import { notFound } from '../../errors.js';
import { coordinatorAidSection, memberAidSection, responderAidSections } from '../aid/aid-home.js';
import { helpForReports } from '../aid/aid.service.js';
import { listCampaignCandidates, listOverCorrelated } from '../correlation/correlation.service.js';
import { listOpenReportsOf } from '../reports/open-reports.service.js';
import { listReports } from '../reports/reports.service.js';
import { listMyNotifications, listPublishedAdvisories } from '../sharing/notifications.service.js';
import { findVisit, saveVisit, sightingsOf, stixNames, undecidedRedactions } from './dashboards.repository.js';
import type { HomeRole, HomeSection, HomeSectionProvider } from './home-section.js';
import { listPublicAdvisories } from './public.service.js';
import { memberVulnSection } from '../vulns/vulns-home.js';


/** The blocks other features add to each home page: mutual aid (issue 5), vulnerabilities of the assets (issue 20). */
export const HOME_SECTIONS: Record<HomeRole, HomeSectionProvider[]> = {
  member: [memberAidSection, memberVulnSection],
  coordinator: [coordinatorAidSection],
  responder: [responderAidSections],
};

async function sectionsOf(role: HomeRole, db: Database, config: Config, ctx: RequestContext, now: Date): Promise<HomeSection[]> {
  const found = await Promise.all(HOME_SECTIONS[role].map((provide) => provide(db, config, ctx, now)));
  return found.flatMap((s) => (s === null ? [] : Array.isArray(s) ? s : [s]));
}

// A visit starts after this long without one: reloading the page keeps showing the same "new" items.
export const VISIT_GAP_MS = 30 * 60_000;

/** Records this visit; returns when the previous visit began (null on the first). */
export async function markVisit(db: Database, actor: UserActor, now: Date): Promise<string | null> {
  const seen = await findVisit(db, actor.userId);
  const at = now.toISOString();
  if (seen && now.getTime() - Date.parse(seen.last_visit_at) < VISIT_GAP_MS) {
    await saveVisit(db, { user_id: actor.userId, last_visit_at: at, previous_visit_at: seen.previous_visit_at });
    return seen.previous_visit_at;
  }
  await saveVisit(db, { user_id: actor.userId, last_visit_at: at, previous_visit_at: seen?.last_visit_at ?? null });
  return seen?.last_visit_at ?? null;
}

function memberOrgs(ctx: RequestContext): { actor: UserActor; orgIds: string[] } {
  const actor = requireAccess({ actor: ctx.actor, permission: 'dashboard.member', ids: ctx.actor.kind === 'user' ? [...ctx.actor.orgRoles.keys()] : [] });
  const orgIds = [...actor.orgRoles.keys()];
  if (orgIds.length === 0) throw notFound();
  return { actor, orgIds };
}

export async function memberSightings(db: Database, orgIds: readonly string[], limit: number, range?: { from: string; to: string }) {
  const rows = await sightingsOf(db, orgIds, limit, range);
  const names = await stixNames(db, rows.map((r) => r.indicator_id));
  return rows.map((r) => ({
    indicatorId: r.indicator_id, name: names.get(r.indicator_id) ?? null, orgId: r.org_id, count: Number(r.count), lastSeen: r.last_seen, updatedAt: r.updated_at,
  }));
}

export async function memberHome(db: Database, config: Config, ctx: RequestContext, now = new Date()) {
  const { actor, orgIds } = memberOrgs(ctx);
  const since = await markVisit(db, actor, now);
  const [reports, notes, sightings, sections] = await Promise.all([
    listOpenReportsOf(db, ctx, config, orgIds, now), listMyNotifications(db, ctx, 20), memberSightings(db, orgIds, 20), sectionsOf('member', db, config, ctx, now),
  ]);
  const advisories = notes.items.map((n) => ({ ...n, isNew: since === null || n.createdAt > since }));
  // Each open case with the help asked from it: a case stays here until it is closed, whatever was published from it.
  const help = await helpForReports(db, actor.userId, reports.items.map((r) => r.id));
  return {
    since, openReports: reports.items.map((r) => ({ ...r, help: help.get(r.id) ?? null })), drafts: reports.drafts,
    advisories: { newCount: advisories.filter((a) => a.isNew).length, items: advisories.slice(0, 10) },
    sightings, sections,
  };
}

const TRIAGE_SCAN = 500;

export async function coordinatorHome(db: Database, config: Config, ctx: RequestContext, now = new Date()) {
  requireAccess({ actor: ctx.actor, permission: 'dashboard.coordinator' });
  const [queue, triage, working, campaigns, over, published, sections] = await Promise.all([
    listReports(db, ctx, config, { state: 'submitted', limit: TRIAGE_SCAN }, now),
    listReports(db, ctx, config, { state: 'triage', limit: 100 }, now),
    listReports(db, ctx, config, { state: 'in_progress', limit: 100 }, now),
    listCampaignCandidates(db, config, ctx), listOverCorrelated(db, config, ctx),
    listPublishedAdvisories(db, ctx, 100), sectionsOf('coordinator', db, config, ctx, now),
  ]);
  const waiting = [...queue.items].sort((a, b) => (a.sla?.dueAt ?? '').localeCompare(b.sla?.dueAt ?? ''));
  const reviewing = [...triage.items, ...working.items];
  const undecided = await undecidedRedactions(db, reviewing.map((r) => r.id));
  const monthAgo = new Date(now.getTime() - 30 * 86_400_000).toISOString();
  const recent = published.items.filter((a) => a.publishedAt >= monthAgo);
  return {
    slaHours: config.reportFirstResponseSlaHours,
    triage: {
      count: queue.items.length, complete: queue.items.length < TRIAGE_SCAN,
      overdue: waiting.filter((r) => r.sla?.overdue).length,
      items: waiting.slice(0, 10).map((r) => ({ id: r.id, orgName: r.orgName, category: r.category, submittedAt: r.submittedAt, sla: r.sla })),
    },
    reviews: {
      count: reviewing.length,
      items: reviewing.slice(0, 10).map((r) => ({ id: r.id, orgName: r.orgName, state: r.state, category: r.category, undecided: undecided.get(r.id) ?? 0, updatedAt: r.updatedAt })),
    },
    campaigns: { count: campaigns.items.length, complete: campaigns.complete, items: campaigns.items.slice(0, 5).map((c) => ({ size: c.size, valueCount: c.valueCount, values: c.values.slice(0, 3) })) },
    overCorrelated: { count: over.items.length, maxLinks: over.maxLinks, items: over.items.slice(0, 5) },
    publications: {
      last30Days: recent.length,
      byTlp: Object.fromEntries([...new Set(recent.map((a) => a.tlp))].map((tlp) => [tlp, recent.filter((a) => a.tlp === tlp).length])) as Record<string, number>,
      items: published.items.slice(0, 5).map((a) => ({ id: a.id, stixReportId: a.stixReportId, titleJa: a.titleJa, titleEn: a.titleEn, tlp: a.tlp, audience: a.audience, publishedAt: a.publishedAt })),
    },
    sections,
  };
}

/** Responders today: the community's latest advisories; mutual aid adds their cases and offers as sections. */
export async function responderHome(db: Database, config: Config, ctx: RequestContext, now = new Date()) {
  const actor = requireAccess({ actor: ctx.actor, permission: 'dashboard.responder' });
  const [advisories, sections] = await Promise.all([listPublicAdvisories(db, 10, can(actor, 'stix.community.read') ? 'community' : 'public'), sectionsOf('responder', db, config, ctx, now)]);
  return { advisories, sections };
}
