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
