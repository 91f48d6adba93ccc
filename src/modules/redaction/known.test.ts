// The member's own people and taught values, found in the spellings a reader would recognise.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadAnalyser } from './analyser.js';
import { detectKnown, namesOfPerson } from './known.js';
import { resolve } from './resolve.js';
import { romanisedForm, latinForm, skeleton } from './variants.js';
import type { OrgProfile } from './types.js';

const org: OrgProfile = {
  name: 'さくら総合病院', aliases: ['Sakura General Hospital'],
  people: ['山本 和也', 'Chidi Okafor'], emails: ['kazuya.yamamoto.home@example.net'],
  remembered: [{ value: 'KHS-PACS02', label: 'INTERNAL_HOST' }, { value: '患者ID 0045-2231', label: 'ACCOUNT' }],
};
const found = (text: string) => detectKnown(text, org).sort((a, b) => a.start - b.start || b.end - a.end).map((c) => ({ text: text.slice(c.start, c.end), label: c.label, reason: c.reason }));

describe('variants', () => {
  it('folds invisible characters, width, case, separators, look-alikes and katakana', () => {
    expect(skeleton('Sa\u200bkura－General_Hospital').text).toBe('sakurageneralhospital');
    expect(skeleton('Sаkura').text).toBe('sakura'); // Cyrillic а
    expect(skeleton('サクラ総合病院').text).toBe(skeleton('さくら総合病院').text);
    expect(skeleton('ＫＨＳ－ＰＡＣＳ０２').text).toBe('khspacs02');
  });

  it('romanises readings without long vowels', () => {
    expect(romanisedForm('さくらそうごうびょういん')).toBe(latinForm('Sakura Sogo Byoin'));
    expect(latinForm('SAKURA SŌGŌ')).toBe(latinForm('sakura-sougou'));
  });
});

describe('detectKnown', () => {
  it('finds registered people by full name and by their parts, in any spacing', () => {
    expect(found('昨日、山本和也が不審なメールを開きました。山本によると…')).toEqual([
      { text: '山本和也', label: 'PERSON', reason: 'member_known_name' },
      { text: '山本', label: 'PERSON', reason: 'member_known_name' },
      { text: '和也', label: 'PERSON', reason: 'member_known_name' },
      { text: '山本', label: 'PERSON', reason: 'member_known_name' },
    ]);
    expect(found('Ward clerk C. OKAFOR reported it; Okafor\'s laptop was isolated.').map((f) => f.text)).toEqual(['OKAFOR', 'Okafor']);
  });

  it('does not find a Latin name inside a longer word', () => {
    expect(found('Okaforbridge Ltd and chidiokafor1 are unrelated')).toEqual([]);
  });

  it('finds taught values and the member\'s names in disguised spellings', () => {
    expect(found('移行先 ＫＨＳ－ＰＡＣＳ０２ と khs-pacs02.local')).toEqual([
      { text: 'ＫＨＳ－ＰＡＣＳ０２', label: 'INTERNAL_HOST', reason: 'remembered_value' },
      { text: 'khs-pacs02', label: 'INTERNAL_HOST', reason: 'remembered_value' },
    ]);
    expect(found('サクラ総合病院 と Sakura-General-Hospital と Sа\u200bkura General Hospital').map((f) => f.text))
      .toEqual(['サクラ総合病院', 'Sakura-General-Hospital', 'Sа\u200bkura General Hospital']);
  });

  it('makes a staff member\'s own address sensitive even where it looks like an attacker\'s', () => {
    const text = '差出人 kazuya.yamamoto.home@example.net から転送';
    const start = text.indexOf('kazuya');
    const end = start + 'kazuya.yamamoto.home@example.net'.length;
    const { proposals, indicators } = resolve([
      ...detectKnown(text, org),
      { kind: 'indicator', label: 'IOC_EMAIL', start, end, value: text.slice(start, end), reason: 'attacker_email', defanged: false, stixType: 'email-addr' },
    ]);
    expect(indicators).toEqual([]);
    expect(proposals.map((p) => text.slice(p.start, p.end))).toContain('kazuya.yamamoto.home@example.net');
  });

  it('takes from display names only the words that can be a name', () => {
    expect(namesOfPerson('山本 和也')).toEqual(['山本 和也', '山本', '和也']);
    expect(namesOfPerson('総務 佐藤')).toEqual(['総務 佐藤', '佐藤']);
    expect(namesOfPerson('情報システム部 管理者')).toEqual([]);
    expect(namesOfPerson('IT Desk')).toEqual([]);
    expect(namesOfPerson('staff')).toEqual([]);
    expect(detectKnown('管理者が確認した', { people: ['情報システム部 管理者'] })).toEqual([]);
  });

  it('ignores values too short to be searched and profiles without people', () => {
    expect(detectKnown('山 と A が', { people: ['山', 'A'] })).toEqual([]);
    expect(detectKnown('anything', {})).toEqual([]);
  });
});

describe('detectKnown with readings', () => {
  beforeAll(async () => {
    await loadAnalyser();
  }, 60_000);

  it('finds a registered name written in katakana by its reading', () => {
    const text = '請求書はヤマモト カズヤ名義、差出人は山本さんではなかった。';
    const spans = detectKnown(text, { people: ['山本 和也'] }).map((c) => text.slice(c.start, c.end));
    expect(spans).toEqual(expect.arrayContaining(['ヤマモト', 'カズヤ', '山本']));
  });
});
