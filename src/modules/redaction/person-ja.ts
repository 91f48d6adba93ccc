// Japanese personal names: surname dictionary + given-name dictionary, honorifics, role words, context words.
import { JA_SURNAME_LIST, isAmbiguousSurname, jaGivenLength } from './names.js';
import { isKanji, matches } from './text.js';
import type { Candidate } from './types.js';

const HONORIFICS = ['さん', 'さま', '様', '氏', '君', 'くん', 'ちゃん', '殿', '先生'];
const ROLES = ['副部長', '部長', '課長', '係長', '主任', '社長', '専務', '常務', '取締役', '担当', '室長', '所長', '院長', '校長',
  '准教授', '教授', '医師', '看護師', '次長', '理事長', '理事', '会長', '課員', '係員', '店長', '支店長', 'マネージャー', 'リーダー'];
// Words that end just before a name and make the next word a person ("職員伊藤", "報告者：高橋").
const CONTEXT_BEFORE = /(?:職員|社員|従業員|顧客|患者|会員|利用者|担当者?|報告者|対応者|連絡者|記入者|作成者|発見者|申請者|責任者|管理者|受信者|送信者|差出人|宛先|氏名|名前|契約者|本人|部長|課長|係長|主任|社長|先生|上司|同僚|部下|私|僕|弊社の|当社の)[\s:：は、]*$/;
const PARTICLE_AFTER = /^(?:[のがはをにとへもやでより、。・，,．.（）()「」『』\s:：/／]|から|まで|$)/;
const UNKNOWN_HONORIFIC = /(?<![\u3400-\u9fff々])([\u3400-\u9fff々]{2,4})(?=さん|様|氏)/g;
const UNKNOWN_STOP = /[者社方員客位家達長店局所部課院会組様殿内外中側先署庁省団隊構協館室]$|^(?:皆|各|御|貴|弊|先方|相手|神|王|関係|全員)/;
const KATAKANA_HONORIFIC = /(?<![\u30a0-\u30ff])([\u30a1-\u30fa\u30fc]{2,}(?:[・=][\u30a1-\u30fa\u30fc]{2,})?)(?=さん|様|氏)/g;
const KATAKANA_STOP = /^(?:ユーザー?|カスタマー|メンバー|オーナー|ゲスト|ベンダー|パートナー|スタッフ|ドライバー|クライアント|サポート|センター|チーム|ホスト|サーバー?)$/;

const SURNAME_RE = new RegExp(JA_SURNAME_LIST.join('|'), 'g');

const startsWithAny = (s: string, list: readonly string[]): boolean => list.some((w) => s.startsWith(w));
const person = (start: number, end: number, reason: string): Candidate => ({ kind: 'sensitive', label: 'PERSON', start, end, reason });

// After a surname ending at `j`: the name's end and the reason, or undefined when it is not a name here.
function nameAfterSurname(text: string, start: number, j: number, surname: string): Candidate | undefined {
  const rest = text.slice(j);
  const gap = /^ ?/.exec(rest)?.[0].length ?? 0;
  const afterGap = rest.slice(gap);
  if (startsWithAny(afterGap, HONORIFICS)) return person(start, j, 'name_dictionary_with_honorific');
  if (startsWithAny(afterGap, ROLES)) return person(start, j, 'name_with_role');
  // Given name (up to 3 kanji) followed by an honorific or role word.
  for (let len = 3; len >= 1; len--) {
    const g = afterGap.slice(0, len);
    if (g.length < len || ![...g].every(isKanji) || UNKNOWN_STOP.test(surname + g) || NOT_GIVEN.test(g)) continue;
    const tail = afterGap.slice(len);
    if (startsWithAny(tail, HONORIFICS)) return person(start, j + gap + len, 'name_dictionary_with_honorific');
    if (startsWithAny(tail, ROLES)) return person(start, j + gap + len, 'name_with_role');
  }
  const given = jaGivenLength(text, j + gap);
  if (given > 0 && !isKanji(text[j + gap + given])) return person(start, j + gap + given, 'name_dictionary_full');
  const unknown = unknownGivenName(afterGap);
  if (unknown > 0 && !isAmbiguousSurname(surname)) return person(start, j + gap + unknown, 'name_dictionary_surname');
  if (isKanji(text[j])) return undefined;
  if (CONTEXT_BEFORE.test(text.slice(Math.max(0, start - 12), start))) return person(start, j, 'name_in_context');
  if (!isAmbiguousSurname(surname) && PARTICLE_AFTER.test(rest)) return person(start, j, 'name_dictionary_surname');
  return undefined;
}

// A given name outside the dictionary: 1-3 kanji after a surname, then a particle or punctuation, and not
// a company, place or department word (田中一樹が, but not 田中工業が or 中村区).
const NOT_GIVEN = /(?:工業|製作所|建設|商事|産業|電機|電気|病院|医院|銀行|証券|物産|興業|運輸|物流|食品|薬品|製薬|化学|印刷|工務店|[市区町村郡県都府駅店社部課係会院所局屋家橋線川山谷台園町通様氏])$/;
function unknownGivenName(s: string): number {
  const g = /^[\u3400-\u9fff々]{1,3}/.exec(s)?.[0];
  if (!g || NOT_GIVEN.test(g) || !PARTICLE_AFTER.test(s.slice(g.length))) return 0;
  return g.length;
}

function leftBoundaryOk(text: string, start: number): boolean {
  if (!isKanji(text[start - 1])) return true;
  return CONTEXT_BEFORE.test(text.slice(Math.max(0, start - 12), start));
}

export function detectJapanesePersons(text: string): Candidate[] {
  const out: Candidate[] = [];
  for (const m of matches(SURNAME_RE, text)) {
    if (!leftBoundaryOk(text, m.index)) continue;
    const c = nameAfterSurname(text, m.index, m.index + m[0].length, m[0]);
    if (c) out.push(c);
  }
  for (const m of matches(UNKNOWN_HONORIFIC, text)) {
    if (!UNKNOWN_STOP.test(m[1] as string)) out.push(person(m.index, m.index + (m[1] as string).length, 'name_dictionary_with_honorific'));
  }
  for (const m of matches(KATAKANA_HONORIFIC, text)) {
    if (!KATAKANA_STOP.test(m[1] as string)) out.push(person(m.index, m.index + (m[1] as string).length, 'name_dictionary_with_honorific'));
  }
  return out;
}
