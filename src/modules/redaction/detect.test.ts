import { describe, expect, it } from 'vitest';
import { analyse, detectSensitive, extractIndicators, type OrgProfile, type SensitiveLabel } from './index.js';

const ORG: OrgProfile = { name: '株式会社あさひ電機', aliases: ['あさひ電機', 'Asahi Denki'], domains: ['asahi-denki.example.jp'], cidrs: ['198.51.100.0/28', '2001:db8:aa::/48'] };

// The label and text of every proposal.
const found = async (text: string, org: OrgProfile = ORG): Promise<[SensitiveLabel, string][]> =>
  (await detectSensitive(text, org)).map((p) => [p.label, text.slice(p.start, p.end)]);

describe('detectSensitive: each label', () => {
  const cases: [string, SensitiveLabel, string][] = [
    ['経理の斎藤 花子さんが開封しました。', 'PERSON', '斎藤 花子'],
    ['Please call Mr. Okada tomorrow.', 'PERSON', 'Okada'],
    ['昨日、田中一樹が開封した（田中工業ではない）', 'PERSON', '田中一樹'],
    ['Haruki Murakami opened it', 'PERSON', 'Haruki Murakami'],
    ['Signed off by Jennifer Lopez.', 'PERSON', 'Jennifer Lopez'],
    ['連絡は k.okada@asahi-denki.example.jp まで', 'EMAIL', 'k.okada@asahi-denki.example.jp'],
    ['Our employee uses ken.o@gmail.com at home.', 'EMAIL', 'ken.o@gmail.com'],
    ['電話：０３－１１１１－２２２２', 'PHONE', '０３－１１１１－２２２２'],
    ['TEL 0312345678 まで', 'PHONE', '0312345678'],
    ['TEL:03(1234)5678', 'PHONE', '03(1234)5678'],
    ['住所は大阪府堺市堺区南瓦町3-1です', 'POSTAL_ADDRESS', '大阪府堺市堺区南瓦町3-1'],
    ['送付先 〒530-0001', 'POSTAL_ADDRESS', '〒530-0001'],
    ['個人番号 123456789018 の書類', 'MY_NUMBER', '123456789018'],
    ['card 4111-1111-1111-1111 was used', 'CARD_NUMBER', '4111-1111-1111-1111'],
    ['-----BEGIN RSA PRIVATE KEY-----\nMIIEow\n-----END RSA PRIVATE KEY-----', 'SECRET', '-----BEGIN RSA PRIVATE KEY-----\nMIIEow\n-----END RSA PRIVATE KEY-----'],
    ['api_key=Zq8xP2mN5vL1kR7t', 'SECRET', 'Zq8xP2mN5vL1kR7t'],
    ['PW: Xk9#pq2z で入れました', 'SECRET', 'Xk9#pq2z'],
    ['Authorization: Bearer abcDEF123456ghiJKL789.', 'SECRET', 'abcDEF123456ghiJKL789'],
    ['dsn mysql://root:S3cr3tPass@10.0.0.5:3306/app', 'SECRET', 'S3cr3tPass'],
    ['職員番号: S-00912', 'ACCOUNT', 'S-00912'],
    ['login as CORP\\okada', 'ACCOUNT', 'CORP\\okada'],
    ['lateral movement to 10.20.30.40', 'INTERNAL_IP', '10.20.30.40'],
    ['link-local fe80::1ff:fe23:4567:890a seen', 'INTERNAL_IP', 'fe80::1ff:fe23:4567:890a'],
    ['backup server nas01.asahi.corp failed', 'INTERNAL_HOST', 'nas01.asahi.corp'],
    ['端末 SOUMU-PC3 が感染', 'INTERNAL_HOST', 'SOUMU-PC3'],
    ['vpn.asahi-denki.example.jp を経由', 'INTERNAL_HOST', 'vpn.asahi-denki.example.jp'],
    ['あさひ電機株式会社の情報システム課', 'VICTIM_ORG', 'あさひ電機株式会社'],
    ['ASAHI DENKI staff', 'VICTIM_ORG', 'ASAHI DENKI'],
    ['spoofing asahi-denki.example.jp', 'VICTIM_DOMAIN', 'asahi-denki.example.jp'],
    ['our gateway 198.51.100.9 was scanned', 'VICTIM_IP', '198.51.100.9'],
    ['our prefix 2001:db8:aa::15 too', 'VICTIM_IP', '2001:db8:aa::15'],
  ];
  for (const [text, label, span] of cases) {
    it(`${label}: ${text.slice(0, 30)}`, async () => {
      expect(await found(text)).toContainEqual([label, span]);
    });
  }
});

