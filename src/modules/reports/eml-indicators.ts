// Candidate indicators from an e-mail (.eml): sender addresses, the public IPs of Received hops,
// the Message-ID domain and URLs in the body. Candidates for the coordinator, not verdicts. Pure.
import { isIP } from 'node:net';
import { AppError } from '../../errors.js';

export interface CandidateIndicator {
  type: 'email-addr' | 'ipv4-addr' | 'ipv6-addr' | 'domain-name' | 'url';
  value: string;
  source: string; // which header or "body"
}

const MAX_URLS = 200;

/** Splits an RFC 5322 message into unfolded headers and the body; throws when there is no header block. */
export function parseHeaders(text: string): { headers: Array<[string, string]>; body: string } {
  const normalised = text.replace(/\r\n/g, '\n');
  const split = normalised.indexOf('\n\n');
  const head = split === -1 ? normalised : normalised.slice(0, split);
  const body = split === -1 ? '' : normalised.slice(split + 2);
  const headers: Array<[string, string]> = [];
  for (const line of head.split('\n')) {
    if (/^[ \t]/.test(line) && headers.length > 0) {
      const last = headers[headers.length - 1] as [string, string];
      last[1] += ` ${line.trim()}`;
      continue;
    }
    const match = /^([!-9;-~]+):\s*(.*)$/.exec(line);
    if (!match) throw new AppError('attachment_invalid', { detail: 'eml' });
    headers.push([(match[1] as string).toLowerCase(), match[2] as string]);
  }
  const names = new Set(headers.map(([name]) => name));
  if (!names.has('from') && !names.has('received') && !names.has('message-id')) throw new AppError('attachment_invalid', { detail: 'eml' });
  return { headers, body };
}

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
const IPV4 = /\b(?:\d{1,3}\.){3}\d{1,3}\b/g;
const IPV6_BRACKETED = /\[(?:IPv6:)?([0-9A-Fa-f:.]+)\]/g;
const URL_PATTERN = /\bhttps?:\/\/[^\s<>"'()]+/gi;

/** Private, loopback, link-local, documentation-free check: only public addresses are indicators. */
export function isPublicIp(ip: string): boolean {
  const version = isIP(ip);
  if (version === 4) {
    const [a = 0, b = 0] = ip.split('.').map(Number);
    if (ip.split('.').some((p) => Number(p) > 255)) return false;
    return !(a === 10 || a === 127 || a === 0 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168)
      || (a === 169 && b === 254) || (a === 100 && b >= 64 && b <= 127) || a >= 224);
  }
  if (version === 6) {
    const lower = ip.toLowerCase();
    return !(lower === '::1' || lower === '::' || lower.startsWith('fe80') || lower.startsWith('fc') || lower.startsWith('fd'));
  }
  return false;
}

export function emlIndicators(text: string): CandidateIndicator[] {
  const { headers, body } = parseHeaders(text);
  const found = new Map<string, CandidateIndicator>();
  const add = (indicator: CandidateIndicator) => {
    const key = `${indicator.type}|${indicator.value}`;
    if (!found.has(key)) found.set(key, indicator);
  };
  for (const [name, value] of headers) {
    if (name === 'from' || name === 'reply-to' || name === 'return-path' || name === 'sender') {
      for (const address of value.match(EMAIL) ?? []) add({ type: 'email-addr', value: address.toLowerCase(), source: name });
    }
    if (name === 'received') {
      for (const ip of value.match(IPV4) ?? []) if (isPublicIp(ip)) add({ type: 'ipv4-addr', value: ip, source: name });
      for (const m of value.matchAll(IPV6_BRACKETED)) {
        const ip = m[1] as string;
        if (isIP(ip) === 6 && isPublicIp(ip)) add({ type: 'ipv6-addr', value: ip.toLowerCase(), source: name });
      }
    }
    if (name === 'message-id') {
      const domain = /@([A-Za-z0-9.-]+\.[A-Za-z]{2,})/.exec(value)?.[1];
      if (domain) add({ type: 'domain-name', value: domain.toLowerCase(), source: name });
    }
  }
  let urls = 0;
  for (const url of body.replace(/=\n/g, '').match(URL_PATTERN) ?? []) {
    if (urls++ >= MAX_URLS) break;
    add({ type: 'url', value: url.replace(/[.,;:!?]+$/, ''), source: 'body' });
  }
  return [...found.values()];
}
