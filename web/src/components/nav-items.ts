import type { Me } from '../api/types.ts';
import type { MessageKey } from '../i18n/index.ts';
import { membershipName } from '../lib/reference.ts';

export interface NavItem {
  href: string;
  key: MessageKey;
  /** Used instead of the key for names that are data, e.g. the user's organisation. */
  label?: string;
}

/** What the navigation offers: only what the user's roles allow. */
export function navItems(user: Me | null, locale: 'ja' | 'en' = 'ja'): NavItem[] {
  if (!user) return [];
  const roles = new Set<string>(user.platformRoles);
  const items: NavItem[] = [{ href: '/', key: 'nav.home' }];
  const admin = roles.has('administrator');
  for (const m of user.memberships) {
    items.push({ href: `/orgs/${encodeURIComponent(m.orgId)}`, key: 'nav.myOrg', label: membershipName(m, locale) });
  }
  // devices and software (issue 20): a member of one organisation goes straight to its inventory
  const only = user.memberships.length === 1 ? user.memberships[0] : undefined;
  if (only) items.push({ href: `/orgs/${encodeURIComponent(only.orgId)}/assets`, key: 'nav.assets' });
  else if (user.memberships.length > 1) items.push({ href: '/assets', key: 'nav.assets' });
  items.push({ href: '/intel', key: 'nav.intel' });
  // reports: members report for their organisations; coordinators work the triage queue
  if (user.memberships.length > 0) items.push({ href: '/reports', key: 'nav.reports' });
  if (roles.has('coordinator')) items.push({ href: '/triage', key: 'nav.triage' }, { href: '/vulns', key: 'nav.vulns' });
  items.push({ href: '/correlation', key: 'nav.correlation' });
  // mutual aid: members ask for help; responders answer offers; the desk offers, vets and watches the targets
  if (user.memberships.length > 0) items.push({ href: '/aid', key: 'nav.aid' });
  if (roles.has('responder')) items.push({ href: '/aid/responder', key: 'nav.aidResponder' });
  if (roles.has('coordinator')) items.push({ href: '/aid/desk', key: 'nav.aidDesk' });
  if (roles.has('coordinator') || roles.has('auditor')) items.push({ href: '/aid/metrics', key: 'nav.aidMetrics' });
  items.push({ href: '/community', key: 'nav.community' });
  items.push({ href: '/directory', key: 'nav.directory' });
  items.push({ href: '/glossary', key: 'nav.glossary' });
  if (admin) items.push({ href: '/orgs', key: 'nav.orgs' }, { href: '/users', key: 'nav.users' });
  if (admin || roles.has('auditor')) items.push({ href: '/audit', key: 'nav.audit' });
  if (admin || roles.has('auditor') || roles.has('coordinator')) items.push({ href: '/accountability', key: 'nav.ledger' });
  if (admin) items.push({ href: '/outbox', key: 'nav.outbox' });
  items.push({ href: '/account', key: 'nav.account' });
  return items;
}

/**
 * What visitors who are not signed in are offered beside the sign-in page: the public pages. The public page is
 * server-rendered (it works without JavaScript) and exists only when the operator enabled it.
 */
export function publicNavItems(publicPage: boolean): Array<NavItem & { document?: true }> {
  return [
    { href: '/directory', key: 'nav.directory' },
    { href: '/glossary', key: 'nav.glossary' },
    ...(publicPage ? [{ href: '/public', key: 'nav.publicPage' as const, document: true as const }] : []),
    { href: '/login', key: 'login.title' },
  ];
}
