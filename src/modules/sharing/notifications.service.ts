// What was addressed to the caller's organisations (advisories published to them), newest first.
import { requireAccess } from '../../auth/access.js';
import type { RequestContext } from '../../auth/actor.js';
import type { Database } from '../../db/database.js';
import { listAdvisories, listNotifications } from './sharing.repository.js';

export async function listMyNotifications(db: Database, ctx: RequestContext, limit = 50) {
  const actor = requireAccess({ actor: ctx.actor, permission: 'notifications.read' });
  const rows = await listNotifications(db, [...actor.orgRoles.keys()], limit);
  return {
    items: rows.map((r) => ({
      id: r.id, orgId: r.org_id, kind: r.kind, refId: r.ref_id, stixId: r.stix_id, titleJa: r.title_ja, titleEn: r.title_en, createdAt: r.created_at,
    })),
  };
}

/** The desk's publication history, for coordinators. */
export async function listPublishedAdvisories(db: Database, ctx: RequestContext, limit = 100) {
  requireAccess({ actor: ctx.actor, permission: 'sharing.review' });
  const rows = await listAdvisories(db, limit);
  return {
    items: rows.map((r) => ({
      id: r.id, reportId: r.report_id, stixReportId: r.stix_report_id, titleJa: r.title_ja, titleEn: r.title_en, tlp: r.tlp,
      audience: (JSON.parse(r.audience) as { kind: string }).kind, k: (JSON.parse(r.victim) as { k: number }).k, publishedAt: r.published_at,
    })),
  };
}
