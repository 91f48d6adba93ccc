import { describe, expect, it } from 'vitest';
import { applyRedactions, detectSensitive } from './index.js';
import { canonicalIpv6, cidrContains, parseIpv6 } from './ip.js';
import { luhnOk, myNumberCheckDigitOk } from './numbers.js';

const ORG = { name: '株式会社みなと運輸', aliases: ['みなと運輸'], domains: ['minato-unyu.example.jp'], cidrs: [] };

describe('applyRedactions', () => {
  it('gives the same token to the same person throughout a report (田中, 田中さん, 田中 太郎)', async () => {
    const text = '田中 太郎さんが開封。田中さんのPCは隔離済み。佐藤課長に報告し、田中が再起動した。';
    const { text: out, replacements } = applyRedactions(text, await detectSensitive(text, ORG));
    expect(out).toBe('[PERSON-1]さんが開封。[PERSON-1]さんのPCは隔離済み。[PERSON-2]課長に報告し、[PERSON-1]が再起動した。');
    expect(replacements.map((r) => r.original)).toEqual(['田中 太郎', '田中', '佐藤', '田中']);
  });
  it('numbers tokens per label, normalising e-mail case, phone formats and host short names', async () => {
    const text = 'T.Ito@minato-unyu.example.jp と t.ito@minato-unyu.example.jp、電話 03-1111-2222 / ０３－１１１１－２２２２、host fs01.minato.local と host fs01';
    const { text: out } = applyRedactions(text, await detectSensitive(text, ORG));
    expect(out).toBe('[EMAIL-1] と [EMAIL-1]、電話 [PHONE-1] / [PHONE-1]、host [INTERNAL_HOST-1] と host [INTERNAL_HOST-1]');
  });
  it('gives one token to the victim under its name and aliases, and keeps Latin names consistent', async () => {
    const text = '株式会社みなと運輸（みなと運輸）の Kenji Ito と Mr. Ito、そして Mary Smith';
    const { text: out } = applyRedactions(text, await detectSensitive(text, ORG));
    expect(out).toBe('[VICTIM_ORG-1]（[VICTIM_ORG-1]）の [PERSON-1] と Mr. [PERSON-1]、そして [PERSON-2]');
  });
  it('merges overlapping and clamps out-of-range redactions added by hand', () => {
    const { text, replacements } = applyRedactions('abcdef', [{ start: 1, end: 3, label: 'SECRET' }, { start: 2, end: 4, label: 'SECRET' }, { start: 5, end: 99, label: 'ACCOUNT' }]);
    expect(text).toBe('a[SECRET-1]e[ACCOUNT-1]');
    expect(replacements).toHaveLength(2);
  });
});

describe('check digits and addresses', () => {
  it('My Number check digit', () => {
    expect(myNumberCheckDigitOk('123456789018')).toBe(true);
    expect(myNumberCheckDigitOk('123456789010')).toBe(false);
    expect(myNumberCheckDigitOk('12345678901')).toBe(false);
  });
  it('Luhn', () => {
    expect(luhnOk('4111111111111111')).toBe(true);
    expect(luhnOk('378282246310005')).toBe(true);
    expect(luhnOk('4111111111111112')).toBe(false);
  });
  it('IPv6 parsing, canonical form and ranges', () => {
    expect(canonicalIpv6(parseIpv6('2001:0DB8:0000:0000:0000:0000:0000:0001') as number[])).toBe('2001:db8::1');
    expect(parseIpv6('1:2:3')).toBeUndefined();
    expect(cidrContains('2001:db8::/32', '2001:db8:ffff::1')).toBe(true);
    expect(cidrContains('192.0.2.0/28', '192.0.2.16')).toBe(false);
    expect(cidrContains('192.0.2.0/28', '192.0.2.15')).toBe(true);
  });
});
