// Numbers with check digits: My Number (個人番号, 12 digits) and payment card numbers (Luhn).
import { digitsOf, matches } from './text.js';
import type { Candidate } from './types.js';

const MY_NUMBER_RE = /(?<![\d-])\d{4}[ -]?\d{4}[ -]?\d{4}(?![\d]|-\d)/g;
const CARD_RE = /(?<![\d-])(?:\d{4}[ -]\d{4}[ -]\d{4}[ -]\d{1,7}|\d{4}[ -]\d{6}[ -]\d{5}|\d{13,19})(?![\d]|-\d)/g;

// Check digit of the Individual Number (総務省令): weights 2..7,2..6 from the right of the first 11 digits.
export function myNumberCheckDigitOk(digits: string): boolean {
  if (!/^\d{12}$/.test(digits)) return false;
  let sum = 0;
  for (let n = 1; n <= 11; n++) {
    const p = Number(digits[11 - n]);
    const q = n <= 6 ? n + 1 : n - 5;
    sum += p * q;
  }
  const r = sum % 11;
  const check = r <= 1 ? 0 : 11 - r;
  return check === Number(digits[11]);
}

export function luhnOk(digits: string): boolean {
  if (!/^\d{12,19}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

// Digits inside an IBAN-shaped run (DE89 3704 0044 0532 …) are part of it, valid or not: not a My Number or card.
const insideIbanLike = (text: string, start: number): boolean => /[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4})* ?$/.test(text.slice(Math.max(0, start - 40), start));
// Order, invoice, tracking and ticket numbers can pass Luhn by chance (one in ten).
const NOT_CARD_CONTEXT = /(?:order|invoice|tracking|ticket|reference|ref\.?|serial|受注|注文|発注|伝票|請求書|問い?合わせ|受付|追跡|チケット|シリアル)(?:\s?(?:no\.?|number|#|id|番号|ID))?\s?[:：#]?\s?$/i;

export function detectMyNumbers(text: string): Candidate[] {
  const out: Candidate[] = [];
  for (const m of matches(MY_NUMBER_RE, text)) {
    const sep = m[0].replace(/\d/g, '');
    if (sep.length === 1 || (sep.length === 2 && sep[0] !== sep[1])) continue;
    if (insideIbanLike(text, m.index)) continue;
    if (myNumberCheckDigitOk(digitsOf(m[0]))) out.push({ kind: 'sensitive', label: 'MY_NUMBER', start: m.index, end: m.index + m[0].length, reason: 'my_number_check_digit' });
  }
  return out;
}

export function detectCards(text: string): Candidate[] {
  const out: Candidate[] = [];
  for (const m of matches(CARD_RE, text)) {
    const digits = digitsOf(m[0]);
    if (digits.length < 13 || !luhnOk(digits) || /^0/.test(digits) || insideIbanLike(text, m.index)) continue;
    if (NOT_CARD_CONTEXT.test(text.slice(Math.max(0, m.index - 24), m.index))) continue;
    out.push({ kind: 'sensitive', label: 'CARD_NUMBER', start: m.index, end: m.index + m[0].length, reason: 'luhn_valid_card' });
  }
  return out;
}
