// Postal addresses. Japanese: 〒 and the seven-digit code, prefecture, municipalities (市区町村郡), town, 丁目・番地・号
// (digits, kanji numerals or hyphens; 条 and 東西南北 in Hokkaido, 通 and 上る/下る in Kyoto), building, floor and
// room; with or without 〒, with or without the prefecture. English: number, street and type, suite, city, state
// and ZIP (or a UK postcode), and Japanese addresses written in English (2-3-1 Minatomirai, Nishi-ku, Yokohama).
import { matches } from './text.js';
import type { Candidate } from './types.js';

const address = (start: number, end: number, reason: string): Candidate => ({ kind: 'sensitive', label: 'POSTAL_ADDRESS', start, end, reason });

const PREFECTURE = String.raw`(?:北海道|東京都|(?:京都|大阪)府|(?:青森|岩手|宮城|秋田|山形|福島|茨城|栃木|群馬|埼玉|千葉|神奈川|新潟|富山|石川|福井|山梨|長野|岐阜|静岡|愛知|三重|滋賀|兵庫|奈良|和歌山|鳥取|島根|岡山|広島|山口|徳島|香川|愛媛|高知|福岡|佐賀|長崎|熊本|大分|宮崎|鹿児島|沖縄)県)`;
const KANJI = String.raw`[\u3400-\u9fff々〆ヶケ]`;
const WORD = String.raw`[\u3400-\u9fff々〆ヶケ\u30a1-\u30fa\u30fc\u3041-\u3096]`;
// さいたま市, つくば市 and いわき市 start with kana; no municipality starts with a particle.
const PARTICLE = '[のにはでをがへともやか]';
// Inside a municipality's name no particle either (住所は大阪府… is not a city called 住所は大阪府堺市).
const MUNI_CHAR = String.raw`(?:(?![のにはでをがへともやか])${WORD})`;
const MUNI = String.raw`(?:${MUNI_CHAR}{1,7}?[市区郡町村][ \t]?)`;
// A town name: never starting with a particle (港区の…, 市内で…).
const TOWN = String.raw`(?:(?!${PARTICLE})${WORD}{1,14}?[ \t]?)`;
const N = String.raw`(?:\d{1,5}|[一二三四五六七八九十〇百千]{1,4})`;
// 丁 alone in Sakai (梅町3丁39番地), 条通 in Asahikawa (4条通9丁目).
const UNIT = String.raw`(?:丁目|丁|番地|番|号|条(?:通|[東西南北])?|線|地割)`;
const BLOCKS = String.raw`${N}(?:${UNIT}の?|[-の](?=\d))(?:${N}(?:${UNIT}の?|[-の](?=\d))?){0,5}`;
const BUILDING_SUFFIX = String.raw`(?:ビル(?:ディング)?|マンション|ハイツ|タワー|コーポ|レジデンス|荘|棟|館|センター|プラザ|ヒルズ|ハウス|アパート|Bldg\.?|Building)`;
// A room written as a bare number after the building's name (メゾン平岸 203) ends the address.
const FLOOR_ROOM = String.raw`(?:[ \t]?(?:地下)?\d{1,3}(?:階|F)|[ \t]?B\d{1,2}F|[ \t]?\d{1,5}号室?|[ \t]?[#-]\d{1,5}|[ \t]?\d{3,4}(?=$|[\s、。，,）)」]))`;
// A building is named by its suffix (芝パークビル, クイーンズタワーA) or by the floor or room that follows it.
// A building's name may hold two suffix words (六本木ヒルズ森タワー).
const BUILDING = String.raw`(?:[ \t]?(?!${PARTICLE})[\u3400-\u9fff々ヶ\u30a1-\u30fa\u30fc\u3041-\u3096A-Za-z0-9・]{1,20}?(?:${BUILDING_SUFFIX}[A-Z]?(?:[\u3400-\u9fff々ヶ\u30a1-\u30fa\u30fc]{1,8}?${BUILDING_SUFFIX}[A-Z]?)?(?:[ \t]?${N}号館)?|(?=${FLOOR_ROOM})))`;
const TAIL = String.raw`(?:${BUILDING}?(?:${FLOOR_ROOM}){0,2})`;
const POSTCODE = String.raw`(?:〒[ \t]?\d{3}-?\d{4}|(?<![\d-])\d{3}-\d{4}(?=[ \t]?${PREFECTURE}|[ \t]?${MUNI}))`;
// After a postcode the town may stand without a block number (〒105-0011 東京都港区芝公園).
const JA_RE = new RegExp(String.raw`${POSTCODE}[ \t]?(?:${PREFECTURE}[ \t]?)?${MUNI}{1,3}(?:${TOWN}?${BLOCKS}${TAIL}|[\u3400-\u9fff々ヶケ\u30a1-\u30fa\u30fc]{0,14})|(?:${POSTCODE}[ \t]?)?(?:${PREFECTURE}[ \t]?${MUNI}{0,3}(?:${TOWN}?${BLOCKS}${TAIL})?|(?<!${KANJI})${MUNI}{1,3}${TOWN}?${BLOCKS}${TAIL})|〒[ \t]?\d{3}-?\d{4}`, 'g');

