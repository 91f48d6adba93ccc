// The member's own name and aliases (with or without legal-form words, any case, flexible spacing).
import { escapeRegExp, isAsciiWord, matches } from './text.js';
import type { Candidate, OrgProfile } from './types.js';

const LEGAL_WORDS_JA = String.raw`株式会社|有限会社|合同会社|合資会社|一般社団法人|公益社団法人|一般財団法人|公益財団法人|社会福祉法人|社会医療法人|医療法人(?:社団|財団)?|学校法人|宗教法人|特定非営利活動法人|NPO法人|独立行政法人|地方独立行政法人|国立大学法人|公立大学法人|税理士法人|弁護士法人|司法書士法人|行政書士法人|社会保険労務士法人|監査法人|\(株\)|（株）|㈱|\(有\)|（有）|㈲|\(医\)|（医）`;
const LEGAL_FORMS = new RegExp(String.raw`^(?:${LEGAL_WORDS_JA})\s*|\s*(?:株式会社|有限会社|合同会社|\(株\)|（株）|㈱|\(有\)|（有）|,?\s*(?:Inc\.?|Co\.,?\s?Ltd\.?|Ltd\.?|Limited|LLC|Corp(?:oration)?\.?|K\.K\.|G\.K\.|Co\.))$`, 'gi');
// A generic word that ends a name (さくら歯科クリニック, 山田会計事務所, Sakura Dental Clinic): reports also use the
// name without it (さくら歯科, Sakura Dental), and the facility words below put it back when it is written.
const GENERIC_TAIL = /(?:クリニック|医院|病院|診療所|事務所|研究室|研究所|\s(?:Clinic|Office|Hospital|Laboratory|Lab))$/;
// A distinctive stem: four characters or more, or three kanji (青葉会).
const distinctive = (stem: string): boolean => stem.length >= 4 || /^[\u3400-\u9fff々]{3}$/.test(stem);

export function orgForms(org: OrgProfile): string[] {
  const names = [org.name ?? '', ...(org.aliases ?? [])].map((n) => n.trim()).filter((n) => n.length >= 2);
  const forms = new Set<string>();
  for (const n of names) {
    forms.add(n);
    const core = n.replace(LEGAL_FORMS, '').trim();
    if (core.length >= 2) forms.add(core);
    const stem = core.replace(GENERIC_TAIL, '').trim();
    if (stem !== core && distinctive(stem)) forms.add(stem);
  }
  return [...forms].sort((a, b) => b.length - a.length);
}

const LEGAL_PREFIX = String.raw`(?:${LEGAL_WORDS_JA})\s?`;
const LEGAL_SUFFIX = String.raw`(?:\s?(?:株式会社|有限会社|合同会社|\(株\)|（株）|㈱|\(有\)|（有）)|,?\s?(?:Co\.,?\s?Ltd\.?|Co\.?\s?,?\s?Ltd\.?|Pte\.?\s?Ltd\.?|Pty\.?\s?Ltd\.?|K\.K\.|G\.K\.)|,?\s(?:Inc\.?|Incorporated|Ltd\.?|Limited|LLC|L\.L\.C\.|LLP|PLC|plc|GmbH|Corporation|Corp\.?|Company|Co\.))`;
// The member's name followed by the kind of institution it runs (北見沢市役所, 北見沢市立病院, Kitamizawa City Hall):
// one name of the institution, not the member's name and a word.
const FACILITY_JA = String.raw`(?:立[\u3400-\u9fff々]{0,6}?(?:病院|医院|診療所|図書館|学校|高校|大学|博物館|美術館|体育館|保育園|保育所|幼稚園|センター|公民館)|役所|役場|庁舎|議会|教育委員会|(?:上下)?水道局|交通局|消防(?:本部|局|署)|保健所|病院|医院|診療所|クリニック|歯科(?:医院)?|大学(?:病院)?|附属病院|事務所|グループ|ホールディングス)`;
// A subsidiary abroad or at home: Tsubame Seimitsu (Thailand) Co., Ltd., Harbor Lane Japan, つばめ精密（タイ）.
const REGION = String.raw`(?:\s?[(（](?:Thailand|Vietnam|Malaysia|Singapore|Indonesia|Philippines|China|Shanghai|Hong Kong|Taiwan|Korea|India|Japan|USA|America|Europe|UK|Asia|タイ|ベトナム|マレーシア|シンガポール|インドネシア|フィリピン|中国|上海|香港|台湾|韓国|インド|米国|欧州|アジア)[)）]|(?<=[A-Za-z])\s(?:Japan|Thailand|Vietnam|Asia|Asia Pacific|APAC|Americas|Europe|USA|UK))`;
const FACILITY_EN = String.raw`(?:(?<=(?:City|Town|Village))\s(?:Hall|Office|Council)|\s(?:City|Town|Village|Prefectural|Municipal)\s(?:Hall|Office|Council|Hospital|Library)|\s(?:City\sHall|Town\sHall|Hospital|Medical\sCent(?:er|re)|Clinic|Dental\sClinic|Office|University|Group|Holdings))`;

// One expression per organisation, kept: every report of the member is scanned with the same names.
const compiled = new Map<string, RegExp>();
const COMPILED_KEPT = 500;
function orgRegExp(forms: readonly string[]): RegExp {
  const alts = forms.map((f) => escapeRegExp(f).replace(/\s+/g, String.raw`\s*`)).join('|');
  let re = compiled.get(alts);
  if (!re) {
    if (compiled.size >= COMPILED_KEPT) compiled.clear();
    re = new RegExp(String.raw`(?:${LEGAL_PREFIX})?(?:${alts})(?:${REGION})?(?:${LEGAL_SUFFIX}|(?<=[^\x00-\x7f])${FACILITY_JA}|(?<=[A-Za-z])${FACILITY_EN}(?![A-Za-z]))?(?:(?<=(?:Ltd|Inc|Corp|Co))\.)?`, 'gi');
    compiled.set(alts, re);
  }
  return re;
}

export function detectVictimOrg(text: string, org: OrgProfile): Candidate[] {
  const forms = orgForms(org);
  if (forms.length === 0) return [];
  const re = orgRegExp(forms);
  const out: Candidate[] = [];
  for (const m of matches(re, text)) {
    const s = m.index;
    const e = s + m[0].length;
    // Latin names must stand as words ("Aoba" inside "Aobaxyz" is not the member).
    if (/^[A-Za-z0-9]/.test(m[0]) && (isAsciiWord(text[s - 1]) || /[.@-]/.test(text[s - 1] ?? ''))) continue;
    if (/[A-Za-z0-9]$/.test(m[0]) && (isAsciiWord(text[e]) || /^[.@-][A-Za-z0-9]/.test(text.slice(e, e + 2)))) continue;
    out.push({ kind: 'sensitive', label: 'VICTIM_ORG', start: s, end: e, reason: 'victim_profile_name', priority: 1 });
  }
  return out;
}
