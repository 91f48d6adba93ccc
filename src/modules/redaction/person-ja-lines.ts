// Names in the places a line gives them: a chat speaker ("[10:02] 村岡:", "村岡 里美 10:05", "<村岡>", "村岡："),
// a mail header's display name ("From: 村岡 里美 <…>", "差出人：高木 翔"). The place is the cue; the analyser's
// tokens check that the word there can be a name and not a label ("件名:", "宛先: 経理部 御中").
import { tokenIndexAt, type Token } from './analyser.js';
import type { Candidate } from './types.js';

// What person-ja.ts made of a text: its tokens and the kind of name part each can be.
export type Kind = 'sur' | 'given' | 'person' | 'place' | 'unknown' | 'fragment';
export interface NameContext { text: string; toks: readonly Token[]; kinds: (Kind | undefined)[] }

const CH = String.raw`[\u3400-\u9fff々〆\u3041-\u3096\u30a1-\u30fa\u30fc・]`;
const NAME = String.raw`${CH}{1,10}(?: ${CH}{1,8})?`;
const TIME = String.raw`[\[(【]?(?:\d{4}[/-]\d{1,2}[/-]\d{1,2}[ T])?\d{1,2}:\d{2}(?::\d{2})?[\])】]?`;
const AMPM = String.raw`(?:\s?(?:AM|PM|am|pm|午前|午後))?`;
// [10:02] 村岡: …   |   [10:02] <村岡> …   |   村岡 里美 10:05   (strong: a time stamp marks a chat line)
const SPEAKER_TIMED = [
  new RegExp(String.raw`^[ \t]*${TIME}${AMPM}[ \t]*(${NAME})[ \t]*(?:[:：]|[>＞»](?=[ \t]))`, 'gm'),
  new RegExp(String.raw`^[ \t]*(?:${TIME}${AMPM}[ \t]*)?[<＜](${NAME})[>＞]`, 'gm'),
  new RegExp(String.raw`^[ \t]*(${NAME})[ \t]+${TIME}${AMPM}[ \t]*$`, 'gm'),
];
// 村岡: …   (weak: only a word the dictionary tags as a name)
const SPEAKER_PLAIN = new RegExp(String.raw`^[ \t]*(${NAME})[ \t]*[:：](?!//)`, 'gm');
// @村岡 (a mention in a chat), and a signature's 「設備課 村岡より」 after a department or 以上、 at the end of a line.
const MENTION = new RegExp(String.raw`(?<![\w.@＠])[@＠](${CH}{1,10})(?=[ \t\u3000、。,:：]|さん|$)`, 'gm');
const SIGNED_BY = new RegExp(String.raw`(?:課|部|室|係|班|センター|チーム|以上、)[ \t\u3000]?(${CH}{1,6})より[ \t。]*$`, 'gm');
const HEADER = /^[ \t]*(?:From|To|Cc|Bcc|Reply-To|差出人|送信者|送信元|宛先|受信者|返信先)[ \t]*[:：][ \t]*"?([^"<>\n@:：]{1,40}?)"?[ \t]*(?:[<＜(（]|,|、|$)/gim;
const LABELS = /^(?:件名|日時|日付|場所|対象|原因|対応|状況|概要|備考|結果|報告|補足|注意|メモ|質問|回答|回答者|住所|電話|内線|所属|部署|被害|影響|経緯|期限|次回|本文|添付|宛先|差出人|送信者|不明|なし|未定|全員|各位|御中|管理者|システム|ボット)$/;

function tokensIn(c: NameContext, start: number, end: number): { toks: Token[]; kinds: NameContext['kinds'] } | undefined {
  const i = tokenIndexAt(c.toks, start);
  let j = i;
  while (j < c.toks.length && c.toks[j]!.start < end) j++;
  // The span must start and end on token boundaries ("村岡:" yes, half a word no).
  if (i === j || c.toks[i]!.start !== start || c.toks[j - 1]!.end !== end) return undefined;
  return { toks: c.toks.slice(i, j) as Token[], kinds: c.kinds.slice(i, j) };
}

const isCommonWord = (t: Token): boolean => t.pos === '名詞' && t.posDetail1 !== '固有名詞' && !t.unknown && /[\u3400-\u9fff]/.test(t.surface);

// Strong places take any word that is not a label, a department or a common kanji word (ふみか, 村岡 里美, グエン).
function strongName(c: NameContext, start: number, end: number): boolean {
  const span = tokensIn(c, start, end);
  if (!span || LABELS.test(c.text.slice(start, end).replace(/ /g, ''))) return false;
  const words = span.toks.filter((t) => t.surface !== ' ' && t.surface !== '・');
  if (!words.every((t) => t.posDetail1 !== '接尾' && t.posDetail2 !== '組織' && t.posDetail1 !== '数' && t.pos !== '記号')) return false;
  // 山岸 千夏: a common word beside a tagged name is a surname; alone, a known common word is not a name (メモ:, 総務:).
  if (span.kinds.some((k) => k === 'sur' || k === 'given' || k === 'person') && words.length <= 3) return true;
  if (words.length === 1 && words[0]!.pos === '名詞' && words[0]!.posDetail1 !== '固有名詞' && !words[0]!.unknown) return false;
  return words.every((t) => !isCommonWord(t));
}

