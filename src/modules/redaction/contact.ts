// Telephone numbers (Japanese and international, full-width digits folded); postal addresses are address.ts's.
import { before, digitsOf, matches } from './text.js';
import type { Candidate } from './types.js';

// Postal addresses live in address.ts; re-exported so that callers keep one import for contact details.
export { detectAddresses } from './address.js';

const sensitive = (label: 'PHONE', start: number, end: number, reason: string): Candidate =>
  ({ kind: 'sensitive', label, start, end, reason });

const SEP = String.raw`[-\s.]?`;
const PHONE_RE = new RegExp(String.raw`(?<![\d\w.+-])(?:\+\d{1,3}${SEP}(?:\(0\))?\(?\d{1,4}\)?${SEP}\d{1,4}${SEP}\d{2,4}(?:${SEP}\d{2,4})?|\(0\d{1,4}\)\s?\d{1,4}-\d{3,4}|0\d{1,4}\(\d{1,4}\)\d{3,4}|0\d{1,4}-\d{1,4}-\d{3,4}|0\d{1,4} \d{1,4} \d{3,4}|0\d{9,10})(?![\d.]*\d|-\d)`, 'g');
const EXTENSION_RE = /(?:内線|ext\.?|extension)\s?[:：]?\s?(\d{2,5})(?!\d)/dgi;
const PHONE_WORDS = /(?:電話|tel|phone|携帯|内線|連絡先|call|mobile|cell|fax|代表|番号|ダイヤル|dial|ph\.)[\s:：.]*$/i;

function phoneDigitsOk(raw: string): boolean {
  const d = digitsOf(raw);
  if (raw.startsWith('+')) return d.length >= 8 && d.length <= 15;
  return d.length === 10 || d.length === 11;
}

export function detectPhones(text: string): Candidate[] {
  const out: Candidate[] = [];
  for (const m of matches(PHONE_RE, text)) {
    const raw = m[0];
    if (!phoneDigitsOk(raw)) continue;
    const grouped = /[-\s.()]/.test(raw) || raw.startsWith('+');
    // An ungrouped run of digits is a phone number only after a telephone word (it could be an account number).
    if (!grouped && !PHONE_WORDS.test(before(text, m.index, 12))) continue;
    out.push(sensitive('PHONE', m.index, m.index + raw.length, grouped ? 'phone_pattern' : 'phone_context'));
  }
  for (const m of matches(EXTENSION_RE, text)) {
    const span = m.indices?.[1];
    if (span) out.push(sensitive('PHONE', span[0], span[1], 'phone_context'));
  }
  return out;
}
