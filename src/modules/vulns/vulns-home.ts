// The member home's block (dashboards' HOME_SECTIONS): the organisation's most urgent open findings in plain words,
// exploited ones (KEV) first, or a nudge to register assets when there are none. Called by the member home route,
// which has already checked the role; what it lists comes from the caller's own organisations.
import type { RequestContext } from '../../auth/actor.js';
import type { Locale } from '../../auth/roles.js';
import type { Config } from '../../config.js';
import type { Database } from '../../db/database.js';
import { fill } from '../../i18n/messages.js';
import type { HomeSection } from '../dashboards/home-section.js';
import { countAssetsOf } from './assets.repository.js';
import { type FindingView, topOpenFindings } from './findings.service.js';

const SHOWN = 5;
const TITLE = { ja: '機器・ソフトウェアの脆弱性とサポート終了', en: 'Vulnerabilities and end of support in your assets' };

const TEXT = {
  ja: {
    exploited: '【攻撃に悪用されています】{asset}: {cve}',
    vuln: '{asset}: {cve}（深刻度 {score}）',
    vulnNoScore: '{asset}: {cve}',
    eolPassed: '{asset}: サポートが終了しています（{date}）',
    eolSoon: '{asset}: まもなくサポートが終了します（{date}）',
    update: '{fixed} 以降に更新してください',
    move: 'サポート中の版（{fixed}）への移行を検討してください',
    vendor: 'ベンダーの案内を確認してください',
    none: '対応が必要な脆弱性は見つかっていません',
    register: '機器・ソフトウェアを登録すると、脆弱性やサポート終了をお知らせします',
  },
  en: {
    exploited: '[Exploited in attacks] {asset}: {cve}',
    vuln: '{asset}: {cve} (severity {score})',
    vulnNoScore: '{asset}: {cve}',
    eolPassed: '{asset}: no longer supported ({date})',
    eolSoon: '{asset}: support ends soon ({date})',
    update: 'Update to {fixed} or later',
    move: 'Plan a move to a supported release ({fixed})',
    vendor: 'See the vendor\'s advisory',
    none: 'No vulnerability needs your attention',
    register: 'Register your equipment and software to hear about vulnerabilities and end of support',
  },
} as const;

function itemOf(f: FindingView & { orgId: string }, locale: Locale): HomeSection['items'][number] {
  const t = TEXT[locale];
  const asset = [f.asset.vendor, f.asset.product, f.asset.version].filter(Boolean).join(' ');
  // The organisation's notices page, opened at this notice.
  const href = `/orgs/${encodeURIComponent(f.orgId)}/findings#finding-${encodeURIComponent(f.id)}`;
  if (f.kind === 'eol') {
    const label = fill(f.eol?.state === 'passed' ? t.eolPassed : t.eolSoon, { asset, date: f.eol?.date ?? '—' });
    return { label, href, ...(f.fixedHint ? { detail: fill(t.move, { fixed: f.fixedHint }) } : {}) };
  }
  const params = { asset, cve: f.cveId ?? '', score: f.cvss ? String(f.cvss.score) : '' };
  const label = fill(f.kev ? t.exploited : f.cvss ? t.vuln : t.vulnNoScore, params);
  return { label, href, detail: f.fixedHint ? fill(t.update, { fixed: f.fixedHint }) : t.vendor };
}

export async function memberVulnSection(db: Database, _config: Config, ctx: RequestContext): Promise<HomeSection | null> {
  if (ctx.actor.kind !== 'user') return null;
  const orgIds = [...ctx.actor.orgRoles.keys()];
  const t = TEXT[ctx.locale];
  const top = await topOpenFindings(db, orgIds, ctx.locale, 200);
  if (top.length > 0) return { id: 'vuln-findings', title: TITLE, count: top.length, items: top.slice(0, SHOWN).map((f) => itemOf(f, ctx.locale)) };
  const assets = (await Promise.all(orgIds.map((orgId) => countAssetsOf(db, orgId)))).reduce((a, b) => a + b, 0);
  return { id: 'vuln-findings', title: TITLE, count: 0, items: [assets > 0 ? { label: t.none, href: '/vulns/findings' } : { label: t.register, href: '/assets' }] };
}
