import {
  CONTACT_KINDS,
  PREFECTURES,
  SECTORS,
  SIZE_BANDS,
  type Labelled,
} from '../../../src/modules/orgs/org-reference.ts';
import type { Locale } from '../i18n/index.ts';

export { CONTACT_KINDS, PREFECTURES, SECTORS, SIZE_BANDS };
export type { Labelled };

export function labelOf(list: readonly Labelled[], code: string, locale: Locale): string {
  const item = list.find((entry) => entry.code === code);
  return item ? item[locale] : code;
}

export function orgName(org: { nameJa: string; nameEn: string }, locale: Locale): string {
  return (locale === 'ja' ? org.nameJa : org.nameEn) || org.nameJa || org.nameEn;
}

export function membershipName(m: { orgNameJa: string; orgNameEn: string }, locale: Locale): string {
  return orgName({ nameJa: m.orgNameJa, nameEn: m.orgNameEn }, locale);
}

// Validation of what the server also checks; here only to give earlier feedback.
const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

export function isCidr(text: string): boolean {
  const [address, prefix, extra] = text.split('/');
  if (!address || prefix === undefined || extra !== undefined || !/^\d{1,3}$/.test(prefix)) return false;
  const bits = Number(prefix);
  if (IPV4.test(address)) return bits <= 32;
  return isIpv6(address) && bits <= 128;
}

function isIpv6(address: string): boolean {
  if (!/^[0-9a-fA-F:.]+$/.test(address) || address.split('::').length > 2) return false;
  const groups = address.split(':').filter((g) => g !== '');
  if (groups.some((g) => !/^[0-9a-fA-F]{1,4}$/.test(g))) return false;
  return address.includes('::') ? groups.length < 8 : groups.length === 8;
}

/** Loose on purpose (internationalised names are allowed); the server has the final word. */
export function isDomain(text: string): boolean {
  return /^[^\s/:@]+\.[^\s/:@.]+$/u.test(text) && !text.startsWith('.') && !text.includes('..');
}
