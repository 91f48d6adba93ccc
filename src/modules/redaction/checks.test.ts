import { describe, expect, it } from 'vitest';
import { detectAccounts } from './accounts.js';
import { detectHosts } from './hosts.js';
import { detectSecrets } from './secrets.js';
import { fold } from './text.js';
import { detectIbans, detectJapaneseBankAccounts } from './banking.js';
import { detectAddresses } from './address.js';
import { detectIdNumbers, shortLuhnOk } from './id-numbers.js';
import { detectCards, detectMyNumbers } from './numbers.js';
import { REASONS } from './reasons.js';
import { analyseRules, spans } from './testdata/rules.js';
import type { OrgProfile, SensitiveLabel } from './types.js';

const KAWABE: OrgProfile = { name: '医療法人 川辺会', aliases: ['川辺会', 'Kawabe-kai'], domains: ['kawabe-kai.or.jp'], cidrs: ['192.0.2.0/26'] };

interface Case { name: string; text: string; redact: [SensitiveLabel, string][]; clean?: string[] }

function check(c: Case): void {
  const { redacted } = spans(c.text, KAWABE);
  for (const r of c.redact) expect(redacted, `${r[0]} ${r[1]}`).toContainEqual(r);
  for (const s of c.clean ?? []) {
    for (const [, text] of redacted) expect(text.includes(s) || s.includes(text), `${s} redacted as part of ${text}`).toBe(false);
  }
}

