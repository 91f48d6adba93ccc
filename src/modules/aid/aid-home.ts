// Mutual aid's blocks on the role home pages (dashboards' HOME_SECTIONS): a member's open help requests, the
// requests at risk for coordinators, a responder's offers, cases and response times. Each provider is called by a
// home route that has already checked the role; what it lists is decided here from the caller's own data.
import type { RequestContext } from '../../auth/actor.js';
import type { Locale } from '../../auth/roles.js';
import type { Config } from '../../config.js';
import type { Database } from '../../db/database.js';
import type { HomeSection } from '../dashboards/home-section.js';
import { ACTIVE_STATUSES } from './aid-codes.js';
import { aidLabel } from './aid-labels.js';
import { unreadPerRequest } from './aid.repository.js';
import { aidRequestsAtRisk, aidSummaryForOrg, responderHome } from './aid.service.js';

type Summary = Awaited<ReturnType<typeof aidSummaryForOrg>>['items'][number];

const SHOWN = 10;

const TITLES = {
  requests: { ja: '支援依頼', en: 'My help requests' },
  atRisk: { ja: '目標時間が危ない支援依頼', en: 'Help requests at risk' },
  profile: { ja: '支援者プロフィール', en: 'Responder profile' },
  offers: { ja: '返事を待っている打診', en: 'Offers waiting' },
  cases: { ja: '担当している案件', en: 'My cases' },
  times: { ja: '私の応答時間（中央値）', en: 'My response times (median)' },
} as const;

const TEXT = {
  ja: {
    noRequests: '依頼はありません。支援が必要なときは「被害・異常を報告する／助けを求める」から。', none: 'ありません',
    register: 'プロフィールを登録すると打診を受けられます', answer: '打診への返事', start: '受諾から対応開始',
    noTimes: 'まだありません', minutes: '{m} 分', unread: '新着 {n} 件',
  },
  en: {
    noRequests: 'No open requests. Need help? Use “Report a problem / get help”.', none: 'None',
    register: 'Register your profile to receive offers', answer: 'Answering an offer', start: 'Accepting to starting work',
    noTimes: 'none yet', minutes: '{m} min', unread: '{n} new',
  },
} as const;

function itemOf(r: Summary, locale: Locale, unread = 0): HomeSection['items'][number] {
  const risk = r.risk ? ` · ${aidLabel('risk', r.risk, locale)}` : '';
  const news = unread > 0 ? ` · ${TEXT[locale].unread.replace('{n}', String(unread))}` : '';
  return {
    label: `${aidLabel('category', r.category, locale)}（${aidLabel('urgency', r.urgency, locale)}）`,
    href: `/aid/requests/${r.id}`,
    detail: `${aidLabel('status', r.status, locale)}${risk}${news}`,
  };
}

/** A block of requests, or one line with a link when there are none. */
function listSection(
  id: string, title: HomeSection['title'], rows: readonly Summary[], locale: Locale, empty?: { label: string; href: string }, unread?: ReadonlyMap<string, number>,
): HomeSection {
  const items = rows.length > 0 || !empty ? rows.slice(0, SHOWN).map((r) => itemOf(r, locale, unread?.get(r.id))) : [empty];
  return { id, title, count: rows.length, items };
}

export async function memberAidSection(db: Database, config: Config, ctx: RequestContext, now: Date): Promise<HomeSection | null> {
  if (ctx.actor.kind !== 'user') return null;
  const perOrg = await Promise.all([...ctx.actor.orgRoles.keys()].map((orgId) => aidSummaryForOrg(db, orgId, config.aidTargets, now)));
  const rows = perOrg.flatMap((s) => s.items).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  // "Accepted" and new messages reach the member here too, not only in the notifications list.
  const unread = await unreadPerRequest(db, ctx.actor.userId);
  return listSection('aid-requests', TITLES.requests, rows, ctx.locale, { label: TEXT[ctx.locale].noRequests, href: '/reports/new' }, unread);
}

export async function coordinatorAidSection(db: Database, config: Config, ctx: RequestContext, now: Date): Promise<HomeSection> {
  const rows = await aidRequestsAtRisk(db, now, config.aidTargets);
  return listSection('aid-at-risk', TITLES.atRisk, rows, ctx.locale, { label: TEXT[ctx.locale].none, href: '/aid/desk' });
}

/** Offers waiting, my open cases, and my response times: one provider reading the responder's home once. */
export async function responderAidSections(db: Database, config: Config, ctx: RequestContext, now: Date): Promise<HomeSection[]> {
  const home = await responderHome(db, config, ctx, now);
  const t = TEXT[ctx.locale];
  if (!home.profile) return [{ id: 'aid-profile', title: TITLES.profile, items: [{ label: t.register, href: '/aid/profile' }] }];
  const minutes = (m: number | null) => (m === null ? t.noTimes : t.minutes.replace('{m}', String(m)));
  const open = home.cases.filter((c) => (ACTIVE_STATUSES as readonly string[]).includes(c.status));
  return [
    listSection('aid-offers', TITLES.offers, home.offers.map((o) => o.request), ctx.locale),
    listSection('aid-cases', TITLES.cases, open, ctx.locale),
    {
      id: 'aid-times', title: TITLES.times,
      items: [{ label: t.answer, detail: minutes(home.medianAnswerMinutes) }, { label: t.start, detail: minutes(home.medianAcknowledgeMinutes) }],
    },
  ];
}
