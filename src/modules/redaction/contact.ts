// Telephone numbers (Japanese and international, full-width digits folded) and postal addresses.
import { before, digitsOf, matches } from './text.js';
import type { Candidate } from './types.js';

const sensitive = (label: 'PHONE' | 'POSTAL_ADDRESS', start: number, end: number, reason: string): Candidate =>
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

const PREFECTURES = `北海道 青森県 岩手県 宮城県 秋田県 山形県 福島県 茨城県 栃木県 群馬県 埼玉県 千葉県 東京都 神奈川県 新潟県 富山県 石川県
福井県 山梨県 長野県 岐阜県 静岡県 愛知県 三重県 滋賀県 京都府 大阪府 兵庫県 奈良県 和歌山県 鳥取県 島根県 岡山県 広島県 山口県
徳島県 香川県 愛媛県 高知県 福岡県 佐賀県 長崎県 熊本県 大分県 宮崎県 鹿児島県 沖縄県`.split(/\s+/);

const NAME = String.raw`[\u3400-\u9fff々ヶケがのノ\u30a1-\u30fa\u30fcぁ-ゖ]`;
const BLOCK = String.raw`\d+(?:(?:丁目|番地?|号|-|の)\d+){0,3}(?:番地?|号)?`;
const BUILDING = String.raw`(?:\s?[\u3400-\u9fff\u30a1-\u30fa\u30fcA-Za-z]{1,20}(?:ビル|マンション|ハイツ|タワー|コーポ|荘|棟|館|Bldg\.?|Building)(?:\s?\d+(?:階|F|号室))?|\s?[\u3400-\u9fff\u30a1-\u30fa\u30fcA-Za-z]{0,20}\d+(?:階|F|号室))?`;
const MUNI_NAME = String.raw`[\u3400-\u9fff々ヶケがの\u30a1-\u30fa\u30fc]`;
const MUNICIPALITY = String.raw`${MUNI_NAME}{1,8}?[市区町村郡]`;
const JA_ADDRESS = String.raw`(?:(?:${PREFECTURES.join('|')})${MUNICIPALITY}(?:${NAME}{1,10}?[市区町村])?|(?<![\u3400-\u9fff々])${MUNICIPALITY}${NAME}{0,8}?(?=\d+(?:丁目|番|-)))${NAME}{0,12}?${BLOCK}${BUILDING}`;
const POSTAL_RE = new RegExp(String.raw`(?:〒\s?\d{3}-\d{4}(?:\s?${JA_ADDRESS})?|(?<!\d)\d{3}-\d{4}\s?${JA_ADDRESS}|${JA_ADDRESS})`, 'g');
const EN_ADDRESS_RE = /(?<![\w-])\d{1,5}(?:-\d{1,4}){0,3},?\s+(?:[A-Z][a-z]+(?:-(?:ku|shi|cho|machi|gun))?,?\s+){1,5}(?:Street|St\.|Avenue|Ave\.|Road|Rd\.|Boulevard|Blvd\.|Lane|Drive|Dr\.|Way|Tokyo|Osaka|Kyoto|Japan|[A-Z][a-z]+-(?:ku|shi|ken))(?:,?\s+(?:[A-Z][a-z]+(?:-(?:ku|shi|ken))?|\d{3}-\d{4}|Japan))*(?:,?\s+\d{3}-\d{4})?/g;
const ZIP_CONTEXT_RE = /(?:郵便番号|postal code|zip(?: code)?)[\s:：]*(\d{3}-\d{4})(?!\d)/dgi;

export function detectAddresses(text: string): Candidate[] {
  const out: Candidate[] = [];
  for (const m of matches(POSTAL_RE, text)) {
    const reason = /^〒|^\d/.test(m[0]) && m[0].length <= 10 ? 'postal_code' : 'postal_address_ja';
    out.push(sensitive('POSTAL_ADDRESS', m.index, m.index + m[0].replace(/\s+$/, '').length, reason));
  }
  for (const m of matches(EN_ADDRESS_RE, text)) out.push(sensitive('POSTAL_ADDRESS', m.index, m.index + m[0].length, 'postal_address_en'));
  for (const m of matches(ZIP_CONTEXT_RE, text)) {
    const span = m.indices?.[1];
    if (span) out.push(sensitive('POSTAL_ADDRESS', span[0], span[1], 'postal_code'));
  }
  return out;
}
