// Replacing accepted redactions by consistent tokens: the same person, address or host gets the same
// token throughout a report ([PERSON-1] for 田中, 田中さん and 田中 太郎 when that is the only 田中).
import { canonicalIpv4, canonicalIpv6, parseIpv4, parseIpv6 } from './ip.js';
import { fold } from './text.js';
import type { Redaction, Replacement } from './types.js';

const HONORIFIC = /(?:さん|さま|様|氏|君|くん|殿|先生|-san|-sama)$/i;

function valueKey(label: string, original: string): string {
  const v = fold(original).trim();
  switch (label) {
    case 'PERSON': return v.replace(HONORIFIC, '').replace(/^(?:mr|mrs|ms|miss|dr|prof)\.?\s+/i, '').replace(/[\s・]+/g, ' ').trim().toLowerCase();
    case 'PHONE': case 'CARD_NUMBER': case 'MY_NUMBER': return v.replace(/\D/g, '').replace(/^81/, '0');
    case 'INTERNAL_IP': case 'VICTIM_IP': {
      const four = parseIpv4(v);
      const six = four === undefined ? parseIpv6(v) : undefined;
      return four !== undefined ? canonicalIpv4(v) : six ? canonicalIpv6(six) : v.toLowerCase();
    }
    case 'VICTIM_ORG': return 'victim';
    case 'POSTAL_ADDRESS': case 'SECRET': return v.replace(/\s+/g, '');
    default: return v.toLowerCase();
  }
}

// A one-part person or a bare host name joins the only longer value that it starts (or, for Latin names, ends) with.
function aliasKey(label: string, key: string, keys: readonly string[]): string {
  if (label === 'PERSON') {
    const longer = keys.filter((k) => k !== key && (k.startsWith(key) || k.split(' ').includes(key)));
    return longer.length === 1 ? (longer[0] as string) : key;
  }
  if (label === 'INTERNAL_HOST' && !key.includes('.')) {
    const longer = keys.filter((k) => k.startsWith(`${key}.`));
    return longer.length === 1 ? (longer[0] as string) : key;
  }
  return key;
}

function normaliseSpans(text: string, redactions: readonly Redaction[]): Redaction[] {
  const sorted = redactions
    .map((r) => ({ start: Math.max(0, Math.floor(r.start)), end: Math.min(text.length, Math.floor(r.end)), label: r.label }))
    .filter((r) => r.end > r.start)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Redaction[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r.start < last.end) last.end = Math.max(last.end, r.end);
    else out.push({ ...r });
  }
  return out;
}

export function applyRedactions(text: string, redactions: readonly Redaction[]): { text: string; replacements: Replacement[] } {
  const spans = normaliseSpans(text, redactions);
  const keyed = spans.map((r) => ({ ...r, original: text.slice(r.start, r.end), key: valueKey(r.label, text.slice(r.start, r.end)) }));
  const tokens = new Map<string, string>();
  const counters = new Map<string, number>();
  const replacements: Replacement[] = [];
  for (const r of keyed) {
    const sameLabel = keyed.filter((k) => k.label === r.label).map((k) => k.key);
    const id = `${r.label}\u0000${aliasKey(r.label, r.key, sameLabel)}`;
    let token = tokens.get(id);
    if (token === undefined) {
      const n = (counters.get(r.label) ?? 0) + 1;
      counters.set(r.label, n);
      token = `[${r.label}-${n}]`;
      tokens.set(id, token);
    }
    replacements.push({ start: r.start, end: r.end, label: r.label, original: r.original, token });
  }
  let out = '';
  let at = 0;
  for (const r of replacements) {
    out += text.slice(at, r.start) + r.token;
    at = r.end;
  }
  return { text: out + text.slice(at), replacements };
}
