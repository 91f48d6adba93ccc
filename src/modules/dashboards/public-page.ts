// The public page as server-rendered HTML, in the public pages' shell (src/http/public-html.ts). Pure.
import type { Locale } from '../../auth/roles.js';
import { escapeHtml, PUBLIC_BASE_CSS, publicDocument } from '../../http/public-html.js';
import { labelOf } from './labels.js';
import type { PublicPageData } from './public.service.js';

const TEXT = {
  ja: {
    title: 'コミュニティの状況', intro: 'このコミュニティが公開している注意喚起（TLP:CLEAR）と、会員組織から寄せられた情報の統計です。',
    advisories: '公開中の注意喚起', noAdvisories: '公開中の注意喚起はまだありません。', published: '公開日',
    directory: '相談・通報先', directoryText: 'サイバー攻撃の被害を受けたときの相談先・通報先（警察、IPA、JPCERT/CC、個人情報保護委員会など）の一覧です。',
    statistics: '統計（直近 12 か月）', members: '会員組織', reports: '寄せられたインシデント報告', reportsPartial: '寄せられたインシデント報告（{k} 組織未満の月を除く）', advisoriesPublished: '発行した注意喚起（全 TLP）',
    category: '種類', count: '件数', fewer: '{k} 組織未満', kNote: '{k} 組織未満から寄せられた数は表示せず、「その他」にまとめるか「{k} 組織未満」と表示します。',
    topSighted: '多くの組織が観測した指標', indicator: '指標', orgs: '観測した組織数', none: '該当なし',
    language: 'English', languageHref: '?lang=en', signIn: '会員の方はサインイン',
  },
  en: {
    title: 'The community picture', intro: 'The advisories this community publishes (TLP:CLEAR) and statistics of what member organisations report.',
    advisories: 'Public advisories', noAdvisories: 'No public advisories yet.', published: 'Published',
    directory: 'Where to get help', directoryText: 'Where to report an attack or ask for help: the police, IPA, JPCERT/CC, the Personal Information Protection Commission and more.',
    statistics: 'Statistics (last 12 months)', members: 'Member organisations', reports: 'Incident reports received', reportsPartial: 'Incident reports received (months from fewer than {k} organisations left out)', advisoriesPublished: 'Advisories published (all TLP levels)',
    category: 'Kind', count: 'Count', fewer: 'fewer than {k} organisations', kNote: 'Numbers from fewer than {k} organisations are not shown: they are merged into "Other" or shown as "fewer than {k} organisations".',
    topSighted: 'Indicators seen by the most organisations', indicator: 'Indicator', orgs: 'Organisations that saw it', none: 'None',
    language: '日本語', languageHref: '?lang=ja', signIn: 'Members: sign in',
  },
} as const;

const fill = (text: string, k: number) => text.replaceAll('{k}', String(k));

export function renderPublicPage(data: PublicPageData, locale: Locale, deskName: string): string {
  const t = TEXT[locale];
  const s = data.statistics;
  const num = (n: number) => n.toLocaleString(locale === 'ja' ? 'ja-JP' : 'en-GB');
  const date = (iso: string | null) => (iso ? iso.slice(0, 10) : '');
  const fewer = fill(t.fewer, s.k);
  const advisories = data.advisories.length === 0 ? `<p>${t.noAdvisories}</p>` : `<ul class="advisories">${data.advisories.map((a) => `
      <li><article><h3>${escapeHtml(a.title[locale])}</h3><p class="meta"><span class="tlp">TLP:CLEAR</span> ${t.published}: <time datetime="${escapeHtml(a.published ?? '')}">${date(a.published)}</time></p>${
  locale === 'ja' && a.summary ? `<p>${escapeHtml(a.summary)}</p>` : ''}</article></li>`).join('')}
    </ul>`;
  const incidents = `<table><caption>${s.incidents.partial ? fill(t.reportsPartial, s.k) : t.reports}: ${num(s.incidents.total)}</caption><thead><tr><th scope="col">${t.category}</th><th scope="col">${t.count}</th></tr></thead><tbody>${
    s.incidents.cells.map((c) => `<tr><th scope="row">${escapeHtml(labelOf('category', c.key, locale))}</th><td>${num(c.count)}</td></tr>`).join('')}</tbody></table>`;
  const top = s.topSighted.length === 0 ? `<p>${t.none}</p>`
    : `<table><caption>${t.topSighted}</caption><thead><tr><th scope="col">${t.indicator}</th><th scope="col">${t.orgs}</th></tr></thead><tbody>${
      s.topSighted.map((i) => `<tr><th scope="row">${escapeHtml(i.name ?? i.indicatorId)}</th><td>${num(i.orgs)}</td></tr>`).join('')}</tbody></table>`;
  return publicDocument({
    locale, title: t.title, site: deskName, stylesheet: '/public/style.css',
    language: { href: t.languageHref, label: t.language }, signIn: t.signIn,
    main: `<h1>${t.title}</h1>
  <p>${t.intro}</p>
  <section aria-labelledby="advisories"><h2 id="advisories">${t.advisories}</h2>${advisories}</section>
  <section aria-labelledby="directory"><h2 id="directory">${t.directory}</h2><p>${t.directoryText} <a href="/public/directory${locale === 'en' ? '?lang=en' : ''}">${t.directory}</a></p></section>
  <section aria-labelledby="statistics"><h2 id="statistics">${t.statistics}</h2>
    <dl><dt>${t.members}</dt><dd>${s.members.lessThanK ? fewer : num(s.members.count)}</dd><dt>${t.advisoriesPublished}</dt><dd>${num(s.advisories)}</dd></dl>
    ${incidents}
    ${top}
    <p class="note">${fill(t.kNote, s.k)}</p>
  </section>`,
  });
}

// The base of the public pages, then the advisories and the statistics.
export const PUBLIC_CSS = `${PUBLIC_BASE_CSS}h3{font-size:1.05rem;margin:0}
.advisories{list-style:none;padding:0}
.advisories li{border:1px solid #c8c8c8;border-radius:6px;padding:.75rem;margin:.75rem 0}
.meta{margin:.25rem 0;color:#4a4a4a;font-size:.9rem}
.tlp{display:inline-block;padding:0 .4rem;border:1px solid #1a1a1a;border-radius:3px;background:#fff;color:#1a1a1a;font-weight:700}
table{border-collapse:collapse;width:100%;margin:1rem 0}
caption{text-align:left;font-weight:700;padding:.25rem 0}
th,td{border-bottom:1px solid #c8c8c8;padding:.35rem .5rem;text-align:left}
td{text-align:right}
.note{color:#4a4a4a;font-size:.9rem}
`;