// A place that is a cue by itself (a mention, a speaker in a transcript) takes a word on token boundaries that is no
// label, department, organisation, number or symbol, even a common word (浅見 is also "shallow view").
function plainName(c: NameContext, start: number, end: number): boolean {
  const span = tokensIn(c, start, end);
  if (!span || LABELS.test(c.text.slice(start, end).replace(/ /g, '')) || NOT_PERSON_END.test(c.text.slice(start, end))) return false;
  return span.toks.every((t) => t.surface === ' ' || (t.posDetail1 !== '接尾' && t.posDetail2 !== '組織' && t.posDetail1 !== '数' && t.pos !== '記号' && t.pos !== '助詞' && t.pos !== '助動詞'));
}
const NOT_PERSON_END = /(?:課|部|室|係|班|局|者|員|一同|全員|各位|事務局|センター|チーム|グループ|会社|様)$/;
// 杉ノ内, 一ノ瀬: kanji with a ノ between them, which the analyser cuts into a word, a symbol and a suffix.
const SIGNED_NAME = /^(?:[\u3400-\u9fff々ヶ]{1,3}[ノの]?[\u3400-\u9fff々ヶ]{1,3}|[\u30a1-\u30fa\u30fc]{2,8})$/;

// Weak places take only words the dictionary (or the supplement) tags as a name.
function weakName(c: NameContext, start: number, end: number): boolean {
  const span = tokensIn(c, start, end);
  if (!span) return false;
  const kinds = span.kinds.filter((_, i) => span.toks[i]!.surface !== ' ' && span.toks[i]!.surface !== '・');
  return kinds.length > 0 && kinds.every((k) => k !== undefined) && kinds.some((k) => k === 'sur' || k === 'given' || k === 'person');
}

const person = (start: number, end: number): Candidate => ({ kind: 'sensitive', label: 'PERSON', start, end, reason: 'name_in_context' });

// A display name's last one or two words ("株式会社あさひ電機 村岡 里美" gives "村岡 里美").
function displayName(c: NameContext, start: number, display: string): Candidate | undefined {
  const words = [...display.matchAll(/[^\s,、]+/g)];
  for (const n of [2, 1]) {
    const from = words[words.length - n];
    const to = words[words.length - 1];
    if (!from || !to || !new RegExp(`^${NAME}$`).test(display.slice(from.index, to.index + to[0].length))) continue;
    if (strongName(c, start + from.index, start + to.index + to[0].length)) return person(start + from.index, start + to.index + to[0].length);
  }
  return undefined;
}

export function detectNamesAtLineCues(c: NameContext): Candidate[] {
  const out: Candidate[] = [];
  const group = (m: RegExpMatchArray): [number, number] => {
    const s = (m.index ?? 0) + m[0].indexOf(m[1] as string);
    return [s, s + (m[1] as string).length];
  };
  for (const re of SPEAKER_TIMED) {
    for (const m of c.text.matchAll(re)) {
      const [s, e] = group(m);
      if (strongName(c, s, e)) out.push(person(s, e));
    }
  }
  // Without a time stamp a speaker needs a tagged name, unless the text is a transcript: two lines or more whose
  // speaker could be a name (浅見: まだです。/ 井之上: 了解).
  // A common word (浅見) as a speaker counts when it is also mentioned (@浅見) or speaks twice in a chat.
  const plain = [...c.text.matchAll(SPEAKER_PLAIN)].map(group);
  const mentioned = new Set<string>();
  for (const m of c.text.matchAll(MENTION)) {
    const [s, e] = group(m);
    if (plainName(c, s, e)) {
      out.push(person(s, e));
      mentioned.add(c.text.slice(s, e));
    }
  }
  const speakers = plain.filter(([s, e]) => plainName(c, s, e));
  const transcript = speakers.length >= 2;
  // In a chat with a speaker who is surely a person, a word that speaks twice is a speaker too (not "警告:" lines of a log).
  const turns = new Map<string, number>();
  for (const [s, e] of speakers) turns.set(c.text.slice(s, e), (turns.get(c.text.slice(s, e)) ?? 0) + 1);
  const chat = transcript && plain.some(([s, e]) => weakName(c, s, e) || strongName(c, s, e));
  for (const [s, e] of plain) {
    const word = c.text.slice(s, e);
    const vouched = mentioned.has(word) || (chat && (turns.get(word) ?? 0) >= 2);
    if (weakName(c, s, e) || (transcript && (strongName(c, s, e) || (vouched && plainName(c, s, e))))) out.push(person(s, e));
  }
  for (const m of c.text.matchAll(SIGNED_BY)) {
    const [s, e] = group(m);
    const word = c.text.slice(s, e);
    if (SIGNED_NAME.test(word) && !LABELS.test(word) && !NOT_PERSON_END.test(word)) out.push(person(s, e));
  }
  for (const m of c.text.matchAll(HEADER)) {
    const display = (m[1] as string).trim();
    if (display.length === 0) continue;
    const found = displayName(c, group(m)[0], display);
    if (found) out.push(found);
  }
  return out;
}
