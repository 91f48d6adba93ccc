// Canonical forms of the observable values that correlation compares: one spelling per value, so that
// "HXXP://Evil[.]Example/a/../b" and "http://evil.example/b" meet. Pure: no I/O. Invalid input is null.
import { domainToASCII } from 'node:url';
import { normaliseIpv4, normaliseIpv6 } from './normalise-ip.js';
import type { ObservableType } from './observable-types.js';

export { normaliseCidr, normaliseIpv4, normaliseIpv6 } from './normalise-ip.js';

export { OBSERVABLE_TYPES, type ObservableType } from './observable-types.js';

export interface Observable {
  readonly type: ObservableType;
  readonly value: string;
}

// Longer values are not correlated: an index entry must stay small on both databases.
export const MAX_VALUE_LENGTH = 2048;

/** Undoes the usual defanging of shared indicators: hxxp, [.], (.), [dot], [@], [at], [:]. */
export function refang(text: string): string {
  return text.trim()
    .replace(/\bh(?:xx|\*\*|XX)p(s?)(?=(?:\[:\]|:)\/\/|\[:\/\/\])/gi, (_m, s: string) => `http${s.toLowerCase()}`)
    .replace(/\bfxp(?=(?:\[:\]|:)\/\/)/gi, 'ftp')
    .replace(/\[:\/\/\]/g, '://')
    .replace(/\[\.\]|\(\.\)|\{\.\}|\[dot\]|\(dot\)|\{dot\}|\s\.\s/gi, '.')
    .replace(/\[@\]|\(@\)|\{@\}|\[at\]|\(at\)|\{at\}/gi, '@')
    .replace(/\[:\]|\(:\)/g, ':')
    .replace(/\[\/\]/g, '/');
}

const LABEL = /^(?!-)[a-z0-9_-]{1,63}(?<!-)$/;

/** Lower-case, without a trailing dot, internationalised names as punycode (xn--). At least two labels. */
export function normaliseDomain(raw: string): string | null {
  const text = refang(raw).toLowerCase().replace(/\.$/, '');
  if (text === '' || text.length > 253 || /[\s/:@]/.test(text)) return null;
  const ascii = domainToASCII(text);
  if (ascii === '' || ascii.length > 253) return null;
  const labels = ascii.split('.');
  if (labels.length < 2 || !labels.every((l) => LABEL.test(l))) return null;
  // An all-numeric last label is an IPv4 address (or nonsense), never a domain name.
  if (/^[0-9]+$/.test(labels[labels.length - 1] as string)) return null;
  return ascii;
}

/** The local part as written (it may be case-sensitive), the domain normalised. */
export function normaliseEmail(raw: string): string | null {
  const text = refang(raw).replace(/^mailto:/i, '');
  const at = text.lastIndexOf('@');
  if (at <= 0 || at > 64 || /\s/.test(text)) return null;
  const domain = normaliseDomain(text.slice(at + 1));
  return domain ? `${text.slice(0, at)}@${domain}` : null;
}

const UNRESERVED = /[A-Za-z0-9\-._~]/;

// RFC 3986 §6.2.2: percent-encoded unreserved characters decoded, other escapes with upper-case hex.
function normalisePercent(text: string): string {
  return text.replace(/%([0-9a-fA-F]{2})/g, (_m, hex: string) => {
    const char = String.fromCharCode(parseInt(hex, 16));
    return UNRESERVED.test(char) ? char : `%${hex.toUpperCase()}`;
  });
}

/**
 * Scheme and host in lower case (IDN as punycode, IPs canonical), default port removed, dot-segments
 * resolved, percent-encoding normalised, fragment dropped. Only URLs with a host.
 */
export function normaliseUrl(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(refang(raw));
  } catch {
    return null;
  }
  if (url.hostname === '' || !/^[a-z][a-z0-9+.-]*:$/.test(url.protocol)) return null;
  url.hash = '';
  url.pathname = normalisePercent(url.pathname);
  if (url.search !== '') url.search = normalisePercent(url.search);
  const host = url.hostname.startsWith('[') ? url.hostname : url.hostname.replace(/\.$/, '');
  url.hostname = host;
  const text = url.href;
  return text.length <= MAX_VALUE_LENGTH ? text : null;
}

const HASH_BY_LENGTH: Readonly<Record<number, ObservableType>> = { 32: 'md5', 40: 'sha1', 64: 'sha256', 128: 'sha512' };

/** Lower-case hex; the algorithm follows from the length (MD5, SHA-1, SHA-256, SHA-512). */
export function normaliseHash(raw: string): Observable | null {
  const text = raw.trim().toLowerCase();
  if (!/^[0-9a-f]+$/.test(text)) return null;
  const type = HASH_BY_LENGTH[text.length];
  return type ? { type, value: text } : null;
}

/** The canonical value of an observable of a known type, or null when it is not a valid one. */
export function normaliseAs(type: ObservableType, raw: string): Observable | null {
  if (typeof raw !== 'string' || raw.length > MAX_VALUE_LENGTH * 2) return null;
  const make = (value: string | null): Observable | null => (value === null ? null : { type, value });
  switch (type) {
    case 'ipv4': return make(normaliseIpv4(refang(raw)));
    case 'ipv6': return make(normaliseIpv6(refang(raw)));
    case 'domain': return make(normaliseDomain(raw));
    case 'url': return make(normaliseUrl(raw));
    case 'email': return make(normaliseEmail(raw));
    default: {
      const hash = normaliseHash(raw);
      return hash && hash.type === type ? hash : null;
    }
  }
}

/** What a value typed into a search box is: an IP, a URL, an e-mail address, a hash or a domain. */
export function detectObservable(raw: string): Observable | null {
  if (typeof raw !== 'string' || raw.length > MAX_VALUE_LENGTH * 2) return null;
  // Full-width forms typed on a Japanese keyboard (１９２．０．２．１) are the same value as their ASCII forms.
  const text = refang(raw.normalize('NFKC'));
  const ip = normaliseAs('ipv4', text) ?? normaliseAs('ipv6', text);
  if (ip) return ip;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) return normaliseAs('url', text);
  if (text.includes('@')) return normaliseAs('email', text);
  return normaliseHash(text) ?? normaliseAs('domain', text);
}
