// Japanese personal names, on the morphological analyser's tokens. IPADIC tags names (固有名詞・人名, 姓/名)
// and places (固有名詞・地域); around a name people write cues: an honorific or a role word after it (さん, 様,
// 部長), a role or a department before it (担当の, 経理の, 報告者：), a chat speaker's or a mail header's place.
// A tagged name counts where it stands as a word of its own; a place name (松本市, 千葉から) or a word the
// dictionary does not know counts only with a cue (松本さん, 担当の鴨志田が). data/names-ja.ts adds the names
// IPADIC tags otherwise, and the surnames that are also places.
import { tokenIndexAt, tokenize, type Token } from './analyser.js';
import { isAmbiguousSurname, isExtraGivenName, isExtraSurname } from './names.js';
import { detectNamesAtLineCues, type Kind, type NameContext } from './person-ja-lines.js';
import { containment } from './propagate.js';
import type { Candidate } from './types.js';

interface Run { first: number; last: number; start: number; end: number }

const KANJI = /^[\u3400-\u9fff々〆]+$/;
const NAME_CHARS = /^[\u3400-\u9fff々〆\u3041-\u3096\u30a1-\u30fa\u30fc・]+$/;
const KATAKANA = /^[\u30a1-\u30fa\u30fc]+$/;

export const HONORIFIC_AFTER = /^(?:さん|さま|様|氏(?!名)|君|くん|ちゃん|殿|先生|先輩)/;
const ROLE_AFTER = /^(?:副?部長|課長|係長|主任|主査|社長|副社長|専務|常務|取締役|担当|室長|次長|理事長|理事|会長|課員|係員|マネージャー|リーダー|准教授|教授|医師|看護師|支店長|店長|所長|院長|校長|局長)/;
const PLACE_HEAD = /^(?:支店長|店長|所長|院長|校長|局長)/;
// Words that end just before a name and make the next word a person ("担当の鴨志田", "報告者：高橋", "経理の村岡").
export const CONTEXT_BEFORE = new RegExp(String.raw`(?:職員|社員|従業員|顧客|患者|会員|利用者|担当者?|報告者|対応者|連絡者|記入者|作成者|発見者|申請者|` +
  String.raw`責任者|管理者|受信者|送信者|差出人|宛先|氏名|名前|契約者|本人|部長|課長|係長|主任|社長|先生|上司|同僚|部下|先輩|後輩|私|僕|` +
  String.raw`実習生|研修生|派遣社員|派遣スタッフ|スタッフ|アルバイト|パート|インターン|ボランティア|退職者|元社員|元職員|秘書|助手|ドライバー|作業員|薬剤師|歯科医師|歯科衛生士|委託先|看護師|医師|教員|生徒|学生|保護者|弊社|当社|経理|総務|人事|営業|法務|広報|企画|購買|受付|事務|情シス|` +
  String.raw`情報システム|[部課係室]|チーム|グループ)[の]?[\s:：は、]*$`);