const STREET_TYPE = String.raw`(?:Street|St\.?|Avenue|Ave\.?|Road|Rd\.?|Boulevard|Blvd\.?|Lane|Ln\.?|Drive|Dr\.?|Way|Parkway|Pkwy\.?|Court|Ct\.?|Place|Pl\.?|Terrace|Highway|Hwy\.?|Square|Sq\.?|Circle|Trail|Plaza|Crescent|Close|Row|Gardens)`;
const UNIT_EN = String.raw`(?:,?[ \t](?:Suite|Ste\.?|Unit|Apt\.?|Apartment|Level|Flat|Floor|Fl\.?|Room|Rm\.?|#)[ \t]?[A-Z0-9-]{1,6}|,?[ \t]\d{1,3}(?:st|nd|rd|th)[ \t]Floor)`;
const CITY = String.raw`(?:[A-Z][a-z]+(?:[ \t][A-Z][a-z]+){0,2})`;
const REGION = String.raw`(?:,?[ \t](?:[A-Z]{2,3}[ \t]\d{4,5}(?:-\d{4})?|[A-Z][a-z]+(?:[ \t][A-Z][a-z]+)?[ \t]\d{5}(?:-\d{4})?|[A-Z]{1,2}\d[A-Z\d]?[ \t]\d[A-Z]{2}|\d{4,5}(?:-\d{4})?))`;
const COUNTRY = String.raw`(?:,?[ \t](?:USA|U\.S\.A\.|United States|UK|United Kingdom|Japan|Canada|Australia|Hong Kong|Singapore|Thailand|Vietnam|Malaysia|Philippines|Indonesia|Taiwan|China|Korea|India|Germany|France|Netherlands|Ireland|New Zealand))`;
// A unit or floor may come first (Suite 400, 350 Fifth Avenue; Level 12, 1 Market St).
const UNIT_FIRST = String.raw`(?:(?:Suite|Ste\.?|Unit|Apt\.?|Level|Floor|Room|Rm\.?|Flat)[ \t][A-Z0-9-]{1,6},[ \t]|\d{1,2}F,[ \t])?`;
const EN_STREET_RE = new RegExp(String.raw`(?<![\w.-])${UNIT_FIRST}\d{1,6}[A-Z]?[ \t](?:[NSEW]\.?[ \t])?(?:[A-Z][a-z]+\.?|\d{1,3}(?:st|nd|rd|th))(?:[ \t][A-Z][a-z]+\.?){0,3}[ \t]${STREET_TYPE}(?![A-Za-z])(?:[ \t](?:NE|NW|SE|SW|N|S|E|W)\b)?${UNIT_EN}?(?:,[ \t]${CITY}${REGION}?${COUNTRY}?|[ \t]${CITY}${REGION}${COUNTRY}?)?`, 'g');
const PO_BOX_RE = /(?<![\w.-])P\.?[ \t]?O\.?[ \t]?Box[ \t]\d{1,6}(?:,[ \t][A-Z][a-z]+(?:[ \t][A-Z][a-z]+){0,2}(?:,?[ \t][A-Z]{2}[ \t]\d{5}(?:-\d{4})?)?)?/g;
// Japanese addresses in English: building and floor, block numbers, then town, ward or city words (-ku, -shi,
// -cho, -machi, -gun), prefecture, postcode.
const EN_JA_BUILDING = String.raw`(?:(?:\d{1,2}F,?[ \t])?(?:[A-Z][A-Za-z]+(?:-[A-Za-z]+)*[ \t]){1,4}(?:Bldg\.?|Building|Tower|Plaza|Hills|Center|Centre|Mansion|Heights)[ \t]?(?:[A-Z][ \t])?(?:\d{1,2}F|\d{1,2}(?:st|nd|rd|th)[ \t]Floor|Room[ \t]\d{1,5}|#\d{1,5})?,?[ \t]|(?:\d{1,2}F|Room[ \t]\d{1,5}|#\d{1,5}),[ \t])?`;
const EN_JA_WORD = String.raw`[A-Z][a-z]+(?:-[A-Za-z]+)*`;
const WS = String.raw`(?:[ \t]+|[ \t]*\n[ \t]*)`;
// Block numbers as map services write them: 2-21-1, or 2 Chome-21-1.
const EN_JA_RE = new RegExp(String.raw`(?<![\w-])${EN_JA_BUILDING}(?:\d{1,5}(?:-\d{1,4}){1,3}|\d{1,2}[ -]?[Cc]home(?:-\d{1,4}){1,2}),?${WS}(?:${EN_JA_WORD},?${WS}){1,5}(?:Tokyo|Osaka|Kyoto|Hokkaido|Japan|[A-Z][a-z]+-(?:ku|shi|ken|fu|to|cho|machi|gun))(?:,?[ \t]+(?:${EN_JA_WORD}|\d{3}-\d{4}|Japan))*(?:,?[ \t]+\d{3}-\d{4})?`, 'g');
// Other countries (a Thai plant): house number, words and numbers with at least one address word or a country,
// ending in a five-digit postcode (99/9 Moo 4, Bang Sao Thong, Samut Prakan 10570, Thailand).
const INTL_RE = /(?<![\w/-])\d{1,5}(?:\/\d{1,5})?,?[ \t](?:(?:[A-Z][A-Za-z'.-]*|\d{1,4}|Km\.?)[,.]?[ \t]){1,14}\d{5}(?![\d-])(?:,?[ \t](?:Thailand|Vietnam|Viet Nam|Malaysia|Singapore|Indonesia|Philippines|China|Taiwan|Korea|India|Germany|France|Netherlands|Mexico|Brazil|Japan|USA))?/g;
const INTL_WORDS = /\b(?:Moo|Soi|Road|Rd|Street|St|Thanon|Tambon|Amphoe|Khet|Khwaeng|District|Sub-?district|Province|Village|Industrial|Estate|Thailand|Vietnam|Viet Nam|Malaysia|Singapore|Indonesia|Philippines)\b/;
// A US address ends in its state and ZIP code: the street needs no street word then (1250 Broadway, 1 Infinite Loop).
const US_STATE = 'AL|AK|AZ|AR|CA|CO|CT|DE|DC|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY';
const US_RE = new RegExp(String.raw`(?<![\w.-])${UNIT_FIRST}\d{1,6}[A-Z]?(?:[ \t][A-Z0-9][A-Za-z0-9.'-]*){1,5}${UNIT_EN}?,[ \t](?:[A-Z][a-z]+[ \t]?){1,3},[ \t](?:${US_STATE})[ \t]\d{5}(?:-\d{4})?(?:,?[ \t](?:USA|U\.S\.A\.|United States))?(?![\w-])`, 'g');
// Continental Europe: number and street word first (12 rue de la Paix, 75002 Paris) or street then number
// (Hauptstraße 5, 10115 Berlin), then postcode and city.
const EU_RE = /(?<![\w.-])(?:\d{1,4}(?:bis|ter)?,?[ \t](?:rue|avenue|av\.|boulevard|bd|place|chemin|allée|quai|via|viale|piazza|corso|calle|avenida|rua|paseo)[ \t][^,\n]{2,40}|[A-ZÄÖÜ][a-zäöüß]+(?:straße|strasse|weg|allee|platz|gasse|ring|damm|ufer)[ \t]\d{1,4}[a-z]?),[ \t]\d{4,5}[ \t][A-ZÄÖÜ][A-Za-zäöüéè-]+(?:,[ \t](?:France|Italy|Spain|Germany|Deutschland|Portugal|Belgium|Switzerland|Austria|Netherlands))?/g;
// A UK address ends in its postcode: a unit or house number, street or estate words, the town (Unit 7, Brookfield
// Trading Estate, Leeds LS11 5PN). The postcode shape is specific enough to carry the words before it.
const UK_RE = /(?<![\w-])(?:(?:Unit|Flat|Suite|Apartment|Apt\.?)[ \t][0-9A-Z]{1,5},?[ \t])?(?:\d{1,4}[A-Z]?,?[ \t])?(?:[A-Z][a-z'’]+[ \t]){0,4}[A-Z][a-z'’]+,[ \t](?:[A-Z][a-z'’]+(?:[ \t][A-Z][a-z'’]+)?,[ \t])?[A-Z][a-z]+(?:[ \t-][A-Z][a-z]+)?,?[ \t][A-Z]{1,2}\d[A-Z\d]?[ \t]\d[A-Z]{2}(?![A-Za-z0-9])/g;
const ZIP_CONTEXT_RE = /(?:郵便番号|postal code|zip(?: code)?)[\s:：]*(\d{3}-\d{4})(?!\d)/dgi;

export function detectAddresses(text: string): Candidate[] {
  const out: Candidate[] = [];
  for (const m of matches(JA_RE, text)) {
    const raw = m[0].replace(/\s+$/, '');
    const reason = /^(?:〒\s?)?\d{3}-?\d{4}$/.test(raw) ? 'postal_code' : 'postal_address_ja';
    // A prefecture alone, or a prefecture and a city, is a region, not an address.
    if (reason === 'postal_address_ja' && !/\d|[一二三四五六七八九十]+(?:丁目|番|号)/.test(raw)) continue;
    out.push(address(m.index, m.index + raw.length, reason));
  }
  for (const re of [EN_STREET_RE, PO_BOX_RE, EN_JA_RE, US_RE, EU_RE]) {
    for (const m of matches(re, text)) out.push(address(m.index, m.index + m[0].replace(/[,\s]+$/, '').length, 'postal_address_en'));
  }
  for (const m of matches(UK_RE, text)) if (/\d.*\s[A-Z]{1,2}\d/.test(m[0])) out.push(address(m.index, m.index + m[0].length, 'postal_address_en'));
  for (const m of matches(INTL_RE, text)) {
    if (INTL_WORDS.test(m[0])) out.push(address(m.index, m.index + m[0].replace(/[,\s]+$/, '').length, 'postal_address_en'));
  }
  for (const m of matches(ZIP_CONTEXT_RE, text)) {
    const span = m.indices?.[1];
    if (span) out.push(address(span[0], span[1], 'postal_code'));
  }
  return out.map((c) => acrossLines(text, c, out));
}

// An address block spans lines: 〒 on one line and the address on the next, the building on its own line, the
// city and postcode (or the country) under the street. The lines that continue it join it.
const COUNTRY_LINE = /^(?:Japan|JAPAN|USA|U\.S\.A\.|United States(?: of America)?|United Kingdom|UK|Thailand|THAILAND|Vietnam|Singapore|Malaysia|Australia|Canada|日本)$/;
const CITY_LINE = /^(?:[A-Z][A-Za-z]+(?:-[A-Za-z]+)*,?\s){1,4}(?:[A-Z]{2,3}\s)?\d{3,5}(?:-\d{3,4})?(?:,?\s[A-Z][A-Za-z]+(?:\s[A-Z][a-z]+)*)?$|^[A-Z]{1,2}\d[A-Z\d]?\s\d[A-Z]{2}$/;
// A line of its own that names only a building, a floor or a room (芝パークビル 5階, 502号室, Shiba Park Bldg. 5F).
const FLOOR_ROOM_STRICT = String.raw`(?:[ \t]?(?:地下)?\d{1,3}(?:階|F)|[ \t]?B\d{1,2}F|[ \t]?\d{1,5}号室)`;
const BUILDING_LINE = new RegExp(String.raw`^(?:[\u3400-\u9fff々ヶ\u30a1-\u30fa\u30fc\u3041-\u3096A-Za-z0-9・ ]{1,20}?${BUILDING_SUFFIX}[A-Z]?(?:[ \t]?${N}号館)?${FLOOR_ROOM_STRICT}{0,2}|${FLOOR_ROOM_STRICT}{1,2}|(?:[A-Z][A-Za-z.]+\s){0,4}(?:Bldg\.?|Building|Tower|Plaza|Hills|Center|Centre|Mansion|Heights)(?:\s[A-Z])?(?:,?\s(?:\d{1,2}F|\d{1,2}(?:st|nd|rd|th)\sFloor|Room\s\d{1,5}))?,?|(?:Suite|Ste\.?|Unit|Apt\.?|Level|Floor|Room|Flat)\s[A-Z0-9-]{1,6},?)$`);

function continues(line: string, starts: boolean): boolean {
  const l = line.trim();
  return l.length > 0 && (starts || COUNTRY_LINE.test(l) || CITY_LINE.test(l) || BUILDING_LINE.test(l));
}

function acrossLines(text: string, c: Candidate, all: Candidate[]): Candidate {
  let { start, end } = c;
  for (;;) {
    const next = /^[ \t]*\r?\n([^\n]*)/.exec(text.slice(end));
    if (!next) break;
    const lineStart = end + next[0].length - (next[1] as string).length;
    const starts = all.some((o) => o !== c && o.start >= lineStart && o.start <= lineStart + (next[1] as string).search(/\S|$/));
    if (!continues(next[1] as string, starts)) break;
    const other = all.find((o) => o !== c && o.start >= lineStart && o.start < lineStart + (next[1] as string).length);
    end = Math.max(other?.end ?? 0, lineStart + (next[1] as string).replace(/\s+$/, '').length);
  }
  const lineBegin = text.lastIndexOf('\n', start - 1) + 1;
  if (/^\s*$/.test(text.slice(lineBegin, start)) && lineBegin > 0) {
    const prevBegin = text.lastIndexOf('\n', lineBegin - 2) + 1;
    const prev = text.slice(prevBegin, lineBegin - 1);
    if (BUILDING_LINE.test(prev.trim())) start = prevBegin + prev.search(/\S/);
  }
  return { ...c, start, end };
}
