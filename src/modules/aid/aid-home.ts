// Mutual aid's blocks on the role home pages (dashboards' HOME_SECTIONS): a member's open help requests, the
// requests at risk for coordinators, a responder's offers, cases and response times. Each provider is called by a
// home route that has already checked the role; what it lists is decided here from the caller's own data.
import type { RequestContext } from '../../auth/actor.js';
import type { Config } from '../../config.js';
import type { Database } from '../../db/database.js';
import type { HomeSection } from '../dashboards/home.service.js';
import { aidLabel } from './aid-labels.js';
import { aidRequestsAtRisk, aidSummaryForOrg, responderHome } from './aid.service.js';

type Summary = Awaited<ReturnType<typeof aidSummaryForOrg>>['items'][number];

const SHOWN = 10;

function itemOf(r: Summary, locale: RequestContext['locale']): HomeSection['items'][number] {
  const risk = r.risk ? ` · ${aidLabel('risk', r.risk, locale)}` : '';
  return {
    label: `${aidLabel('category', r.category, locale)}（${aidLabel('urgency', r.urgency, locale)}）`,
    href: `/aid/requests/${r.id}`,
    detail: `${aidLabel('status', r.status, locale)}${risk}`,
  };
}

export async function memberAidSection(db: Database, config: Config, ctx: RequestContext, now: Date): Promise<HomeSection | null> {
  if (ctx.actor.kind !== 'user') return null;
  const perOrg = await Promise.all([...ctx.actor.orgRoles.keys()].map((orgId) => aidSummaryForOrg(db, orgId, config.aidTargets, now)));
  const items = perOrg.flatMap((s) => s.items).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return {
    id: 'aid-requests', title: { ja: '支援依頼', en: 'My help requests' }, count: items.length,
    items: items.length > 0 ? items.slice(0, SHOWN).map((r) => itemOf(r, ctx.locale)) : [{ label: ctx.locale === 'ja' ? '依頼はありません。支援が必要なときは「支援を依頼する」から。' : 'No open requests. Ask for help from “Request help”.', href: '/aid/new' }],
  };
}

export async function coordinatorAidSection(db: Database, config: Config, ctx: RequestContext, now: Date): Promise<HomeSection> {
  const atRisk = await aidRequestsAtRisk(db, now, config.aidTargets);
  return {
    id: 'aid-at-risk', title: { ja: '目標時間が危ない支援依頼', en: 'Help requests at risk' }, count: atRisk.length,
    items: atRisk.length > 0 ? atRisk.slice(0, SHOWN).map((r) => itemOf(r, ctx.locale)) : [{ label: ctx.locale === 'ja' ? 'ありません' : 'None', href: '/aid/desk' }],
  };
}

/** Offers waiting, my cases, and my response times: one provider reading the responder's home once. */
export async function responderAidSections(db: Database, config: Config, ctx: RequestContext, now: Date): Promise<HomeSection[]> {
  const home = await responderHome(db, config, ctx, now);
  const ja = ctx.locale === 'ja';
  if (!home.profile) {
    return [{ id: 'aid-profile', title: { ja: '支援者プロフィール', en: 'Responder profile' }, items: [{ label: ja ? 'プロフィールを登録すると打診を受けられます' : 'Register your profile to receive offers', href: '/aid/profile' }] }];
  }
  const minutes = (m: number | null) => (m === null ? (ja ? 'まだありません' : 'none yet') : ja ? `${m} 分` : `${m} min`);
  return [
    { id: 'aid-offers', title: { ja: '返事を待っている打診', en: 'Offers waiting' }, count: home.offers.length, items: home.offers.slice(0, SHOWN).map((o) => itemOf(o.request, ctx.locale)) },
    { id: 'aid-cases', title: { ja: '担当している案件', en: 'My cases' }, count: home.cases.length, items: home.cases.filter((c) => !['closed', 'cancelled'].includes(c.status)).slice(0, SHOWN).map((c) => itemOf(c, ctx.locale)) },
    {
      id: 'aid-times', title: { ja: '私の応答時間（中央値）', en: 'My response times (median)' },
      items: [
        { label: ja ? '打診への返事' : 'Answering an offer', detail: minutes(home.medianAnswerMinutes) },
        { label: ja ? '受諾から対応開始' : 'Accepting to starting work', detail: minutes(home.medianAcknowledgeMinutes) },
      ],
    },
  ];
}