// Company words and places that a name-like word in front of belongs to (田中工業, 佐藤病院, 大塚の店舗).
const COMPANY_WORD = /(?:工業|製作所|建設|商事|商会|商店|産業|電機|電気|病院|医院|銀行|証券|物産|興業|運輸|物流|食品|薬品|製薬|化学|印刷|技研|歯科|法律|会計|薬局)$/;
const NOT_GIVEN = new RegExp(`${COMPANY_WORD.source}|[市区町村郡県都府駅店社部課係会院所局屋家宅邸橋線川山谷台園町通科岬島浜崎沢坂湾浦岳峠丘]$`);
const LEGAL_BEFORE = /(?:株式会社|有限会社|合同会社|\(株\)|㈱|\(有\)|㈲)\s?$/;
const LEGAL_AFTER = /^\s?(?:株式会社|有限会社|合同会社|\(株\)|㈱|\(有\)|㈲)/;
const PLACE_NOUN_AFTER = /^の?(?:事務所|支店|支社|本社|本店|工場|店舗|倉庫|拠点|営業所|出張所|事業所|駅|空港|港|病院|医院|キャンパス|校舎|店|オフィス|ビル|施設|周辺|近く|付近|方面|地区|市内|県内|都内|方)/;
const CASE_AFTER = /^(?:が|は|も|と|から|に|へ|より)/;
const SUFFIX_AFTER = /^(?:ら|たち|達|宛て?|自身|本人)/;
const STOP_RUN = /^(?:皆|各|御|貴|弊|先方|相手|関係|全員)|[者社方員客位家達店局所部課院会組様殿内外中側署庁省団隊協館室人師士官手工屋長]$/;
// Family and household words before さん (娘さん, 奥さん): not names.
const FAMILY = /^(?:娘|嫁|妹|姉|兄|弟|奥|母|父|婿|孫|息子|叔父|叔母|伯父|伯母|旦那|坊|客|神|仏|猫|犬)$/;
const DEPARTMENT = /^(?:総務|経理|人事|営業|法務|広報|企画|購買|受付|事務|開発|製造|品質|設計|技術|管理|監査|財務|会計|保守|運用|本社|支店|全員|各位|御中)$/;
const DEPARTMENT_SUFFIX = new Set(['部', '課', '係', '室', '班', '局', '科', '担当']);
const BOUNDARY_POS = new Set(['助詞', '助動詞', '記号', '動詞', '接続詞', '感動詞', '副詞', '連体詞', '形容詞', 'フィラー']);

const isProper = (t: Token): boolean => t.pos === '名詞' && t.posDetail1 === '固有名詞';
const isJoiner = (t: Token | undefined, prev: Token, next: Token | undefined): boolean =>
  t !== undefined && next !== undefined && (t.surface === ' ' || (t.surface === '・' && KATAKANA.test(prev.surface) && KATAKANA.test(next.surface)));
const person = (start: number, end: number, reason: string): Candidate => ({ kind: 'sensitive', label: 'PERSON', start, end, reason });

// What each token can be in a name. The supplement lists match one to three adjacent tokens (三上 is 三 + 上).
function kindsOf(toks: readonly Token[]): (Kind | undefined)[] {
  const kinds: (Kind | undefined)[] = toks.map((t) => {
    if (t.pos !== '名詞') return undefined;
    if (isProper(t) && t.posDetail2 === '人名') return t.posDetail3 === '姓' ? 'sur' : t.posDetail3 === '名' ? 'given' : 'person';
    if (isProper(t) && t.posDetail2 === '地域' && t.posDetail3 !== '国') return 'place';
    if ((t.unknown || (isProper(t) && t.posDetail2 === '一般')) && NAME_CHARS.test(t.surface)) return 'unknown';
    return undefined;
  });
  for (let i = 0; i < toks.length; i++) {
    let s = '';
    for (let k = i; k < Math.min(toks.length, i + 3); k++) {
      if (k > i && toks[k]!.start !== toks[k - 1]!.end) break;
      s += toks[k]!.surface;
      const givenPlace = kinds[i - 1] === 'sur' || toks[i - 1]?.surface === ' ' || toks[k + 1]?.posDetail2 === '人名';
      const extra = isExtraSurname(s) ? 'sur' : isExtraGivenName(s) && givenPlace ? 'given' : undefined;
      if (extra) for (let j = i; j <= k; j++) kinds[j] = extra;
    }
  }
  return kinds;
}

// A short kanji word glued to a name's given part (大谷翔平 is 大谷 + 翔 + 平), not a company or place word.
function isFragment(c: NameContext, i: number, givenChars: number): boolean {
  const t = c.toks[i];
  return t !== undefined && t.pos === '名詞' && (t.posDetail1 === '一般' || t.unknown) && KANJI.test(t.surface) && givenChars + t.surface.length <= 3 &&
    !NOT_GIVEN.test(t.surface) && !ROLE_AFTER.test(t.surface) && !HONORIFIC_AFTER.test(t.surface) && !DEPARTMENT.test(t.surface);
}

