// The directory as server-rendered HTML (/public/directory): works on any phone without JavaScript, with a GET
// form for the search, in the public pages' shell (src/http/public-html.ts). Pure.
import type { Locale } from '../../auth/roles.js';
import { escapeHtml, PUBLIC_BASE_CSS, publicDocument } from '../../http/public-html.js';
import { PREFECTURES } from '../orgs/org-reference.js';
import { categoryName } from '../../vocabulary/incident-categories.js';
import { languageNames, PROBLEM_CODES, type DirectoryEntry, type ProblemCode } from './directory-model.js';

const TEXT = {
  ja: {
    title: '相談・通報先の一覧', intro: 'サイバー攻撃の被害にあったとき、相談・通報できる窓口です。緊急の場合は 110 番へ。',
    search: '検索', prefecture: '都道府県', problem: '困っていること', q: 'キーワード', any: 'すべて', submit: '検索する',
    results: '{n} 件', none: '条件に合う窓口はありません。条件を変えてお試しください。', helpsWith: '相談できること',
    served: '対象地域', nationwide: '全国', phone: '電話', web: 'ウェブサイト', hours: '受付時間', languages: '対応言語',
    cost: '費用', free: '無料', paid: '有料', notes: '備考', prev: '前へ', next: '次へ', pages: 'ページ',
    language: 'English', signIn: 'サインイン',
  },
  en: {
    title: 'Where to report or ask for help', intro: 'Desks to contact when you are hit by a cyber attack. In an emergency call 110.',
    search: 'Search', prefecture: 'Prefecture', problem: 'Problem', q: 'Keywords', any: 'Any', submit: 'Search',
    results: '{n} found', none: 'No desk matches. Try other choices.', helpsWith: 'Helps with',
    served: 'Serves', nationwide: 'Nationwide', phone: 'Phone', web: 'Website', hours: 'Hours', languages: 'Languages',
    cost: 'Cost', free: 'Free', paid: 'Paid', notes: 'Notes', prev: 'Previous', next: 'Next', pages: 'Pages',
    language: '日本語', signIn: 'Sign in',
  },
} as const;

export interface PageQuery {
  locale: Locale;
  problem?: ProblemCode | undefined;
  prefecture?: string | undefined;
  q?: string | undefined;
  page: number;
  pageSize: number;
}

const pick = (ja: string, en: string, locale: Locale): string => (locale === 'en' && en ? en : ja);

function prefectureNames(codes: readonly string[], locale: Locale): string {
  if (codes.includes('all')) return TEXT[locale].nationwide;
  return codes.map((code) => PREFECTURES.find((p) => p.code === code)?.[locale] ?? code).join(locale === 'ja' ? '、' : ', ');
}

function row(label: string, value: string): string {
  return value ? `<dt>${label}</dt><dd>${value}</dd>` : '';
}

function entryHtml(entry: DirectoryEntry, locale: Locale): string {
  const t = TEXT[locale];
  const name = escapeHtml(pick(entry.nameJa, entry.nameEn, locale));
  const link = entry.webUrl ? `<a href="${escapeHtml(entry.webUrl)}" rel="noopener noreferrer">${escapeHtml(entry.webUrl)}</a>` : '';
  const phone = entry.phone ? `<a href="tel:${escapeHtml(entry.phone.replace(/[^0-9+#*]/g, ''))}">${escapeHtml(entry.phone)}</a>` : '';
  return `<li><article><h3>${name}</h3><dl>${[
    row(t.helpsWith, entry.helpsWith.map((code) => escapeHtml(categoryName(code, locale))).join(locale === 'ja' ? '、' : ', ')),
    row(t.served, escapeHtml(prefectureNames(entry.prefectures, locale))),
    row(t.phone, phone),
    row(t.web, link),
    row(t.hours, escapeHtml(pick(entry.hoursJa, entry.hoursEn, locale))),
    row(t.languages, escapeHtml(languageNames(entry.languages, locale))),
    row(t.cost, entry.cost === 'paid' ? t.paid : t.free),
    row(t.notes, escapeHtml(pick(entry.notesJa, entry.notesEn, locale))),
  ].join('')}</dl></article></li>`;
}

