import { describe, expect, it } from 'vitest';
import { analyse } from './detect.js';
import { analyseRules, spans } from './testdata/rules.js';
import type { OrgProfile } from './types.js';

const MINATO: OrgProfile = { name: '株式会社みなと精工', aliases: ['みなと精工', 'Minato Seiko'], domains: ['minato-seiko.co.jp'], cidrs: ['198.51.100.0/28'] };

const SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
const SHA1 = '3f786850e387550fdab836ed7e6dc881de23001b';
const MD5 = '5f4dcc3b5aa765d61d8327deb882cf99';
const ONION = 'lockbitapt6vx57t3eeqjofwgcglmutr3a35nygvokja5uuccip4ykyd.onion';

// Every indicator string is kept whole and no character of it is redacted.
function expectKept(text: string, indicators: string[], org: OrgProfile = MINATO): void {
  const { proposals, indicators: kept } = analyseRules(text, org);
  const keptText = kept.map((i) => text.slice(i.start, i.end));
  for (const s of indicators) {
    expect(keptText, s).toContain(s);
    const at = text.indexOf(s);
    for (const p of proposals) expect(p.end <= at || p.start >= at + s.length, `${s} overlaps ${text.slice(p.start, p.end)}`).toBe(true);
  }
}

describe('indicators are never proposed for redaction', () => {
  it('en: ransom note: onion URL, bare onion domain, contact address, hashes', () => {
    const text = `YOUR FILES ARE ENCRYPTED. To decrypt, visit http://${ONION}/chat or ${ONION} with Tor Browser, or write to decrypt@onionmail.org. Sample ${SHA256}. Your personal ID: ${MD5}`;
    expectKept(text, [`http://${ONION}/chat`, ONION, 'decrypt@onionmail.org', SHA256]);
    // The victim's id in the note opens the negotiation: it is the victim's, not an indicator.
    expect(spans(text, MINATO).redacted).toEqual([['SECRET', MD5]]);
  });
  it('ja: 脅迫文の連絡先と onion アドレス', () => {
    const text = `ファイルは暗号化されました。復号を希望する場合は ${ONION} にアクセスし、連絡先 recovery_team@proton.me までご連絡ください。`;
    expectKept(text, [ONION, 'recovery_team@proton.me']);
  });
  it('a hash after a plain id word, a sample or a hash label is a hash', () => {
    const text = `Sample ID: ${SHA1}\nfile id ${MD5}\nSHA256: ${SHA256}\nid: ${SHA1}`;
    expectKept(text, [SHA256]);
    expect(spans(text, MINATO).redacted).toEqual([]);
  });
  it('defanged indicators and public resolvers stay', () => {
    const text = 'C2 was hxxps://login-micros0ft[.]com/auth and evil-site[.]ru; the beacon used 45.137.21[.]9; DNS went to 8.8.8.8 and 1.1.1.1.';
    expectKept(text, ['hxxps://login-micros0ft[.]com/auth', 'evil-site[.]ru', '45.137.21[.]9', '8.8.8.8', '1.1.1.1']);
    expect(spans(text, MINATO).redacted).toEqual([]);
  });
  it('the phishing sender and lookalike of the member are kept', () => {
    const text = 'フィッシングメールの差出人: support@minato-seik0.com（送信元 IP 185.220.101.4）、本文のリンク hxxp://minato-seiko-login[.]com/';
    expectKept(text, ['support@minato-seik0.com', '185.220.101.4', 'hxxp://minato-seiko-login[.]com/']);
  });
  it('vendors and tools named in passing are not redacted', () => {
    const text = 'We contacted Microsoft, Zoom, Cisco and Trend Micro support; the intruder used Rclone and AnyDesk. 弊社は NEC と富士通 の保守窓口にも連絡した。';
    expect(spans(text, MINATO).redacted).toEqual([]);
  });
  it('the Phobos victim id inside an encrypted file\'s extension is a secret; the mailbox and family are kept', () => {
    const text = 'Files renamed to report.docx.id[8F3A1B2C-3483].[restore@cock.li].8base';
    expect(spans(text, MINATO).redacted).toEqual([['SECRET', '8F3A1B2C-3483']]);
    expectKept(text, ['restore@cock.li', '8base']);
  });
  it('a secret keyword still wins over a hex value that is the secret', () => {
    const text = `token: 9f86d081884c7d659a2feaf0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08`;
    expect(spans(text, MINATO).redacted.map(([l]) => l)).toEqual(['SECRET']);
  });
  it('the public analyse keeps them too', async () => {
    const text = `Hello, ${ONION} decrypt@onionmail.org ${SHA256} hxxp://evil-site[.]ru/x 8.8.8.8`;
    const { indicators } = await analyse(text, MINATO);
    expect(indicators.map((i) => text.slice(i.start, i.end))).toEqual([ONION, 'decrypt@onionmail.org', SHA256, 'hxxp://evil-site[.]ru/x', '8.8.8.8']);
  });
});