// Maximal runs of name parts: adjacent tokens, or two parts joined by one space or a katakana ・.
function runsOf(c: NameContext): Run[] {
  const { toks, kinds } = c;
  const out: Run[] = [];
  for (let i = 0; i < toks.length; i++) {
    if (kinds[i] === undefined) continue;
    // 山岸 千夏: IPADIC knows 山岸 only as a common word; before a space and a given name it is the surname.
    const lastEnd = out.length > 0 ? out[out.length - 1]!.last : -1;
    if (kinds[i] === 'given' && i - 2 > lastEnd && toks[i - 1]!.surface === ' ' && toks[i - 2]!.end === toks[i - 1]!.start && isFragment(c, i - 2, 0)) {
      kinds[i - 2] = 'fragment';
      i -= 2;
    }
    let j = i;
    let joins = 0;
    let given = 0;
    for (;;) {
      const next = toks[j + 1];
      const joined = joins < 2 && isJoiner(next, toks[j]!, toks[j + 2]) && (next!.surface === '・' || joins === 0);
      if (next && next.start === toks[j]!.end && kinds[j + 1] !== undefined) j++;
      // 大谷翔平 (翔 + 平), 村岡颯太 (颯 + 太): short kanji words glued to a name make its given name.
      else if ((kinds[j] === 'sur' || kinds[j] === 'given' || given > 0) && next && next.start === toks[j]!.end && isFragment(c, j + 1, given)) kinds[++j] = 'fragment';
      else if (joined && kinds[j + 2] !== undefined) { j += 2; joins++; }
      // 村岡 颯: a short kanji word after a surname and a space is its given name.
      else if (joined && kinds[j] === 'sur' && next!.surface === ' ' && isFragment(c, j + 2, 0)) { kinds[j + 2] = 'fragment'; j += 2; joins++; }
      else break;
      if (kinds[j] === 'given' || kinds[j] === 'fragment') given += toks[j]!.surface.length;
    }
    out.push({ first: i, last: j, start: toks[i]!.start, end: toks[j]!.end });
    i = j;
  }
  return out;
}

function leftOk(c: NameContext, r: Run): boolean {
  if (LEGAL_BEFORE.test(c.text.slice(Math.max(0, r.start - 6), r.start))) return false;
  const prev = c.toks[r.first - 1];
  if (!prev || prev.end !== r.start) return true;
  if (prev.pos !== '名詞') return prev.pos !== '接頭詞';
  // Glued to a word in front: only after a department (営業部村岡) or a role (課長村岡), not inside a compound.
  return DEPARTMENT_SUFFIX.has(prev.surface) || ROLE_AFTER.test(prev.surface) || !NAME_CHARS.test(prev.surface);
}

function rightOk(c: NameContext, r: Run): boolean {
  const after = c.text.slice(r.end, r.end + 8);
  if (LEGAL_AFTER.test(after)) return false;
  if (SUFFIX_AFTER.test(after) || HONORIFIC_AFTER.test(after) || ROLE_AFTER.test(after)) return true;
  const next = c.toks[r.last + 1];
  if (!next || next.start !== r.end) return true;
  return BOUNDARY_POS.has(next.pos) || next.posDetail1 === '数' || !NAME_CHARS.test(next.surface);
}

// A name's parts: the run's tokens without joiners, as [kind, text].
function partsOf(c: NameContext, r: Run): [Kind, string][] {
  const parts: [Kind, string][] = [];
  let prevEnd = -1;
  for (let i = r.first; i <= r.last; i++) {
    const k = c.kinds[i];
    const t = c.toks[i]!;
    if (k === undefined) continue; // a joiner
    const last = parts[parts.length - 1];
    if (last && prevEnd === t.start && (last[0] === k || k === 'fragment')) last[1] += t.surface;
    else parts.push([k, t.surface]);
    prevEnd = t.end;
  }
  return parts;
}

