// Issue 18: the publication safety net catches what a reader would still recognise as the victim or its people.
import { describe, expect, it } from 'vitest';
import { findLeaks, stringsOf, type ReadingOf } from './leak-check.js';

// Readings as the morphological analyser gives them (katakana), for the words used below.
const READINGS: Record<string, string> = { 桜総合病院: 'サクラソウゴウビョウイン', 山本: 'ヤマモト', 警告: 'ケイコク', '不審な通信を確認しました。': 'フシンナツウシンヲカクニンシマシタ。' };
const readingOf: ReadingOf = (text) => READINGS[text] ?? text;

const forbidden = [
  { text: '桜総合病院', reason: 'VICTIM_ORG' },
  { text: 'Sakura General Hospital', reason: 'VICTIM_ORG' },
  { text: '山本', reason: 'PERSON' },
  { text: 'k.yamamoto.1987@example.com', reason: 'EMAIL' },
  { text: 'Ito', reason: 'PERSON' },
];
const leaksIn = (text: string) => findLeaks(stringsOf({ description: text }), forbidden, readingOf).map((l) => l.reason);

describe('findLeaks: spellings a reader recognises', () => {
  it('catches an invisible character inside a name, look-alike letters and another separator', () => {
    expect(leaksIn('Sakura Gene\u200bral Hospital was hit')).toEqual(['VICTIM_ORG']);
    expect(leaksIn('Sаkura General Hоspital was hit')).toEqual(['VICTIM_ORG']); // Cyrillic а and о
    expect(leaksIn('victim: Sakura-General-Hospital')).toEqual(['VICTIM_ORG']);
    expect(leaksIn('victim: SakuraGeneralHospital')).toEqual(['VICTIM_ORG']);
    expect(leaksIn('桜総\u200d合病院')).toEqual(['VICTIM_ORG']);
  });

  it('catches katakana and romanised forms through the reading', () => {
    expect(findLeaks(stringsOf({ description: 'サクラソウゴウビョウイン' }), forbidden, readingOf).map((l) => l.reason)).toEqual(['VICTIM_ORG']);
    expect(leaksIn('Observed at Sakura Sogo Byoin on Monday')).toEqual(['VICTIM_ORG']);
    expect(leaksIn('contact YAMAMOTO')).toEqual(['PERSON']);
  });

  it('catches an address in full width or another case', () => {
    // The address also spells the person's name in romaji: both are reported.
    expect(leaksIn('ｋ．ｙａｍａｍｏｔｏ．１９８７＠ｅｘａｍｐｌｅ．ｃｏｍ')).toEqual(['PERSON', 'EMAIL']);
    expect(leaksIn('K.Yamamoto.1987@Example.com')).toEqual(expect.arrayContaining(['EMAIL']));
  });

  it('does not find a short Latin name inside another word, nor anything in clean text', () => {
    expect(leaksIn('Monitoring of the VPN gateway showed beaconing.')).toEqual([]);
    expect(leaksIn('不審な通信を確認しました。')).toEqual([]);
    expect(leaksIn('警告')).toEqual([]);
  });
});