const CASES: Case[] = [
  {
    name: 'ja: BEC payee change with a Japanese bank account and a private holder',
    text: '【重要】お振込先変更のお知らせ\n今月より下記口座へお振込みください。\n三井住友銀行 渋谷駅前支店（234） 普通預金 7654321\n口座名義：ヤマダ タロウ\nご請求額：1,280,000円（3月末日まで）',
    redact: [['ACCOUNT', '7654321'], ['PERSON', 'ヤマダ タロウ']],
    clean: ['三井住友銀行', '渋谷駅前支店', '1,280,000'],
  },
  {
    name: 'ja: account type and number without a bank name on the same line, full-width digits',
    text: '振込先：みずほ銀行 新橋支店\n当座　１２３４５６７\n受取人名 ｶ)ﾐﾅﾄｼｮｳｼﾞ',
    redact: [['ACCOUNT', '１２３４５６７']],
    clean: ['ｶ)ﾐﾅﾄｼｮｳｼﾞ'],
  },
  {
    name: 'ja: ゆうちょ 記号番号',
    text: 'ゆうちょ銀行 記号番号 12345-1234567(1) へお振込みください（期日 2025年3月31日）。',
    redact: [['ACCOUNT', '12345-1234567(1)']],
    clean: ['2025年3月31日'],
  },
  {
    name: 'en: BEC mail with a valid IBAN and a BIC',
    text: 'Dear Accounts Payable,\nPlease update our banking details. Beneficiary: Minato Trading GmbH\nIBAN: DE89 3704 0044 0532 0130 00\nBIC: COBADEFFXXX\nAmount: EUR 48,200.00, invoice INV-2025-0311.',
    redact: [['ACCOUNT', 'DE89 3704 0044 0532 0130 00']],
    clean: ['COBADEFFXXX', '48,200.00', 'INV-2025-0311'],
  },
  {
    name: 'en: an IBAN that fails its checksum is not labelled, nor are its digits',
    text: 'The fraudster first sent IBAN DE89 3704 0044 0532 0130 01 (a typo) and then GB29NWBK60161331926818.',
    redact: [],
    clean: ['DE89 3704 0044 0532 0130 01', 'GB29NWBK60161331926818'],
  },
  {
    name: 'en: card numbers: Luhn decides, order numbers stay',
    text: 'Card on file: 4012 8888 8888 1881 (exp 09/27). Order number 4111111111111112 shipped; order no. 4539578763621486 too; total $129.99.',
    redact: [['CARD_NUMBER', '4012 8888 8888 1881']],
    clean: ['4111111111111112', '4539578763621486', '09/27', '129.99'],
  },
  {
    name: 'ja: form with full-width digits: My Number, employee number, address',
    text: '氏名：鈴木 一郎　社員番号：００４５１２\n個人番号：１２３４ ５６７８ ９０１８\n住所：〒２２０－００１２ 神奈川県横浜市西区みなとみらい２－３－１ クイーンズタワーＡ ７Ｆ',
    redact: [['ACCOUNT', '００４５１２'], ['MY_NUMBER', '１２３４ ５６７８ ９０１８'], ['POSTAL_ADDRESS', '〒２２０－００１２ 神奈川県横浜市西区みなとみらい２－３－１ クイーンズタワーＡ ７Ｆ']],
  },
  {
    name: 'ja: a 12-digit number failing the My Number check digit is not one',
    text: '受付番号 123456789019 で登録しました。',
    redact: [],
    clean: ['123456789019'],
  },
  {
    name: 'ja: patient, staff and student numbers in context',
    text: '流出した可能性のある情報：患者番号：００８８１２３４、カルテ番号 K-20931、職員番号 S-00912、学籍番号 21B0456、会員番号 100234。',
    redact: [['ACCOUNT', '００８８１２３４'], ['ACCOUNT', 'K-20931'], ['ACCOUNT', 'S-00912'], ['ACCOUNT', '21B0456'], ['ACCOUNT', '100234']],
  },
  {
    name: 'en: employee, staff, student ids and MRN',
    text: 'Affected records: Employee ID: E10482, Staff No. 5521, Student ID 2023-0417, MRN 00982341, Patient ID P-77120. Ticket INC-4471 and change CHG-2025-0142 remain open.',
    redact: [['ACCOUNT', 'E10482'], ['ACCOUNT', '5521'], ['ACCOUNT', '2023-0417'], ['ACCOUNT', '00982341'], ['ACCOUNT', 'P-77120']],
    clean: ['INC-4471', 'CHG-2025-0142'],
  },
  {
    name: 'ja: passport numbers',
    text: '出張者のパスポート番号 TK1234567 と旅券番号：MZ7654321 がスキャンされていた。',
    redact: [['ACCOUNT', 'TK1234567'], ['ACCOUNT', 'MZ7654321']],
  },
  {
    name: 'ja: health-insurance card: insurer number with its check digit, symbol and number',
    text: '保険証の写し：保険者番号 06139919、被保険者証 記号：3102 番号：45 枝番：01',
    redact: [['ACCOUNT', '06139919'], ['ACCOUNT', '3102'], ['ACCOUNT', '45'], ['ACCOUNT', '01']],
  },
  {
    name: 'ja: postal address block with building, floor and room',
    text: '送付先\n〒105-0011 東京都港区芝公園4丁目2番8号 芝パークビル 5階 502号室\n川辺会 総務課 御中',
    redact: [['POSTAL_ADDRESS', '〒105-0011 東京都港区芝公園4丁目2番8号 芝パークビル 5階 502号室']],
  },
  {
    name: 'ja: addresses without 〒 or prefecture, kanji numerals, Hokkaido and Kyoto styles',
    text: '旧住所は さいたま市大宮区桜木町1丁目7番地5、新住所は 港区芝公園四丁目二番八号。支所は 札幌市中央区北1条西2丁目 と 京都市中京区烏丸通御池下る虎屋町566-1 です。',
    redact: [['POSTAL_ADDRESS', 'さいたま市大宮区桜木町1丁目7番地5'], ['POSTAL_ADDRESS', '港区芝公園四丁目二番八号'], ['POSTAL_ADDRESS', '札幌市中央区北1条西2丁目'], ['POSTAL_ADDRESS', '京都市中京区烏丸通御池下る虎屋町566-1']],
  },
  {
    name: 'ja: a region alone is not an address',
    text: '本社は東京都港区にあります。大阪府の支店で2件、市内で3台が被害。',
    redact: [],
    clean: ['東京都港区', '大阪府'],
  },
  {
    name: 'en: US, UK and Australian street addresses with suites',
    text: 'Ship to: Suite 400, 350 Fifth Avenue, New York, NY 10118. Billing: 1600 Amphitheatre Parkway, Mountain View, CA 94043. UK office: 12 Baker Street, London NW1 6XE. AU: Level 12, 1 Market St, Sydney NSW 2000.',
    redact: [['POSTAL_ADDRESS', 'Suite 400, 350 Fifth Avenue, New York, NY 10118'], ['POSTAL_ADDRESS', '1600 Amphitheatre Parkway, Mountain View, CA 94043'], ['POSTAL_ADDRESS', '12 Baker Street, London NW1 6XE'], ['POSTAL_ADDRESS', 'Level 12, 1 Market St, Sydney NSW 2000']],
  },
  {
    name: 'en: a Japanese address written in English',
    text: 'Our office moved to Shiba Park Bldg. 5F, 4-2-8 Shibakoen, Minato-ku, Tokyo 105-0011, Japan last year.',
    redact: [['POSTAL_ADDRESS', 'Shiba Park Bldg. 5F, 4-2-8 Shibakoen, Minato-ku, Tokyo 105-0011, Japan']],
  },
  {
    name: 'ja: address block over three lines (〒, address, building)',
    text: '送付先:\n〒105-0011\n東京都港区芝公園4-2-8\n芝パークビル 5階\n担当: 総務課',
    redact: [['POSTAL_ADDRESS', '〒105-0011\n東京都港区芝公園4-2-8\n芝パークビル 5階']],
    clean: ['総務課'],
  },
  {
    name: 'en: address blocks over lines (Japan and US), and a Thai plant',
    text: 'Minato Seiko Co., Ltd.\nShiba Park Bldg. 5F\n4-2-8 Shibakoen\nMinato-ku, Tokyo 105-0011\nJapan\n\nShip to:\n742 Evergreen Terrace\nSpringfield, IL 62704\nUSA\n\nPlant: 99/9 Moo 4, Bangna-Trad Road Km. 23, Bang Sao Thong, Samut Prakan 10570, Thailand',
    redact: [['POSTAL_ADDRESS', 'Shiba Park Bldg. 5F\n4-2-8 Shibakoen\nMinato-ku, Tokyo 105-0011\nJapan'], ['POSTAL_ADDRESS', '742 Evergreen Terrace\nSpringfield, IL 62704\nUSA'], ['POSTAL_ADDRESS', '99/9 Moo 4, Bangna-Trad Road Km. 23, Bang Sao Thong, Samut Prakan 10570, Thailand']],
    clean: ['Minato Seiko Co., Ltd.'],
  },
  {
    name: 'ja: bracketed form labels (【口座番号】, 【ご住所】, 【氏名】)',
    text: '【振込先】みずほ銀行 新橋支店【口座番号】1234567【ご住所】東京都港区芝公園4-2-8【端末名】KEIRI-PC07【氏名】中川 拓',
    redact: [['ACCOUNT', '1234567'], ['POSTAL_ADDRESS', '東京都港区芝公園4-2-8'], ['INTERNAL_HOST', 'KEIRI-PC07'], ['PERSON', '中川 拓']],
    clean: ['みずほ銀行', '新橋支店'],
  },
  {
    name: 'en: labelled address lines, but not IP or network addresses',
    text: 'Address: 12 Baker Street, London NW1 6XE\nIP Address: 10.0.0.5\nSource Network Address: 203.0.113.5\nMAC Address: 00:1a:2b:3c:4d:5e',
    redact: [['POSTAL_ADDRESS', '12 Baker Street, London NW1 6XE'], ['INTERNAL_IP', '10.0.0.5']],
    clean: ['203.0.113.5', '00:1a:2b:3c:4d:5e'],
  },
  {
    name: 'en: versions, ports, amounts, dates and ticket numbers stay',
    text: 'We upgraded FortiOS to v7.2.8 and Apache to 2.4.58 (build 10.0.19045), closed ports 3389 and 8443, paid ¥120,000 on 2025-03-02 at 10:15, and opened tickets INC-20250302-0012 and #88213. Event ID 4625 and Process ID: 4521 were logged.',
    redact: [],
    clean: ['v7.2.8', '2.4.58', '10.0.19045', '3389', '8443', '120,000', '2025-03-02', 'INC-20250302-0012', '88213', '4625', '4521'],
  },
  {
    name: 'ja: 番号 words that are not personal: チケット, 注文, 伝票',
    text: 'チケット番号 REQ-00421、注文番号 4539578763621486、伝票番号 1234567890123、v2.3.14 にアップデート済み。',
    redact: [],
    clean: ['REQ-00421', '4539578763621486', '1234567890123', 'v2.3.14'],
  },
];