// Without a cue, the tags decide: 姓 + 名 (or a place- or unknown-tagged part beside a tagged one), a tagged name
// of two or more characters that is not also a place, a katakana name with ・, or two place-tagged words with a
// space between them (村岡 里美 is tagged so) where no place noun follows.
function tagReason(c: NameContext, r: Run): string | undefined {
  const parts = partsOf(c, r);
  const text = c.text.slice(r.start, r.end);
  const kinds = parts.map(([k]) => k);
  const nameTagged = kinds.some((k) => k === 'sur' || k === 'given' || k === 'person');
  const spaced = text.includes(' ') || text.includes('・');
  const placeAfter = PLACE_NOUN_AFTER.test(c.text.slice(r.end, r.end + 6));
  // 和田岬の倉庫: IPADIC reads 岬 as a given name; a one-letter given name glued on, before a place noun, is a place.
  if (parts.length >= 2 && nameTagged && kinds.every((k) => k !== 'unknown' || spaced)) return !spaced && parts.at(-1)![1].length === 1 && placeAfter ? undefined : 'name_dictionary_full';
  if (parts.length === 2 && spaced && kinds.every((k) => k === 'place') && parts.every(([, s]) => KANJI.test(s) && s.length <= 3)) {
    return placeAfter ? undefined : 'name_dictionary_full';
  }
  if (parts.length === 1 && text.length >= 2 && (kinds[0] === 'sur' || kinds[0] === 'person' || kinds[0] === 'given')) {
    // A surname that is also a place counts bare only where IPADIC itself tags it a name, before が, は, と, …
    const tagged = r.first === r.last && c.toks[r.first]!.posDetail2 === '人名';
    if (isAmbiguousSurname(text) && !(tagged && CASE_AFTER.test(c.text.slice(r.end, r.end + 3)))) return undefined;
    return placeAfter && kinds[0] !== 'given' ? undefined : 'name_dictionary_surname';
  }
  // グエン・ヴァン・ナム: katakana parts of two to five letters (not ランサムウェア・グループ).
  if (kinds.every((k) => k === 'unknown') && /^[\u30a1-\u30fa\u30fc]{2,5}(?:・[\u30a1-\u30fa\u30fc]{2,5})+$/.test(text)) return 'name_dictionary_full';
  return undefined;
}

function judge(c: NameContext, r: Run): string | undefined {
  const parts = partsOf(c, r);
  if (STOP_RUN.test(c.text.slice(r.start, r.end)) && !parts.some(([k]) => k === 'sur' || k === 'given' || k === 'person')) return undefined;
  const after = c.text.slice(r.end, r.end + 8);
  const placeOnly = parts.every(([k]) => k === 'place');
  if (HONORIFIC_AFTER.test(after)) return 'name_dictionary_with_honorific';
  if (ROLE_AFTER.test(after) && !(placeOnly && PLACE_HEAD.test(after))) return 'name_with_role';
  if (!rightOk(c, r)) return undefined;
  if (CONTEXT_BEFORE.test(c.text.slice(Math.max(0, r.start - 16), r.start)) && !(placeOnly && PLACE_NOUN_AFTER.test(after))) return 'name_in_context';
  return leftOk(c, r) ? tagReason(c, r) : undefined;
}

// Kanji nouns glued in front of token `i` (up to `room` characters): where a split name may start.
function kanjiBefore(c: NameContext, i: number, room: number): number {
  let j = i - 1;
  for (let chars = 0; j >= 0; j--) {
    const t = c.toks[j]!;
    if (t.end !== c.toks[j + 1]!.start || t.pos !== '名詞' || !KANJI.test(t.surface) || chars + t.surface.length > room) break;
    if (['接尾', 'サ変接続', '代名詞', '数', '副詞可能', '非自立'].includes(t.posDetail1)) break;
    chars += t.surface.length;
  }
  return j + 1;
}

// An honorific after kanji words the dictionary splits or knows only as common words (東さん, 山岸さん, 小鳥遊さん).
function beforeHonorifics(c: NameContext, runEnds: Set<number>): Candidate[] {
  const out: Candidate[] = [];
  c.toks.forEach((h, i) => {
    if (runEnds.has(h.start) || !HONORIFIC_AFTER.test(c.text.slice(h.start, h.start + 3))) return;
    const first = kanjiBefore(c, i, 4);
    const start = c.toks[first]?.start ?? h.start;
    const word = c.text.slice(start, h.start);
    if (first < i && !STOP_RUN.test(word) && !FAMILY.test(word) && !COMPANY_WORD.test(word) && !(i - first === 1 && c.toks[first]!.posDetail1 === '固有名詞' && c.toks[first]!.posDetail2 === '組織')) {
      out.push(person(start, h.start, 'name_dictionary_with_honorific'));
    }
  });
  return out;
}

