// Japanese morphological analysis for the detectors that need words rather than characters: personal names
// (IPADIC's 固有名詞・人名 姓/名), place names (固有名詞・地域, to keep 松本市 out of PERSON and for address
// context), and the particles and suffixes around them. kuromoji with the IPADIC it ships in its package: nothing
// is downloaded. Loading the dictionary takes seconds and some hundred MB, so it happens once per process, lazily
// on the first call that needs it, shared by every caller; after that `tokenize` is synchronous.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { IpadicFeatures, Tokenizer } from 'kuromoji';

export interface Token {
  surface: string;
  pos: string; // 名詞, 助詞, 記号, …
  posDetail1: string; // 固有名詞, 接尾, 一般, … ('*' when none, as IPADIC writes it)
  posDetail2: string; // 人名, 地域, 組織, …
  posDetail3: string; // 姓, 名, 国, …
  basicForm: string;
  reading: string; // katakana; '' for unknown words
  unknown: boolean; // not in the dictionary (kuromoji grouped it by character class)
  start: number; // offsets in the analysed text, JS string indices
  end: number;
}

let tokenizer: Tokenizer<IpadicFeatures> | undefined;
let loading: Promise<void> | undefined;

async function build(): Promise<void> {
  const require = createRequire(import.meta.url);
  const dicPath = join(dirname(require.resolve('kuromoji/package.json')), 'dict');
  const kuromoji = (await import('kuromoji')).default;
  tokenizer = await new Promise<Tokenizer<IpadicFeatures>>((resolve, reject) => {
    kuromoji.builder({ dicPath }).build((err, built) => (err ? reject(err) : resolve(built)));
  });
}

// Loads the dictionary once per process; every caller awaits the same promise. A failed load is retried next time.
export function loadAnalyser(): Promise<void> {
  loading ??= build().catch((err: unknown) => {
    loading = undefined;
    throw err;
  });
  return loading;
}

export const analyserLoaded = (): boolean => tokenizer !== undefined;

// kuromoji builds a lattice per sentence in time quadratic in its length (a long line without 、。 takes
// seconds), so text goes in pieces: lines, cut at a space or punctuation before MAX_PIECE characters. Lines with
// no kana or kanji are not analysed at all (nothing Japanese to find there).
const MAX_PIECE = 160;
const JAPANESE = /[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uff66-\uff9f々〆]/;
const BREAK = /[\s、。，．,.!?！？:：;；()（）「」『』【】［］[\]<>＜＞|/]/;
// kuromoji throws on NUL and on an unpaired high surrogate; they become U+FFFD (same length, so offsets hold).
const UNSAFE = /\0|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

function* pieces(text: string): Generator<[number, number]> {
  let lineStart = 0;
  while (lineStart <= text.length) {
    const nl = text.indexOf('\n', lineStart);
    const lineEnd = nl < 0 ? text.length : nl;
    if (JAPANESE.test(text.slice(lineStart, lineEnd))) {
      for (let s = lineStart; s < lineEnd; ) {
        const e = cutAt(text, s, lineEnd);
        yield [s, e];
        s = e;
      }
    }
    lineStart = lineEnd + 1;
  }
}

function cutAt(text: string, start: number, lineEnd: number): number {
  if (lineEnd - start <= MAX_PIECE) return lineEnd;
  for (let i = start + MAX_PIECE; i > start + MAX_PIECE / 2; i--) if (BREAK.test(text[i - 1] as string)) return i;
  const hard = start + MAX_PIECE;
  return /[\udc00-\udfff]/.test(text[hard] ?? '') ? hard + 1 : hard;
}

function toTokens(piece: string, offset: number, out: Token[]): void {
  const first = out.length;
  let at = offset;
  let tokens: IpadicFeatures[];
  try {
    tokens = (tokenizer as Tokenizer<IpadicFeatures>).tokenize(piece);
  } catch {
    return; // input kuromoji cannot handle gives no tokens there, never a failed redaction
  }
  for (const t of tokens) {
    const surface = t.surface_form;
    out.push({
      surface, pos: t.pos, posDetail1: t.pos_detail_1, posDetail2: t.pos_detail_2, posDetail3: t.pos_detail_3,
      basicForm: t.basic_form, reading: t.reading ?? '', unknown: t.word_type === 'UNKNOWN', start: at, end: at + surface.length,
    });
    at += surface.length;
  }
  // kuromoji's surfaces cover its input exactly; should that ever fail, wrong offsets would be worse than none.
  if (at !== offset + piece.length) out.length = first;
}

// Index of the first token that ends after `offset` (tokens are sorted and do not overlap): tokens.length if none.
export function tokenIndexAt(tokens: readonly Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((tokens[mid] as Token).end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

// The last few texts analysed and their tokens: several detectors of one analyse() call ask for the same text
// (the folded report, the report as written, the member's names).
const RECENT = 4;
const recent: { text: string; tokens: readonly Token[] }[] = [];

// Tokens of the Japanese lines of `text`, in order, with offsets into `text`. Needs `await loadAnalyser()` first.
export function tokenize(text: string): readonly Token[] {
  if (!tokenizer) throw new Error('the Japanese analyser is not loaded: await loadAnalyser() first');
  const hit = recent.findIndex((r) => r.text === text);
  if (hit >= 0) return recent[hit]!.tokens;
  const tokens: Token[] = [];
  for (const [s, e] of pieces(text)) toTokens(text.slice(s, e).replace(UNSAFE, '\ufffd'), s, tokens);
  recent.unshift({ text, tokens });
  if (recent.length > RECENT) recent.pop();
  return tokens;
}