describe('numbers with checks and addresses in realistic texts', () => {
  for (const c of CASES) it(c.name, () => check(c));
  it('every proposal has a reason with ja and en explanations', () => {
    for (const c of CASES) for (const p of analyseRules(c.text, KAWABE).proposals) expect(REASONS).toHaveProperty(p.reason);
  });
});

describe('check digits', () => {
  it('IBAN checksum (ibantools), cut at a group boundary', () => {
    const text = 'IBAN GB29 NWBK 6016 1331 9268 19 ABCD';
    expect(detectIbans(text).map((c) => text.slice(c.start, c.end))).toEqual(['GB29 NWBK 6016 1331 9268 19']);
    expect(detectIbans('IBAN GB29 NWBK 6016 1331 9268 18')).toEqual([]);
  });
  it('保険者番号 uses the Luhn scheme on six or eight digits', () => {
    expect(shortLuhnOk('01130012')).toBe(true);
    expect(shortLuhnOk('01130013')).toBe(false);
    expect(detectIdNumbers('保険者番号 01130013')).toEqual([]);
  });
  it('My Number and card digits inside an IBAN-shaped run are neither', () => {
    const text = 'IBAN DE89 3704 0044 0532 0130 01';
    expect([...detectMyNumbers(text), ...detectCards(text)]).toEqual([]);
  });
  it('a bank account needs a bank word before the account type', () => {
    expect(detectJapaneseBankAccounts('普通 1234567 件のログ')).toEqual([]);
  });
  it('an address runs over a line break only into a line that continues it', () => {
    const text = '東京都港区芝公園4-2-8\n被害は3台です';
    expect(detectAddresses(text).map((c) => text.slice(c.start, c.end))).toEqual(['東京都港区芝公園4-2-8']);
  });
});