// 九条先生, 一ノ瀬さん, 五十嵐様: a surname that starts with a numeral, which the analyser reads as a number and a
// counter; not a count of people or things (十名様, 三人さん).
const NUMERAL_HONORIFIC = /(?<![\u3400-\u9fff々])([一二三四五六七八九十百千万](?![名人件台回個枚本冊社日月年歳時分秒度番号階円組部])[\u3400-\u9fff々ノの]{1,2})(?=さん|様|先生|氏(?!名)|くん|ちゃん)/g;
const KATAKANA_HONORIFIC = /(?<![\u30a0-\u30ff])([\u30a1-\u30fa\u30fc]{2,}(?:[・=][\u30a1-\u30fa\u30fc]{2,})*)(?=さん|様|氏|くん|ちゃん)/g;
const KATAKANA_STOP = /^(?:ユーザー?|カスタマー|メンバー|オーナー|ゲスト|ベンダー|パートナー|スタッフ|ドライバー|クライアント|サポート|センター|チーム|ホスト|サーバー?|バイト|パート|ママ|パパ|ベテラン|プロ|ファン)$/;
const HIRAGANA_HONORIFIC = /(?<![\u3041-\u3096])([\u3041-\u3096]{2,4})(?=くん|ちゃん|さん)/g;
const HIRAGANA_STOP = /^(?:[おご]|みな|あか|ねえ|にい|じい|ばあ|かあ|とう|みんな|こども|むすめ|むすこ|あに|あね|いもうと)/;
const READING_AFTER = /^ ?[(（]([\u3041-\u3096\u30a1-\u30fa\u30fc・ ]{2,20})[)）]/;

// Kana before an honorific that is a word of its own for the analyser (not たくさん, not an organisation's ソニーさん).
function kanaBeforeHonorifics(c: NameContext): Candidate[] {
  const out: Candidate[] = [];
  const startsToken = (offset: number): Token | undefined => {
    const t = c.toks[tokenIndexAt(c.toks, offset)];
    return t?.start === offset ? t : undefined;
  };
  for (const m of c.text.matchAll(NUMERAL_HONORIFIC)) out.push(person(m.index, m.index + (m[1] as string).length, 'name_dictionary_with_honorific'));
  for (const re of [KATAKANA_HONORIFIC, HIRAGANA_HONORIFIC]) {
    for (const m of c.text.matchAll(re)) {
      const name = m[1] as string;
      const end = m.index + name.length;
      const first = startsToken(m.index);
      // The analyser cuts hiragana unreliably (こうへいくん is こう/へ/いく/ん), so before くん and ちゃん the kana need not
      // end a token; before さん (みなさん, おくさん) they must.
      const loose = re === HIRAGANA_HONORIFIC && /^(?:くん|ちゃん)/.test(c.text.slice(end, end + 3));
      if (KATAKANA_STOP.test(name) || HIRAGANA_STOP.test(name) || (!loose && (!first || !startsToken(end)))) continue;
      if (first?.end === end && first.posDetail2 === '組織') continue;
      out.push(person(m.index, end, 'name_dictionary_with_honorific'));
    }
  }
  return out;
}