describe('check digits, Luhn and full-width digits', () => {
  it('accepts a My Number only with a valid check digit', async () => {
    expect(await found('番号 123456789018')).toContainEqual(['MY_NUMBER', '123456789018']);
    expect((await found('番号 123456789019')).some(([l]) => l === 'MY_NUMBER')).toBe(false);
  });
  it('accepts a card number only when it passes Luhn', async () => {
    expect(await found('card 4012 8888 8888 1881')).toContainEqual(['CARD_NUMBER', '4012 8888 8888 1881']);
    expect((await found('card 4012 8888 8888 1882')).some(([l]) => l === 'CARD_NUMBER')).toBe(false);
  });
  it('folds full-width digits and hyphens but keeps the original offsets', async () => {
    const text = 'カード番号４１１１－１１１１－１１１１－１１１１、携帯０８０－９８７６－５４３２';
    expect(await found(text)).toEqual([['CARD_NUMBER', '４１１１－１１１１－１１１１－１１１１'], ['PHONE', '０８０－９８７６－５４３２']]);
  });
});

describe('extractIndicators', () => {
  it('refangs and normalises values and gives STIX patterns', async () => {
    const text = 'C2: hxxps://Bad-Domain[.]COM/x?a=1, 203.0.113[.]077, evil[.]example[.]net, ops[@]bad-mail[.]ru, 2001:DB8:0:0::5';
    const byLabel = Object.fromEntries((await extractIndicators(text, ORG)).map((i) => [i.label, i]));
    expect(byLabel.IOC_URL?.value).toBe('https://bad-domain.com/x?a=1');
    expect(byLabel.IOC_URL?.defanged).toBe(true);
    expect(byLabel.IOC_DOMAIN?.value).toBe('evil.example.net');
    expect(byLabel.IOC_EMAIL?.pattern).toBe("[email-addr:value = 'ops@bad-mail.ru']");
    const ips = (await extractIndicators(text, ORG)).filter((i) => i.label === 'IOC_IP').map((i) => i.pattern);
    expect(ips).toEqual(["[ipv4-addr:value = '203.0.113.77']", "[ipv6-addr:value = '2001:db8::5']"]);
  });
  it('hashes, CVE ids and malware names', async () => {
    const sha256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
    const list = await extractIndicators(`Akira ransomware dropped ${sha256} via cve-2024-3400; also Black Basta.`, ORG);
    expect(list.map((i) => [i.label, i.value])).toEqual([['MALWARE', 'Akira'], ['IOC_HASH', sha256], ['CVE', 'CVE-2024-3400'], ['MALWARE', 'BlackBasta']]);
    expect(list[1]?.pattern).toBe(`[file:hashes.'SHA-256' = '${sha256}']`);
  });
  it('a given name that is also a malware name is a person next to a surname', async () => {
    expect(await found('Akira Tanaka opened the file')).toEqual([['PERSON', 'Akira Tanaka']]);
    expect(await extractIndicators('Akira Tanaka opened the file', ORG)).toEqual([]);
  });
  it('attacker e-mail is kept, the victim people\'s e-mail is redacted', async () => {
    const text = 'From: ceo@asahi-denkii.com To: y.sato@asahi-denki.example.jp';
    expect(await found(text)).toEqual([['EMAIL', 'y.sato@asahi-denki.example.jp']]);
    expect((await extractIndicators(text, ORG)).map((i) => i.value)).toEqual(['ceo@asahi-denkii.com']);
  });
});

describe('overlap resolution', () => {
  it('never redacts a character of an indicator', async () => {
    const text = 'Tanaka downloaded https://files.example.org/tanaka/Invoice-Tanaka.zip from 8.8.4.4 (SHA1 da39a3ee5e6b4b0d3255bfef95601890afd80709).';
    const { proposals, indicators } = await analyse(text, ORG);
    for (const i of indicators) for (const p of proposals) expect(p.start >= i.end || p.end <= i.start).toBe(true);
    expect(proposals.map((p) => text.slice(p.start, p.end))).toEqual(['Tanaka']);
  });
  it('merges overlapping sensitive spans so that every character stays covered', async () => {
    const text = '報告者：あさひ電機 総務課 山本部長';
    const props = await detectSensitive(text, ORG);
    for (let i = 1; i < props.length; i++) expect(props[i]!.start).toBeGreaterThanOrEqual(props[i - 1]!.end);
    expect(props.map((p) => text.slice(p.start, p.end))).toEqual(['あさひ電機', '山本']);
  });
  it('honorifics after group or office words are not people', async () => {
    expect(await found('関係各位様、ご担当者様、お客様、皆様、警察署様、ユーザー様へ')).toEqual([]);
  });
  it('a secret wins over hash-like text inside it', async () => {
    const text = 'password: d41d8cd98f00b204e9800998ecf8427e';
    expect(await found(text)).toEqual([['SECRET', 'd41d8cd98f00b204e9800998ecf8427e']]);
    expect(await extractIndicators(text, ORG)).toEqual([]);
  });
  it('every proposal has a reason with ja and en explanations', async () => {
    const { REASONS } = await import('./reasons.js');
    for (const p of await detectSensitive('山田様 03-1111-2222 10.0.0.1 password: Xy12!abc', ORG)) expect(REASONS).toHaveProperty(p.reason);
  });
});