describe('the account someone signed in as', () => {
  const accounts = (text: string) => [...new Set(detectAccounts(text).map((c) => text.slice(c.start, c.end)))];
  it('is the member\'s account, in English and Japanese', () => {
    expect(accounts('The intruder logged in as j.whitfield from a VPN exit node.')).toEqual(['j.whitfield']);
    expect(accounts('Someone signed in with the account ops-kato2 at 02:14.')).toEqual(['ops-kato2']);
    expect(accounts('攻撃者は「m.sugita」としてログインし、メールを転送した。')).toEqual(['m.sugita']);
    expect(accounts('深夜に k-nakane01 でログインされた記録がある。')).toEqual(['k-nakane01']);
    expect(accounts('He reset the password for "e.nakamura" and for the kiosk.')).toEqual(['e.nakamura']);
    expect(accounts('The password for "VPN" was weak.')).toEqual([]);
  });
  it('is not an ordinary word or a built-in name', () => {
    expect(accounts('She logged in as usual and saw nothing.')).toEqual([]);
    expect(accounts('The attacker logged in as admin over RDP.')).toEqual([]);
  });
});

describe('host names in lower case', () => {
  const hosts = (text: string) => detectHosts(text).map((c) => text.slice(c.start, c.end));
  it('are found by their role part and a two- or three-digit number', () => {
    expect(hosts('We isolated mailsrv01 and fs-02, then rebuilt websv103.')).toEqual(['mailsrv01', 'fs-02', 'websv103']);
  });
  it('are not versions, counts or products', () => {
    expect(hosts('Upgrade win10 and web2 clients, vm1 and sql2019, and the ex4300 switch.')).toEqual([]);
  });
});

describe('secrets after their key', () => {
  const secrets = (text: string) => detectSecrets(text).filter((c) => c.label === 'SECRET').map((c) => text.slice(c.start, c.end));
  it('takes a config key of several words whole, and only the value', () => {
    expect(secrets('export AWS_SECRET_ACCESS_KEY=Zp4kQ9sLm2Vx7Tn0Rb8Wc6Yd1Hf3Jg5Ke9Ua2Ix')).toEqual(['Zp4kQ9sLm2Vx7Tn0Rb8Wc6Yd1Hf3Jg5Ke9Ua2Ix']);
    expect(secrets('API_KEY_PROD="k3-99ab-cc21"')).toEqual(['k3-99ab-cc21']);
  });
  it('stops before a note in brackets', () => {
    const text = fold('暗証番号は 0825（誕生日）だった。');
    expect(detectSecrets(text).map((c) => text.slice(c.start, c.end))).toEqual(['0825']);
  });
  it('finds the password of a user / password pair', () => {
    expect(secrets('RDP was open with Administrator / P@ssw0rd! on the old server.')).toEqual(['P@ssw0rd!']);
    const pair = 'ID/PW: k.sato / Haru2025 を付箋に書いていた';
    expect(analyseRules(pair, {}).proposals.map((p) => [p.label, pair.slice(p.start, p.end)])).toEqual([['ACCOUNT', 'k.sato'], ['SECRET', 'Haru2025']]);
    expect(secrets('We met with sales / marketing yesterday.')).toEqual([]);
  });
});

describe('hosts and logins in English prose', () => {
  it('a NetBIOS-shaped name after on/from is a host; versions, CVEs and bulletins are not', () => {
    const text = 'The EDR flagged powershell.exe on FINANCE-LAP-22, then traffic from KAWA-PC7 to TLS-13 gateways; see CVE-2024-3400 and MS17-010.';
    expect(detectHosts(text).map((c) => text.slice(c.start, c.end))).toEqual(['FINANCE-LAP-22', 'KAWA-PC7']);
  });
  it('a name introduced after a host word is a host', () => {
    const text = 'サーバー室のNAS（名前は soumu-nas）が止まった。';
    expect(detectHosts(text).map((c) => text.slice(c.start, c.end))).toEqual(['soumu-nas']);
  });
  it('a lower-case login after "the user" is an account, an English word is not', () => {
    const accounts = (t: string) => [...new Set(detectAccounts(t).map((c) => t.slice(c.start, c.end)))];
    expect(accounts('It ran under the user jmorales; the user reported nothing.')).toEqual(['jmorales']);
  });
});

describe('English addresses with a level or a flat', () => {
  it('take the unit and what follows it', () => {
    const text = 'The laptop was handed in at 44 Queen Street, Level 3, Auckland 1010 on Monday.';
    expect(detectAddresses(text).map((c) => text.slice(c.start, c.end))).toEqual(['44 Queen Street, Level 3, Auckland 1010']);
  });
});
