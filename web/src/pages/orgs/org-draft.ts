import type { Contact, Org, OrgInput, OrgStatus } from '../../api/types.ts';
import type { Translate } from '../../i18n/index.ts';
import { linesOf } from '../../lib/format.ts';
import { isCidr, isDomain } from '../../lib/reference.ts';

/** The org form's state: list fields as one-per-line text. */
export interface OrgDraft {
  nameJa: string;
  nameEn: string;
  aliases: string;
  sector: string;
  sizeBand: string;
  prefecture: string;
  status: OrgStatus;
  domains: string;
  ipRanges: string;
  contacts: ContactDraft[];
}

export interface ContactDraft {
  key: number;
  kind: string;
  name: string;
  email: string;
  phone: string;
}

let nextKey = 1;
export const newContact = (kind = 'security'): ContactDraft => ({ key: nextKey++, kind, name: '', email: '', phone: '' });

export const EMPTY_DRAFT: OrgDraft = {
  nameJa: '',
  nameEn: '',
  aliases: '',
  sector: '',
  sizeBand: '',
  prefecture: '',
  status: 'active',
  domains: '',
  ipRanges: '',
  contacts: [],
};

export function draftOf(org: Org): OrgDraft {
  return {
    nameJa: org.nameJa,
    nameEn: org.nameEn,
    aliases: org.aliases.join('\n'),
    sector: org.sector,
    sizeBand: org.sizeBand,
    prefecture: org.prefecture,
    status: org.status,
    domains: org.domains.join('\n'),
    ipRanges: org.ipRanges.join('\n'),
    contacts: org.contacts.map((c) => ({ ...newContact(c.kind), name: c.name, email: c.email ?? '', phone: c.phone ?? '' })),
  };
}

export function inputOf(draft: OrgDraft): OrgInput {
  return {
    nameJa: draft.nameJa.trim(),
    nameEn: draft.nameEn.trim(),
    aliases: linesOf(draft.aliases),
    sector: draft.sector,
    sizeBand: draft.sizeBand,
    prefecture: draft.prefecture,
    status: draft.status,
    domains: linesOf(draft.domains).map((d) => d.toLowerCase()),
    ipRanges: linesOf(draft.ipRanges),
    contacts: draft.contacts.map(contactOf),
  };
}

function contactOf(c: ContactDraft): Contact {
  const contact: Contact = { kind: c.kind, name: c.name.trim() };
  if (c.email.trim()) contact.email = c.email.trim();
  if (c.phone.trim()) contact.phone = c.phone.trim();
  return contact;
}

/** What the UI can check before sending; the server validates again. */
export function draftProblems(t: Translate, draft: OrgDraft): string[] {
  const problems: string[] = [];
  const required = (value: string, field: string) => {
    if (!value.trim()) problems.push(t('validation.required', { field }));
  };
  required(draft.nameJa, t('org.nameJa'));
  required(draft.nameEn, t('org.nameEn'));
  required(draft.sector, t('org.sector'));
  required(draft.sizeBand, t('org.sizeBand'));
  required(draft.prefecture, t('org.prefecture'));
  for (const domain of linesOf(draft.domains)) {
    if (!isDomain(domain)) problems.push(t('validation.domain', { value: domain }));
  }
  for (const range of linesOf(draft.ipRanges)) {
    if (!isCidr(range)) problems.push(t('validation.cidr', { value: range }));
  }
  draft.contacts.forEach((c, i) => {
    if (!c.name.trim()) problems.push(t('validation.contactName', { n: i + 1 }));
    if (c.email.trim() && !/^[^\s@]+@[^\s@]+$/.test(c.email.trim())) problems.push(t('validation.email', { value: c.email }));
  });
  return problems;
}
