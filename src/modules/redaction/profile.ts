// The member's own profile: is a host, an address or a name the victim's?
import { cidrContains } from './ip.js';
import type { OrgProfile } from './types.js';

export const normDomain = (d: string): string => d.trim().toLowerCase().replace(/^\*\./, '').replace(/\.$/, '');

// The member domain that `host` is, or is under (longest first); undefined when it is not the member's.
export function victimDomainOf(host: string, org: OrgProfile): string | undefined {
  const h = normDomain(host);
  const domains = (org.domains ?? []).map(normDomain).filter((d) => d.length > 0).sort((a, b) => b.length - a.length);
  return domains.find((d) => h === d || h.endsWith(`.${d}`));
}

export const inVictimRanges = (address: string, org: OrgProfile): boolean =>
  (org.cidrs ?? []).some((c) => {
    try {
      return cidrContains(c, address);
    } catch {
      return false;
    }
  });

// The member's own NetBIOS domain, guessed from its registered domains and Latin names (harborlane-freight.com,
// "Harbor Lane" → harborlane, harborlane-freight, harborlanefreight): harborlane\jpatel is its account in any case,
// whatever the user part looks like.
const GENERIC_LABEL = /^(?:www\d?|mail|smtp|web|portal|en|jp|city|town|vill|village|pref|ward|www-[a-z]+|info|corp|co|or|ne|ac|go|lg|ed)$/;

const shortNames = new WeakMap<OrgProfile, Set<string>>();

export function memberShortNames(org: OrgProfile): Set<string> {
  const known = shortNames.get(org);
  if (known) return known;
  const names = new Set<string>();
  shortNames.set(org, names);
  const add = (n: string): void => {
    if (n.length >= 3 && n.length <= 30) names.add(n);
  };
  for (const d of org.domains ?? []) {
    // city.kitamizawa.lg.jp: the name is the first label that is no generic word.
    const label = d.toLowerCase().split('.').find((l) => !GENERIC_LABEL.test(l)) ?? '';
    add(label);
    add(label.replace(/-/g, ''));
    add(label.split('-')[0] ?? '');
  }
  for (const n of [org.name ?? '', ...(org.aliases ?? [])]) {
    if (!/^[A-Za-z][A-Za-z .&-]*$/.test(n)) continue;
    const words = n.toLowerCase().replace(/\b(?:inc|ltd|llc|corp|co|k\.k|limited|corporation|company)\b\.?/g, '').split(/[\s.&-]+/).filter(Boolean);
    add(words.join(''));
    add(words[0] ?? '');
  }
  return names;
}

// A SaaS tenant's host or mail domain (shirakabahp.onmicrosoft.com, shirakaba-hp.sharepoint.com, harborlane.slack.com)
// named exactly after the member is the member's own. Lookalike tenants (shirakaba-secure…) are not.
const TENANT_SUFFIX = /^([a-z0-9][a-z0-9-]{1,62}?)(?:-my|-admin)?\.(?:onmicrosoft\.com|sharepoint\.com|slack\.com|enterprise\.slack\.com|atlassian\.net|zendesk\.com|kintone\.com|cybozu\.com|okta\.com|awsapps\.com|service-now\.com|my\.salesforce\.com|backlog\.(?:jp|com)|freshdesk\.com)$/;
export function isMemberTenant(host: string, org: OrgProfile): boolean {
  const m = TENANT_SUFFIX.exec(host.toLowerCase());
  return m !== null && memberShortNames(org).has(m[1] as string);
}
