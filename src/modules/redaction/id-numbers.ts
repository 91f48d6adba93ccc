// Numbers that identify a person in context: patient, employee, staff, student and member numbers
// (患者番号, 社員番号, Employee ID, MRN …), passport numbers, and health-insurance numbers (保険者番号 with its
// check digit, the 記号・番号 of the insured). A ticket, order or version number has none of these words.
import { before, matches } from './text.js';
import type { Candidate } from './types.js';

const account = (start: number, end: number, reason: string): Candidate => ({ kind: 'sensitive', label: 'ACCOUNT', start, end, reason, priority: 1 });

const JA_KEY = String.raw`(?:患者(?:番号|ID|コード)|診察券(?:番号|No\.?)|カルテ(?:番号|No\.?|ID)|社員(?:番号|コード|ID|No\.?)|職員(?:番号|コード|ID|No\.?)|従業員(?:番号|コード|ID|No\.?)|教職員番号|学籍番号|学生(?:番号|証番号|ID)|生徒番号|会員(?:番号|ID|No\.?)|組合員番号|顧客(?:番号|ID|コード)|お客様(?:番号|ID)|利用者(?:番号|ID)|受給者(?:番号|証番号)|被保険者(?:番号|証番号)|保険証番号|ID番号|宛名番号|住民票コード|世帯番号|利用者識別番号|納税者番号|顧問先(?:番号|コード)|受験番号|教員(?:番号|ID)|教職員ID|(?:基礎)?年金番号|乗務員(?:番号|ID)|ドライバーID)`;
const EN_KEY = String.raw`(?:(?:employee|staff|student|member(?:ship)?|patient|customer|personnel|badge|payroll|driver|taxpayer|tax|pension|nhs|national[ _-]insurance|social[ _-]security)[ _-]?(?:id|no\.?|number|#|code)|ssn|badge(?=\s?#?\d)|mrn|medical[ _-]record[ _-]?(?:no\.?|number|#)?)`;
const VALUE = String.raw`([A-Za-z]{0,4}-?\d[A-Za-z0-9-]{1,18}|[A-Za-z]{1,4}\d{2,}[A-Za-z0-9-]{0,14})`;
const ID_RE = new RegExp(String.raw`(?:${JA_KEY}|(?<![A-Za-z])${EN_KEY}(?![A-Za-z]))\s?(?:[:：#=]|は|が|を|\(|（|\s)*\s?${VALUE}(?![A-Za-z0-9])`, 'dgi');

const PASSPORT_RE = /(?:旅券(?:番号)?|パスポート(?:番号|No\.?)?|(?<![A-Za-z])passport(?:\s?(?:no\.?|number|#))?)\s?(?:[:：#=]|は|\s)*\s?([A-Z]{1,2}\d{6,8}|\d{8,9}|[A-Z0-9]{2}\d{5,7}[A-Z0-9]?)(?![A-Za-z0-9])/dgi;

// 保険者番号: six (国保) or eight digits, the last a check digit (the Luhn scheme on the preceding digits).
const INSURER_RE = /保険者番号\s?(?:[:：]|は|\s)*\s?(\d{6}|\d{8})(?!\d)/dg;
const SYMBOL_NUMBER_RE = /記号\s?[:：]?\s?([0-9A-Za-z-]{1,10})\s?(?:[・,、/／]\s?)?番号\s?[:：]?\s?(\d{1,10})(?:\s?(?:[(（]\s?)?枝番\s?[:：]?\s?(\d{1,3}))?|記号[・･]番号\s?[:：]?\s?([0-9A-Za-z-]{1,10}\s?[・･,、/／-]\s?\d{1,10})/dg;
const INSURANCE_WORDS = /保険|被保険者|健保|国保|組合員証/;

export function shortLuhnOk(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 === 0;
}

function pushGroups(out: Candidate[], m: RegExpExecArray, groups: number[], reason: string): void {
  for (const g of groups) {
    const span = m.indices?.[g];
    if (span) out.push(account(span[0], span[1], reason));
  }
}

export function detectIdNumbers(text: string): Candidate[] {
  const out: Candidate[] = [];
  for (const m of matches(ID_RE, text)) {
    const value = m[1] as string;
    if ((value.match(/\d/g) ?? []).length >= 3) pushGroups(out, m, [1], 'id_number_context');
  }
  for (const m of matches(PASSPORT_RE, text)) pushGroups(out, m, [1], 'passport_number');
  for (const m of matches(INSURER_RE, text)) if (shortLuhnOk(m[1] as string)) pushGroups(out, m, [1], 'health_insurance_number');
  for (const m of matches(SYMBOL_NUMBER_RE, text)) {
    if (INSURANCE_WORDS.test(before(text, m.index, 60))) pushGroups(out, m, [1, 2, 3, 4], 'health_insurance_number');
  }
  return out;
}
