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
  new RegExp(String.raw`^[ \t]*${TIME}${AMPM}[ \t]*(${NAME})[ \t]*[:：]`, 'gm'),
  new RegExp(String.raw`^[ \t]*(?:${TIME}${AMPM}[ \t]*)?[<＜](${NAME})[>＞]`, 'gm'),
  new RegExp(String.raw`^[ \t]*(${NAME})[ \t]+${TIME}${AMPM}[ \t]*$`, 'gm'),
];
// 村岡: …   (weak: only a word the dictionary tags as a name)
const SPEAKER_PLAIN = new RegExp(String.raw`^[ \t]*(${NAME})[ \t]*[:：](?!//)`, 'gm');
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
  for (const m of c.text.matchAll(SPEAKER_PLAIN)) {
    const [s, e] = group(m);
    if (weakName(c, s, e)) out.push(person(s, e));
  }
  for (const m of c.text.matchAll(HEADER)) {
    const display = (m[1] as string).trim();
    if (display.length === 0) continue;
    const found = displayName(c, group(m)[0], display);
    if (found) out.push(found);
  }
  return out;
}
