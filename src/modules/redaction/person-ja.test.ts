import { beforeAll, describe, expect, it } from 'vitest';
import { loadAnalyser } from './analyser.js';
import { detectJapanesePersons } from './person-ja.js';
import { resolve } from './resolve.js';
import { fold } from './text.js';

beforeAll(() => loadAnalyser());

// The PERSON spans the Japanese detector proposes (after overlap resolution), as text.
const persons = (text: string): string[] => resolve(detectJapanesePersons(fold(text))).proposals.map((p) => text.slice(p.start, p.end));

describe('Japanese personal names', () => {
  const cases: [string, string, string[]][] = [
    // running text, no honorific
    ['a name with no honorific, role word before', '経理担当の村岡 里美（42）が請求書のファイルを開いた。', ['村岡 里美']],
    ['surname and given name without a space', '昨夜、西川拓真がVPNの設定を変更していた。', ['西川拓真']],
    ['a surname alone before a particle', '今朝、村岡と一緒にサーバー室を確認した。', ['村岡']],
    ['a surname the dictionary tags as a company word', '山下が隔離した端末を持ち帰った。', ['山下']],
    ['a department before the name', '総務課の須藤から情報システム課へ連絡があった。', ['須藤']],
    ['surnames that are also places or one kanji, doing the case work', '千葉が対応し、森が記録をとった。', ['千葉', '森']],
    ['a surname alone before は and an act', '昼休み明けに藤田は確認して返信した。', ['藤田']],
    ['a hiragana given name the analyser cuts apart, before くん', 'こうへいくんのタブレットにも同じSMSが来ていた。', ['こうへい']],
    ['hiragana before ちゃん in a chat', '[21:04] 母: ゆいちゃんのスマホ、変なアプリ入ってない？', ['ゆい']],
    ['a role word after the name', '報告を受けた岩田課長がルーターの電源を落とした。', ['岩田']],
    ['a role before the name', '社長の岩崎が記者会見で経緯を説明した。', ['岩崎']],
    ['an honorific after a full name with a full-width space', '情報システム部の　大河内　さやかさん　から報告', ['大河内　さやか']],
    ['a surname split by the dictionary before an honorific', '小鳥遊さんが最初に気づいた。', ['小鳥遊']],
    ['a reading in brackets after the name', '発見者：高橋 一郎（たかはし いちろう）', ['高橋 一郎', 'たかはし いちろう']],
    // given names in hiragana, katakana foreign names
    ['a hiragana given name before くん', '昨日、さとしくんの保護者から学校に電話があった。', ['さとし']],
    ['hiragana given names before さん and ちゃん', 'ゆかりさんとあやちゃんのアカウントが乗っ取られた。', ['ゆかり', 'あや']],
    ['a katakana name with ・ before an honorific', '技能実習生のファン・ティ・ホアさんが不審なSMSを受け取った。', ['ファン・ティ・ホア']],
    ['a katakana name with ・ in a name position', '夜勤のグエン・ヴァン・ナムが警告に気づいた。', ['グエン・ヴァン・ナム']],
    ['a katakana name before 氏', 'セキュリティ担当のジョン・スミス氏が調査した。', ['ジョン・スミス']],
    // chat logs and mails
    ['chat speakers after a time stamp', '[09:14] 小西: VPN が繋がりません\n[09:15] 堀江 美咲: こちらも同じです', ['小西', '堀江 美咲']],
    ['a chat speaker with a hiragana name', '10:03 ふみか: 端末を再起動します', ['ふみか']],
    ['a speaker line before the message (name, then time)', '堀江 美咲  10:21\nファイルサーバーが見えません', ['堀江 美咲']],
    ['an IRC-style speaker', '<ゆうと> サーバー落ちてる？', ['ゆうと']],
    ['a speaker with a full-width colon', '村岡：了解です。すぐ抜きます。', ['村岡']],
    ['From and Cc display names', 'From: 西尾 拓也 <t.nishio@example.co.jp>\nCc: "山岸 千夏" <c.yamagishi@example.co.jp>', ['西尾 拓也', '山岸 千夏']],
    ['a display name after a department', '差出人: 経理部 中川 由香', ['中川 由香']],
    ['a signature line', 'よろしくお願いいたします。\n村岡 里美', ['村岡 里美']],
    // places, companies and common words are not people
    ['a city', '松本市の支店でランサムウェアの感染を確認した。', []],
    ['a surname with an honorific next to the same word as a prefecture', '石川さんが石川県の営業所に出張していた。', ['石川']],
    ['a ward and a person of the same name', '中野区の中野さんから問い合わせがあった。', ['中野']],
    ['places before の and a place noun', '大塚の店舗と神田の事務所で同じメールが届いた。', []],
    ['a place alone before a particle', '千葉から連絡があり、福島に出張した。', []],
    ['companies that start with a surname', '田中電機と鈴木商店、高橋歯科医院を装うメールが届いた。', []],
    ['a company in front of a name is the company', '株式会社田中の請求書を装ったメール', []],
    ['a municipal office', '豊田市役所から注意喚起があった。', []],
    ['companies with さん', '富士通さんに保守を依頼しているが、マイクロソフトさんにも問い合わせた。', []],
    ['group words with honorifics', '関係各位様、ご担当者様、お客様、皆様、ユーザー様、みなさんへ', []],
    ['family words with honorifics', 'おばあさんとあかちゃんの写真が流出した。', []],
    ['a place that is no surname does no case work', '大阪が対応し、東京は報告を待っている。', []],
    ['katakana words joined by ・ are not names', 'メール・チャット・電話で連絡し、ランサムウェア・グループの声明を確認した。', []],
    ['a department and a role word', '総務部長の判断で端末を隔離した。', []],
    ['mail header labels', '件名: 請求書の送付について\n宛先: 経理部 御中\nTo: 情報システム部 各位', []],
    ['common words that are also given names', '大地が揺れ、光回線が切れた。真理が分かった。', []],
    ['a surname the dictionary knows only as a common word, before さん', '営業部山岸さんのPCからも同じ通信が出ていた。', ['山岸']],
    ['a chat line with a date and time', '[2024/05/10 09:14] 堀江: ルーターを再起動しました', ['堀江']],
    ['family words, many and a company with さん', '娘さんのスマホにSMSが届いた。たくさんの苦情が田中工業さんに寄せられた。', []],
    ['a cape named after a surname', '和田岬の倉庫で浸水被害が発生した。', []],
  ];
  for (const [name, text, expected] of cases) {
    it(name, () => {
      expect(persons(text)).toEqual(expected);
    });
  }

  it('keeps offsets in the original text (full-width letters and spaces are folded, not removed)', () => {
    const text = 'ＰＣ　担当の村岡　里美が開封';
    const found = resolve(detectJapanesePersons(fold(text))).proposals;
    expect(found.map((p) => [p.start, p.end])).toEqual([[6, 11]]);
    expect(found[0]?.reason).toBe('name_in_context');
  });

  it('gives a reason for each cue', () => {
    const reasons = (text: string) => resolve(detectJapanesePersons(fold(text))).proposals.map((p) => p.reason);
    expect(reasons('岩田課長が')).toEqual(['name_with_role']);
    expect(reasons('ホアさんが')).toEqual(['name_dictionary_with_honorific']);
    expect(reasons('西川拓真が')).toEqual(['name_dictionary_full']);
    expect(reasons('総務の須藤が')).toEqual(['name_in_context']);
  });
});