// Who did a piece of the case work: a surname the dictionary tags as one (even of one kanji, 森), or one that is also a
// place (千葉), followed by が/は and an act only a person does (対応し, 記録を, 報告した). A place does not 対応する.
const PERSON_ACT = /^(?:対応|報告|連絡|確認|記録|発見|開封|操作|返信|転送|送信|受信|入力|電話|相談|説明|指示|隔離|再起動|復旧|調査|判断|承認|クリック)$/;
function actorsOfCaseWork(c: NameContext): Candidate[] {
  const out: Candidate[] = [];
  c.toks.forEach((t, i) => {
    const particle = c.toks[i + 1];
    const act = c.toks[i + 2];
    if (!particle || !act || !/^[がは]$/.test(particle.surface) || !PERSON_ACT.test(act.surface)) return;
    const surname = (t.posDetail2 === '人名' && t.posDetail3 === '姓') || (t.posDetail2 === '地域' && isAmbiguousSurname(t.surface));
    const before = c.toks[i - 1];
    const starts = !before || before.pos === '記号' || before.pos === '助詞' || /^[、。\s]$/.test(before.surface);
    if (surname && KANJI.test(t.surface) && starts) out.push(person(t.start, t.end, 'name_in_context'));
  });
  return out;
}

// A reading written after a name is the name too: 高橋 一郎（たかはし いちろう）.
function readingsAfter(text: string, found: Candidate[]): Candidate[] {
  return found.flatMap((p) => {
    const m = READING_AFTER.exec(text.slice(p.end, p.end + 24));
    if (!m || (m[1] as string).trim().length < 2) return [];
    const start = p.end + m[0].indexOf(m[1] as string);
    return [person(start, start + (m[1] as string).trimEnd().length, p.reason)];
  });
}

export function detectJapanesePersons(text: string): Candidate[] {
  const toks = tokenize(text);
  if (toks.length === 0) return [];
  const c: NameContext = { text, toks, kinds: kindsOf(toks) };
  const found: Candidate[] = [];
  const runEnds = new Set<number>();
  for (const r of runsOf(c)) {
    runEnds.add(r.end);
    const reason = judge(c, r);
    if (!reason) continue;
    // 小鳥遊さん: the analyser knows 小鳥, not 遊; an unknown word before an honorific takes the kanji glued to it.
    const glued = reason === 'name_dictionary_with_honorific' && partsOf(c, r).every(([k]) => k === 'unknown') ? kanjiBefore(c, r.first, 4 - (r.end - r.start)) : r.first;
    found.push(person(c.toks[glued]!.start, r.end, reason));
  }
  found.push(...beforeHonorifics(c, runEnds), ...kanaBeforeHonorifics(c), ...detectNamesAtLineCues(c), ...actorsOfCaseWork(c));
  const all = [...found, ...readingsAfter(text, found)];
  return [...all, ...otherMentions(c, all)];
}

// A name found once with a cue is the same person's name wherever else it stands in the report (相澤さん … 相澤と申します),
// also a spaced name's surname; only on token boundaries (相澤 not inside 相澤ビル's neighbour words) and of two
// characters or more, kanji or katakana (a hiragana word is too often an ordinary one).
function otherMentions(c: NameContext, found: readonly Candidate[]): Candidate[] {
  const names = new Set<string>();
  for (const p of found) {
    const name = c.text.slice(p.start, p.end);
    for (const part of [name, name.split(/[ \u3000]/)[0] ?? '']) if (part.length >= 2 && /^[\u3400-\u9fff々ヶ\u30a1-\u30fa\u30fc・ ]+$/.test(part)) names.add(part);
  }
  const out: Candidate[] = [];
  const covered = containment(found);
  const boundary = (offset: number, start: boolean): boolean => {
    const t = c.toks[tokenIndexAt(c.toks, start ? offset : offset - 1)];
    return t !== undefined && (start ? t.start === offset : t.end === offset);
  };
  for (const name of names) {
    for (let i = c.text.indexOf(name); i >= 0; i = c.text.indexOf(name, i + name.length)) {
      const end = i + name.length;
      if (covered(i, end) || !boundary(i, true) || !boundary(end, false)) continue;
      // Not the head of a longer name or word written in the same script (相澤 in 相澤ビル is a building).
      if (/[\u3400-\u9fff々ヶ\u30a1-\u30fa\u30fc]/.test(c.text[end] ?? '') && !HONORIFIC_AFTER.test(c.text.slice(end, end + 3)) && !ROLE_AFTER.test(c.text.slice(end, end + 4))) continue;
      out.push(person(i, end, 'name_in_context'));
    }
  }
  return out;
}
