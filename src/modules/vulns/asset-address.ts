// "Which registered address faces the internet": an asset names one of its organisation's registered domains (or a
// host under one), IP ranges, or an address inside a registered range. Compared in the organisations' canonical form.
import { isIP } from 'node:net';
import { AppError } from '../../errors.js';
import { normaliseCidr, normaliseDomain } from '../orgs/org-validation.js';

function tryNormalise(normalise: (s: string) => string, value: string): string | null {
  try {
    return normalise(value);
  } catch (error) {
    if (error instanceof AppError) return null;
    throw error;
  }
}

// A range or address is inside a registered range when cutting it to that range's prefix gives that range.
function insideRange(address: string, prefix: number, cidr: string): boolean {
  const [base = '', bits = '0'] = cidr.split('/');
  if (isIP(address) !== isIP(base) || prefix < Number(bits)) return false;
  return tryNormalise(normaliseCidr, `${address}/${bits}`) === cidr;
}

/** The address in canonical form when it is registered to the organisation; null when it is not. */
export function registeredAddress(input: string, registered: { domains: readonly string[]; ipRanges: readonly string[] }): string | null {
  const value = input.trim();
  const family = isIP(value.split('/')[0] ?? '');
  if (family !== 0) {
    const cidr = tryNormalise(normaliseCidr, value.includes('/') ? value : `${value}/${family === 4 ? 32 : 128}`);
    if (cidr === null) return null;
    const [base = '', bits = '0'] = cidr.split('/');
    const inside = registered.ipRanges.some((range) => insideRange(base, Number(bits), range));
    return inside ? (value.includes('/') ? cidr : base) : null;
  }
  const domain = tryNormalise(normaliseDomain, value);
  if (domain === null) return null;
  return registered.domains.some((d) => domain === d || domain.endsWith(`.${d}`)) ? domain : null;
}