function options(values: ReadonlyArray<{ value: string; label: string }>, selected: string | undefined, anyLabel: string): string {
  const items = [{ value: '', label: anyLabel }, ...values];
  return items.map((o) => `<option value="${escapeHtml(o.value)}"${o.value === (selected ?? '') ? ' selected' : ''}>${escapeHtml(o.label)}</option>`).join('');
}

function pageLink(query: PageQuery, page: number): string {
  const params = new URLSearchParams();
  if (query.locale === 'en') params.set('lang', 'en');
  if (query.prefecture) params.set('prefecture', query.prefecture);
  if (query.problem) params.set('problem', query.problem);
  if (query.q) params.set('q', query.q);
  if (page > 1) params.set('page', String(page));
  const text = params.toString();
  return `/public/directory${text ? `?${text}` : ''}`;
}

export function renderDirectoryPage(result: { items: DirectoryEntry[]; total: number }, query: PageQuery): string {
  const { locale } = query;
  const t = TEXT[locale];
  const other: Locale = locale === 'ja' ? 'en' : 'ja';
  const pages = Math.max(1, Math.ceil(result.total / query.pageSize));
  const prefectures = PREFECTURES.map((p) => ({ value: p.code, label: p[locale] }));
  const problems = PROBLEM_CODES.map((code) => ({ value: code, label: categoryName(code, locale) }));
  const list = result.items.length === 0 ? `<p>${t.none}</p>` : `<ul class="entries">${result.items.map((e) => entryHtml(e, locale)).join('')}</ul>`;
  const nav = pages <= 1 ? '' : `<nav aria-label="${t.pages}" class="pager">${
    query.page > 1 ? `<a href="${escapeHtml(pageLink(query, query.page - 1))}" rel="prev">${t.prev}</a>` : ''} <span>${query.page} / ${pages}</span> ${
    query.page < pages ? `<a href="${escapeHtml(pageLink(query, query.page + 1))}" rel="next">${t.next}</a>` : ''}</nav>`;
  return publicDocument({
    locale, title: t.title, site: 'Anshin', stylesheet: '/public/directory.css',
    language: { href: pageLink({ ...query, locale: other }, query.page), label: t.language }, signIn: t.signIn,
    main: `<h1>${t.title}</h1>
<p>${t.intro}</p>
<form method="get" action="/public/directory" role="search" aria-label="${t.search}">
${locale === 'en' ? '<input type="hidden" name="lang" value="en">' : ''}
<p><label for="prefecture">${t.prefecture}</label><select id="prefecture" name="prefecture">${options(prefectures, query.prefecture, t.any)}</select></p>
<p><label for="problem">${t.problem}</label><select id="problem" name="problem">${options(problems, query.problem, t.any)}</select></p>
<p><label for="q">${t.q}</label><input id="q" name="q" type="search" maxlength="100" value="${escapeHtml(query.q ?? '')}"></p>
<p><button type="submit">${t.submit}</button></p>
</form>
<section aria-labelledby="results"><h2 id="results">${t.results.replace('{n}', String(result.total))}</h2>
${list}
${nav}
</section>`,
  });
}

// The base of the public pages, then the search form and the entries.
export const DIRECTORY_CSS = `${PUBLIC_BASE_CSS}h3{font-size:1.1rem;margin:0 0 .25rem}
form p{margin:.5rem 0}
label{display:block;font-weight:700}
select,input{width:100%;max-width:24rem;padding:.5rem;font-size:1rem;border:1px solid #595959;border-radius:4px}
button{padding:.6rem 1.5rem;font-size:1rem;background:#0b3d6b;color:#fff;border:0;border-radius:4px}
.entries{list-style:none;padding:0}
.entries li{border:1px solid #c8c8c8;border-radius:6px;padding:.75rem;margin:.75rem 0}
.entries dl{margin:0}
.pager{display:flex;gap:1rem;justify-content:center;margin:1rem 0}
`;
