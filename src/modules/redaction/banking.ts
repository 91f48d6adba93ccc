// Bank accounts: IBANs (checksum by ibantools; one that fails is not an IBAN), Japanese accounts (bank, branch,
// 普通/当座/貯蓄 and seven digits), ゆうちょ 記号番号, and the katakana name of a private account holder.
// BICs (SWIFT codes) identify banks, not people: like bank and branch names they are not proposed.
import { isValidIBAN } from 'ibantools';
import { before, matches } from './text.js';
import type { Candidate } from './types.js';

const account = (start: number, end: number, reason: string): Candidate => ({ kind: 'sensitive', label: 'ACCOUNT', start, end, reason, priority: 2 });

const IBAN_RE = /(?<![A-Za-z0-9])[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?(?![A-Za-z0-9])/g;

// The longest valid IBAN the match starts with, cut at a group boundary (a following word may look like a group).
function validIbanLength(raw: string): number {
  const ends = [raw.length, ...[...raw.matchAll(/ /g)].map((m) => m.index).reverse()];
  return ends.find((end) => end >= 15 && isValidIBAN(raw.slice(0, end).replace(/ /g, ''))) ?? 0;
}

export function detectIbans(text: string): Candidate[] {
  const out: Candidate[] = [];
  for (const m of matches(IBAN_RE, text)) {
    const length = validIbanLength(m[0]);
    if (length > 0) out.push(account(m.index, m.index + length, 'iban_checksum'));
  }
  return out;
}

const BANK = String.raw`(?:[\u3400-\u9fff\u30a1-\u30fa\u30fcA-Za-z]{1,12}(?:銀行|信用金庫|信金|信用組合|信組|労働金庫|労金|農業協同組合|農協)|JAバンク)`;
const BRANCH = String.raw`(?:[\u3400-\u9fff\u30a1-\u30fa\u30fc\u3041-\u3096A-Za-z0-9]{1,12}?(?:支店|営業部|出張所|支所|本店)(?:\s?[(（]\d{3}[)）])?)`;
const TYPE = String.raw`(?:普通|当座|貯蓄)(?:預金)?`;
const SEP = String.raw`[\s、,・/／:：]*`;
const JA_ACCOUNT_RE = new RegExp(String.raw`${BANK}${SEP}(?:${BRANCH}${SEP})?(?:店番(?:号)?${SEP}\d{3}${SEP})?${TYPE}${SEP}(?:口座)?(?:番号)?${SEP}(\d{7})(?!\d)`, 'dg');
const TYPE_ONLY_RE = new RegExp(String.raw`${TYPE}${SEP}(?:口座)?(?:番号)?${SEP}(\d{7})(?!\d)`, 'dg');
const BANK_WORDS = /銀行|信用金庫|信金|信組|労金|農協|支店|振込|振り込|口座|送金|bank/i;

// ゆうちょ銀行: 記号 (five digits, starting with 1) and 番号 (up to eight digits), e.g. 12345-1234567(1).
const YUCHO_RE = /(?<!\d)(1\d{4})(?:-|\s?番号[:：]?\s?|\s)(\d{5,8})(?:[(（]\d[)）])?(?!\d)/g;
const YUCHO_WORDS = /ゆうちょ|郵便局|郵便貯金|振替|記号/;

// 口座名義 ヤマダ タロウ: the holder of a private account (not カ）… or ｶ) …, a company).
const HOLDER_RE = /(?:口座名義(?:人)?|名義人?|受取人(?:名)?|受取人口座名)\s?[:：]?\s?((?:[\u30a1-\u30fa\u30fc\uff66-\uff9f]+[\s\u3000]?){1,3})/dg;
const COMPANY_KANA = /^(?:カ[)）]|ｶ[)）]|[(（]カ[)）]|[(（]ｶ[)）]|ユ[)）]|ﾕ[)）]|カブシキ|ｶﾌﾞｼｷ|ユウゲン|ｲﾘﾖｳ|イリョウ)/;

export function detectJapaneseBankAccounts(text: string): Candidate[] {
  const out: Candidate[] = [];
  for (const m of matches(JA_ACCOUNT_RE, text)) {
    const span = m.indices?.[1];
    if (span) out.push(account(span[0], span[1], 'bank_account_ja'));
  }
  for (const m of matches(TYPE_ONLY_RE, text)) {
    const span = m.indices?.[1];
    if (span && BANK_WORDS.test(before(text, m.index, 80))) out.push(account(span[0], span[1], 'bank_account_ja'));
  }
  for (const m of matches(YUCHO_RE, text)) {
    if (YUCHO_WORDS.test(before(text, m.index, 40))) out.push(account(m.index, m.index + m[0].length, 'bank_account_ja'));
  }
  for (const m of matches(HOLDER_RE, text)) {
    const span = m.indices?.[1];
    if (!span) continue;
    const name = text.slice(span[0], span[1]).replace(/[\s\u3000]+$/, '');
    if (name.length >= 2 && !COMPANY_KANA.test(name)) out.push({ kind: 'sensitive', label: 'PERSON', start: span[0], end: span[0] + name.length, reason: 'bank_account_holder' });
  }
  return out;
}
