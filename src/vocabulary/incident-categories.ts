// The one incident taxonomy of Anshin: reports, help requests, the contact directory, dashboards, advisories and
// exports all use these codes, and every name of them (server pages, PDFs, mails, the web UI) comes from here.
// Pure data: the web UI imports this file too.
//
// Each code maps to the Reference Security Incident Taxonomy (RSIT, the CSIRT community's taxonomy kept at
// github.com/enisaeu/Reference-Security-Incident-Taxonomy-Task-Force) where a class and type fit; advisories carry
// it as the machine tag MISP and OpenCTI read, e.g. rsit:malicious-code="infected-system".
import type { Locale } from '../auth/roles.js';

export const INCIDENT_CATEGORIES = [
  'ransomware', 'malware', 'phishing', 'fraud', 'unauthorised_access', 'data_leak', 'dos', 'defacement', 'other', 'unknown',
] as const;
export type IncidentCategory = (typeof INCIDENT_CATEGORIES)[number];

/** What a contact-directory desk can help with: every category but "not sure". */
export const DIRECTORY_PROBLEMS = INCIDENT_CATEGORIES.filter((c): c is Exclude<IncidentCategory, 'unknown'> => c !== 'unknown');

export const isIncidentCategory = (value: string): value is IncidentCategory => (INCIDENT_CATEGORIES as readonly string[]).includes(value);

/** The RSIT class and type of each category. */
export const RSIT: Readonly<Record<IncidentCategory, { readonly class: string; readonly type: string }>> = {
  ransomware: { class: 'malicious-code', type: 'infected-system' },
  malware: { class: 'malicious-code', type: 'infected-system' },
  phishing: { class: 'fraud', type: 'phishing' },
  fraud: { class: 'fraud', type: 'masquerade' },
  unauthorised_access: { class: 'intrusions', type: 'system-compromise' },
  data_leak: { class: 'information-content-security', type: 'data-leak' },
  dos: { class: 'availability', type: 'dos' },
  defacement: { class: 'information-content-security', type: 'unauthorised-information-modification' },
  other: { class: 'other', type: 'other' },
  unknown: { class: 'other', type: 'undetermined' },
};

/** The RSIT machine tag of a category, as MISP's "rsit" taxonomy writes it. */
export const rsitTag = (category: IncidentCategory): string => `rsit:${RSIT[category].class}="${RSIT[category].type}"`;

interface Name {
  /** Short: lists, headings, charts. */
  readonly name: string;
  /** In plain words, for people choosing in a form. */
  readonly hint: string;
}

export const CATEGORY_NAMES: Readonly<Record<IncidentCategory, Readonly<Record<Locale, Name>>>> = {
  ransomware: {
    ja: { name: 'ランサムウェア', hint: 'ファイルが暗号化された、身代金の要求' },
    en: { name: 'Ransomware', hint: 'files encrypted, a ransom demanded' },
  },
  malware: {
    ja: { name: 'マルウェア感染', hint: 'ウイルスや見覚えのないプログラムが動いている' },
    en: { name: 'Malware infection', hint: 'a virus or an unknown program is running' },
  },
  phishing: {
    ja: { name: 'フィッシング', hint: '偽のメールやサイトでパスワードやカード番号を狙われた' },
    en: { name: 'Phishing', hint: 'fake e-mails or sites after passwords or card numbers' },
  },
  fraud: {
    ja: { name: '詐欺・なりすまし', hint: 'ビジネスメール詐欺、偽の請求書、不正送金' },
    en: { name: 'Fraud or impersonation', hint: 'business e-mail compromise, fake invoices, fraudulent transfers' },
  },
  unauthorised_access: {
    ja: { name: '不正アクセス', hint: '身に覚えのないログイン、アカウントやサーバーの乗っ取り' },
    en: { name: 'Unauthorised access', hint: 'sign-ins you did not make, a taken-over account or server' },
  },
  data_leak: {
    ja: { name: '情報の漏えい・紛失', hint: '個人情報や機密情報が外に出た、なくした' },
    en: { name: 'Data leak or loss', hint: 'personal or confidential data exposed or lost' },
  },
  dos: {
    ja: { name: 'サービス妨害（DoS）', hint: 'ウェブサイトやネットワークが大量の通信で使えない' },
    en: { name: 'Denial of service', hint: 'a website or network flooded until it is unusable' },
  },
  defacement: {
    ja: { name: 'ウェブサイトの改ざん', hint: 'ホームページの内容が書き換えられた' },
    en: { name: 'Website defacement', hint: 'pages of your website changed by someone else' },
  },
  other: {
    ja: { name: 'その他', hint: '上のどれにも当てはまらない' },
    en: { name: 'Other', hint: 'none of the above' },
  },
  unknown: {
    ja: { name: 'わからない', hint: 'まだ何が起きたかわからない' },
    en: { name: 'Not sure yet', hint: 'it is not yet clear what happened' },
  },
};

/** The short name of a category; an unknown code is shown as it is. */
export function categoryName(code: string, locale: Locale): string {
  return isIncidentCategory(code) ? CATEGORY_NAMES[code][locale].name : code;
}

/**
 * Codes that earlier versions stored, and what each is now: the migration 2026-12-07-0011 rewrote the stored values,
 * and a contact-directory file exported before it still imports.
 */
export const FORMER_CATEGORY_CODES: Readonly<Record<string, IncidentCategory>> = {
  phishing_bec: 'phishing',
  unauthorized_access: 'unauthorised_access',
  ddos: 'dos',
  personal_data_leak: 'data_leak',
};
