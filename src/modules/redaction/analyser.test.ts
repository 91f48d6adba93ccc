import { describe, expect, it } from 'vitest';
import { analyserLoaded, loadAnalyser, tokenize } from './analyser.js';
import { analyse } from './index.js';

describe('the Japanese analyser', () => {
  it('loads once per process: every caller shares one promise', async () => {
    const a = loadAnalyser();
    const b = loadAnalyser();
    expect(a).toBe(b);
    await a;
    expect(analyserLoaded()).toBe(true);
    expect(loadAnalyser()).toBe(a);
  });

  it('gives tags and offsets into the text it was given', async () => {
    await loadAnalyser();
    const text = 'memo\n[10:02] 松本さん: 松本市の件、了解です。';
    const tokens = tokenize(text);
    for (const t of tokens) expect(text.slice(t.start, t.end)).toBe(t.surface);
    const matsumoto = tokens.filter((t) => t.surface === '松本').map((t) => [t.start, t.posDetail1, t.posDetail2]);
    expect(matsumoto).toEqual([[13, '固有名詞', '人名'], [19, '固有名詞', '地域']]);
    expect(tokens.find((t) => t.surface === 'さん')).toMatchObject({ pos: '名詞', posDetail1: '接尾', posDetail2: '人名', reading: 'サン' });
    // A line with no kana or kanji is not analysed.
    expect(tokens.some((t) => t.surface === 'memo')).toBe(false);
  });

  it('cuts a long line into pieces (kuromoji is quadratic in a sentence) and keeps the offsets', async () => {
    await loadAnalyser();
    const text = `${'村岡 里美 が ログ を 確認 した '.repeat(400)}終わり`;
    const tokens = tokenize(text);
    expect(tokens.length).toBeGreaterThan(2000);
    for (const t of tokens) expect(text.slice(t.start, t.end)).toBe(t.surface);
    expect(tokens.at(-1)).toMatchObject({ surface: '終わり', end: text.length });
  });
});

describe('analyse on hostile input does not fail', () => {
  const check = async (text: string) => {
    const { proposals, indicators } = await analyse(text, { name: 'テスト株式会社' });
    for (const s of [...proposals, ...indicators]) {
      expect(s.start).toBeGreaterThanOrEqual(0);
      expect(s.end).toBeLessThanOrEqual(text.length);
      expect(s.start).toBeLessThan(s.end);
    }
    for (let i = 1; i < proposals.length; i++) expect(proposals[i]!.start).toBeGreaterThanOrEqual(proposals[i - 1]!.end);
    return proposals;
  };

  it('empty and blank text', async () => {
    expect(await check('')).toEqual([]);
    expect(await check(' \n\u3000\n')).toEqual([]);
  });

  it('a report of 20,000 characters, including one line with no punctuation at all', async () => {
    const para = '本日、経理担当の村岡 里美が請求書を装ったメールの添付ファイルを開封し、端末 PC-0123 が感染した。\n';
    const longLine = 'ログ'.repeat(2000);
    let text = '';
    while (text.length < 20_000) text += para;
    text = `${text}${longLine}\n`;
    const found = await check(text);
    expect(found.filter((p) => p.label === 'PERSON').length).toBeGreaterThanOrEqual(300);
  });

  it('binary-looking text, control characters and unpaired surrogates', async () => {
    let bytes = '';
    for (let i = 0; i < 3000; i++) bytes += String.fromCharCode((i * 7919) % 65536);
    await check(bytes);
    await check('\u0000\u0001\u0002村岡\u0007さん\ufffe\uffff');
    await check('\ud800村岡さん\udc00 と \ud83d 松本 \ude00さん\ud800');
    const tokens = tokenize('\ud800村岡さん\udc00\u0000');
    expect(tokens.map((t) => t.surface).join('')).toBe('\ufffd村岡さん\ufffd\ufffd');
  });

  it('mixed scripts: emoji, Latin, Korean, Chinese, Arabic and half-width katakana', async () => {
    const text = '😀 村岡さん 🔥 from Tanaka Taro, 김민수 님, 张伟先生, محمد, ﾑﾗｵｶｻﾝ 𠮷野さん';
    const found = await check(text);
    expect(found.map((p) => text.slice(p.start, p.end))).toContain('村岡');
  });
});
