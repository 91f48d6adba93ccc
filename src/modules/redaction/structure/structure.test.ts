import { describe, expect, it } from 'vitest';
import { REASONS } from '../reasons.js';
import { analyseRules, spans } from '../testdata/rules.js';
import type { OrgProfile, SensitiveLabel } from '../types.js';
import { fieldKind, fieldKindOfPhrase } from './fields.js';
import { detectMailHeaders, imitatesMember } from './mail-headers.js';
import { detectNetbiosHosts } from './netbios.js';
import { detectPaths } from './paths.js';
import { detectRecordFields } from './records.js';
import { detectTables } from './tables.js';

// An invented member: a precision-parts maker with a Kawasaki plant.
const MINATO: OrgProfile = { name: '株式会社みなと精工', aliases: ['みなと精工', 'Minato Seiko'], domains: ['minato-seiko.co.jp'], cidrs: ['198.51.100.0/28'] };

interface Case { name: string; text: string; redact: [SensitiveLabel, string][]; keep?: string[]; clean?: string[] }

// Every expected span is proposed with its label; every indicator is kept whole; no character of `clean` is redacted.
function check(c: Case, org: OrgProfile = MINATO): void {
  const { redacted, kept } = spans(c.text, org);
  for (const r of c.redact) expect(redacted, `${r[0]} ${r[1]}`).toContainEqual(r);
  for (const k of c.keep ?? []) expect(kept, k).toContain(k);
  for (const s of c.clean ?? []) {
    for (const [, text] of redacted) expect(text.includes(s) || s.includes(text), `${s} redacted as part of ${text}`).toBe(false);
  }
}

const CASES: Case[] = [
  {
    name: 'ja: a Markdown table whose user column holds people\'s names, not ids',
    text: '| 端末名 | 利用者 | 状態 |\n|---|---|---|\n| SOUMU-NB11 | 大槻 | 暗号化 |\n| SOUMU-NB12 | ひろみ | 正常 |\n| SOUMU-NB13 | 総務課 | 正常 |',
    redact: [['INTERNAL_HOST', 'SOUMU-NB11'], ['PERSON', '大槻'], ['PERSON', 'ひろみ']],
    clean: ['総務課', '暗号化'],
  },
  {
    name: 'en: JSON sign-in log (Entra ID style)',
    text: '{"createdDateTime":"2025-03-02T01:12:09Z","userPrincipalName":"k.tanabe@minato-seiko.co.jp","userDisplayName":"Kenji Tanabe","appDisplayName":"Office 365 Exchange Online","ipAddress":"185.220.101.4","status":{"errorCode":50126},"deviceDetail":{"displayName":"MSK-LT044"}}',
    redact: [['EMAIL', 'k.tanabe@minato-seiko.co.jp'], ['PERSON', 'Kenji Tanabe'], ['INTERNAL_HOST', 'MSK-LT044']],
    keep: ['185.220.101.4'],
    clean: ['Office 365 Exchange Online', '50126'],
  },
  {
    name: 'en: JSON lines from an EDR export',
    text: '{"ts":1740877929,"host":"msk-fs01","user":"svc-sql","src_user":"MINATO\\\\t.nakagawa","computer":"KWS-NAS03","process":"rclone.exe","sha1":"da39a3ee5e6b4b0d3255bfef95601890afd80709"}\n{"ts":1740877988,"hostname":"ZQ7DC01","account":"backup_op","email":"oshiro.mika@gmail.com","action":"blocked"}',
    redact: [['INTERNAL_HOST', 'msk-fs01'], ['ACCOUNT', 'svc-sql'], ['ACCOUNT', 'MINATO\\\\t.nakagawa'], ['INTERNAL_HOST', 'KWS-NAS03'], ['INTERNAL_HOST', 'ZQ7DC01'], ['ACCOUNT', 'backup_op'], ['EMAIL', 'oshiro.mika@gmail.com']],
    keep: ['da39a3ee5e6b4b0d3255bfef95601890afd80709'],
    clean: ['1740877929', 'blocked'],
  },
  {
    name: 'en: AWS CloudTrail and Okta records',
    text: '{"userIdentity":{"type":"IAMUser","userName":"deploy-bot","accountId":"123456789012"},"sourceIPAddress":"203.0.113.80","eventName":"CreateAccessKey"}\n{"eventType":"user.session.start","actor":{"alternateId":"ayumi.k@minato-seiko.co.jp","displayName":"Ayumi Kato"},"client":{"ipAddress":"10.20.1.7"}}',
    redact: [['ACCOUNT', 'deploy-bot'], ['ACCOUNT', '123456789012'], ['EMAIL', 'ayumi.k@minato-seiko.co.jp'], ['PERSON', 'Ayumi Kato'], ['INTERNAL_IP', '10.20.1.7']],
    keep: ['203.0.113.80'],
    clean: ['IAMUser', 'CreateAccessKey', 'user.session.start'],
  },
  {
    name: 'en: CSV sign-in export with a header row',
    text: 'Date (UTC),Request ID,User,Username,User ID,Application,IP address,Status\n2025-03-02 01:12,7f3c1d2e-9a0b,Kenji Tanabe,k.tanabe@minato-seiko.co.jp,0b5e1c2d-1111-2222-3333-444455556666,Office 365,185.220.101.4,Failure\n2025-03-02 01:13,8a4d2e3f-1b2c,Ayumi Kato,ayumi.k@minato-seiko.co.jp,9c8d7e6f-5555-4444-3333-222211110000,Office 365,185.220.101.4,Success',
    redact: [['PERSON', 'Kenji Tanabe'], ['EMAIL', 'k.tanabe@minato-seiko.co.jp'], ['ACCOUNT', '0b5e1c2d-1111-2222-3333-444455556666'], ['PERSON', 'Ayumi Kato']],
    keep: ['185.220.101.4'],
    clean: ['7f3c1d2e-9a0b', 'Office 365', 'Failure'],
  },
  {
    name: 'ja: CSV with Japanese headers (氏名, 社員番号, 端末)',
    text: '氏名,社員番号,部署,端末,メールアドレス\n中川 拓,004512,経理課,KEIRI-PC07,t.nakagawa@minato-seiko.co.jp\n大城 美香,004533,総務課,SOUMU-PC02,m.oshiro@minato-seiko.co.jp',
    redact: [['PERSON', '中川 拓'], ['ACCOUNT', '004512'], ['INTERNAL_HOST', 'KEIRI-PC07'], ['PERSON', '大城 美香'], ['ACCOUNT', '004533'], ['INTERNAL_HOST', 'SOUMU-PC02'], ['EMAIL', 'm.oshiro@minato-seiko.co.jp']],
    clean: ['経理課', '総務課'],
  },
  {
    name: 'ja: Markdown table in an incident report',
    text: '## 影響を受けた端末\n\n| 端末 | 利用者 | 状態 |\n|---|---|---|\n| pc0142 | tanabe_k | 隔離済み |\n| pc0157 | ota_h | 調査中 |\n',
    redact: [['INTERNAL_HOST', 'pc0142'], ['ACCOUNT', 'tanabe_k'], ['INTERNAL_HOST', 'pc0157'], ['ACCOUNT', 'ota_h']],
    clean: ['隔離済み', '調査中'],
  },
  {
    name: 'en: VPN key=value log (FortiGate style)',
    text: 'date=2025-03-02 time=10:00:01 devname="MSK-FGT01" logid="0101039947" type="event" subtype="vpn" user="yamane.t" remip=185.220.101.9 srcip=10.8.0.14 tunneltype="ssl-web" reason="login failed" group="N/A"\ndate=2025-03-02 time=10:00:07 devname="MSK-FGT01" user=akiyama src=10.8.0.15 dst=172.16.5.5 action=accept',
    redact: [['INTERNAL_HOST', 'MSK-FGT01'], ['ACCOUNT', 'yamane.t'], ['ACCOUNT', 'akiyama'], ['INTERNAL_IP', '10.8.0.14'], ['INTERNAL_IP', '172.16.5.5']],
    keep: ['185.220.101.9'],
    clean: ['0101039947', 'ssl-web', 'N/A'],
  },
  {
    name: 'en: Windows event 4625 as text',
    text: 'An account failed to log on.\nSubject:\n\tSecurity ID:\t\tS-1-0-0\n\tAccount Name:\t\t-\nAccount For Which Logon Failed:\n\tAccount Name:\t\ts.kuroda\n\tAccount Domain:\t\tMINATO\nNetwork Information:\n\tWorkstation Name:\tKWS-PC0231\n\tSource Network Address:\t185.220.101.33\n\tSource Port:\t\t51234\nComputer: ZQ7DC01.minato.local',
    redact: [['ACCOUNT', 's.kuroda'], ['INTERNAL_HOST', 'KWS-PC0231'], ['INTERNAL_HOST', 'ZQ7DC01.minato.local']],
    keep: ['185.220.101.33'],
    clean: ['S-1-0-0', '51234'],
  },
  {
    name: 'en: Windows event 4624 as XML',
    text: '<Event><System><EventID>4624</EventID><Computer>ZQ7DC01</Computer></System><EventData><Data Name="SubjectUserName">ZQ7DC01$</Data><Data Name="TargetUserName">h.mori</Data><Data Name="WorkstationName">KWS-PC0231</Data><Data Name="IpAddress">10.2.3.4</Data><Data Name="LogonType">3</Data></EventData></Event>',
    redact: [['INTERNAL_HOST', 'ZQ7DC01'], ['ACCOUNT', 'h.mori'], ['INTERNAL_HOST', 'KWS-PC0231'], ['INTERNAL_IP', '10.2.3.4']],
    clean: ['4624'],
  },
  {
    name: 'en: EDR alert with paths, UNC share and DOMAIN\\user',
    text: 'Severity: High. Technique: T1059.001. Hostname: msk-lt-044. User: MINATO\\k.tanabe. Command line: powershell -enc SQBFAFgA from C:\\Users\\k.tanabe\\AppData\\Local\\Temp\\inv.ps1, copied to \\\\SRV-FILE02\\share$\\x and \\\\fs02\\経理\\; key at /home/oshiro/.ssh/id_rsa. Parent: winword.exe',
    redact: [['INTERNAL_HOST', 'msk-lt-044'], ['ACCOUNT', 'MINATO\\k.tanabe'], ['ACCOUNT', 'k.tanabe'], ['INTERNAL_HOST', 'SRV-FILE02'], ['INTERNAL_HOST', 'fs02'], ['ACCOUNT', 'oshiro']],
    clean: ['T1059.001', 'winword.exe', 'share$'],
  },
  {
    name: 'en: Unix auth log and Cisco ASA lines',
    text: 'Mar  2 10:01:02 web01 sshd[2231]: Failed password for invalid user oracle from 203.0.113.7 port 51234 ssh2\nMar  2 10:01:09 web01 sshd[2231]: Accepted publickey for tanabe from 10.0.0.5 port 50022 ssh2\nMar  2 10:02:00 web01 sudo:   oshiro : TTY=pts/0 ; PWD=/home/oshiro ; USER=root ; COMMAND=/bin/bash\n%ASA-4-722051: Group <SSL-VPN> User <t.yamane> IP <185.220.101.50> IPv4 Address <10.8.0.22> assigned to session',
    redact: [['ACCOUNT', 'tanabe'], ['ACCOUNT', 'oshiro'], ['ACCOUNT', 't.yamane'], ['INTERNAL_IP', '10.8.0.22']],
    keep: ['203.0.113.7', '185.220.101.50'],
    clean: ['oracle', '/bin/bash', '51234'],
  },
  {
    name: 'ja: key-value form lines (ユーザー名：, 端末名：)',
    text: '【検知内容】\nユーザー名：yamane.t\n端末名：KEIRI-PC07\nコンピューター名: ZQ7FS02\n検知名：Trojan:Win32/Emotet\n重要度：高',
    redact: [['ACCOUNT', 'yamane.t'], ['INTERNAL_HOST', 'KEIRI-PC07'], ['INTERNAL_HOST', 'ZQ7FS02']],
    clean: ['Trojan:Win32/Emotet', '高'],
  },
  {
    name: 'ja: NetBIOS names in prose',
    text: '攻撃者は ZQ7DC01 に RDP で接続し、KWS-NAS03 と MSK-FS01 の共有フォルダを暗号化した。HQ-SRV-DB01 は無事だった。',
    redact: [['INTERNAL_HOST', 'ZQ7DC01'], ['INTERNAL_HOST', 'KWS-NAS03'], ['INTERNAL_HOST', 'MSK-FS01'], ['INTERNAL_HOST', 'HQ-SRV-DB01']],
    clean: ['RDP'],
  },
  {
    name: 'en: product names, models and ids in prose are not hosts',
    text: 'The QNAP TS-453D and the Juniper EX4300 switch ran SQL2019 and EX2016; we applied MS17-010 and KB5012170, tracked CVE-2024-3400 and T1486, and bought an RTX4090 and a PA-220.',
    redact: [],
    keep: ['CVE-2024-3400'],
    clean: ['TS-453D', 'EX4300', 'SQL2019', 'EX2016', 'MS17-010', 'KB5012170', 'T1486', 'RTX4090', 'PA-220'],
  },
  {
    name: 'en: column-aligned Get-WinEvent output',
    text: 'TimeCreated          Id    TargetUserName  WorkstationName  IpAddress\n-----------          --    --------------  ---------------  ---------\n2025/03/02 10:00:01  4625  s.kuroda        KWS-PC0231       185.220.101.33\n2025/03/02 10:00:04  4625  h.mori          kaede            185.220.101.33',
    redact: [['ACCOUNT', 's.kuroda'], ['INTERNAL_HOST', 'KWS-PC0231'], ['ACCOUNT', 'h.mori'], ['INTERNAL_HOST', 'kaede']],
    keep: ['185.220.101.33'],
    clean: ['4625', '2025/03/02 10:00:01'],
  },
  {
    name: 'ja: Japanese-locale Event Viewer wording',
    text: 'アカウントがログオンに失敗しました。\nログオンに失敗したアカウント:\n\tセキュリティ ID:\t\tNULL SID\n\tアカウント名:\t\ts.kuroda\n\tアカウント ドメイン:\t\tKMSAD\nネットワーク情報:\n\tワークステーション名:\tKWS-PC0231\n\tソース ネットワーク アドレス:\t185.220.101.33',
    redact: [['ACCOUNT', 's.kuroda'], ['INTERNAL_HOST', 'KMSAD'], ['INTERNAL_HOST', 'KWS-PC0231']],
    keep: ['185.220.101.33'],
    clean: ['NULL SID'],
  },
  {
    name: 'ja: hosts named by a word and user ids after ユーザー / アカウント',
    text: 'ファイルサーバー kaede が暗号化され、端末「sakura」も停止した。ユーザー「yamada01」でログインし、アカウント tanaka.k が無効化された。Windows サーバーと VPN 機器、AnyDesk は無関係。',
    redact: [['INTERNAL_HOST', 'kaede'], ['INTERNAL_HOST', 'sakura'], ['ACCOUNT', 'yamada01'], ['ACCOUNT', 'tanaka.k']],
    clean: ['Windows', 'VPN', 'AnyDesk'],
  },
  {
    name: 'en: Received headers: the receiving relay is the member\'s, the sender\'s queue id is not an account',
    text: 'Received: from DESKTOP-7Q4LK2M (unknown [185.220.101.4]) by KWS-EX01 (Postfix) with ESMTP id 4XyZ9; Sun, 2 Mar 2025 10:00:01 +0900\nReceived: from mail.minato-seiko.co.jp by mx01 with SMTP',
    redact: [['INTERNAL_HOST', 'KWS-EX01'], ['INTERNAL_HOST', 'mail.minato-seiko.co.jp'], ['INTERNAL_HOST', 'mx01']],
    keep: ['185.220.101.4'],
    clean: ['4XyZ9'],
  },
  {
    name: 'en: lower-case host names in prose',
    text: 'The attacker moved from web02 to fs01, then to kws-nas03 and msk-lt-044; sql2019 and win10 were patched; the bucket is in ap-northeast-1; backup01.zip was deleted.',
    redact: [['INTERNAL_HOST', 'web02'], ['INTERNAL_HOST', 'fs01'], ['INTERNAL_HOST', 'kws-nas03'], ['INTERNAL_HOST', 'msk-lt-044']],
    clean: ['sql2019', 'win10', 'ap-northeast-1', 'backup01.zip'],
  },
  {
    name: 'en: Active Directory names, lower-case domains and id-like users before an account word',
    text: 'kmsad\\tanaka.k logged on to KWS-FS01.kmsad and dc01.corp.kmsad; k.tanabe\'s account and the svc_backup account were locked. A file server named kaede was hit. web01.example.com is the attacker\'s; src\\main, docs\\readme, logs\\app.log, report.pdf account and backup01.zip are not names.',
    redact: [['ACCOUNT', 'kmsad\\tanaka.k'], ['INTERNAL_HOST', 'KWS-FS01.kmsad'], ['INTERNAL_HOST', 'dc01.corp.kmsad'], ['ACCOUNT', 'k.tanabe'], ['ACCOUNT', 'svc_backup'], ['INTERNAL_HOST', 'kaede']],
    keep: ['web01.example.com'],
    clean: ['src\\main', 'docs\\readme', 'logs\\app.log', 'report.pdf', 'backup01.zip'],
  },
  {
    name: 'en/ja: lists after plural keys (Affected hosts:, Users:, 影響端末：)',
    text: 'Affected hosts: KEIRI-PC07, SOUMU-PC02, kaede\nUsers: tanaka.k, h.mori\nComputer(s): ZQ7DC01\n影響端末：KEIRI-PC09、SOUMU-PC04\nHost: 10.0.0.5, port 443 was open',
    redact: [['INTERNAL_HOST', 'KEIRI-PC07'], ['INTERNAL_HOST', 'SOUMU-PC02'], ['INTERNAL_HOST', 'kaede'], ['ACCOUNT', 'tanaka.k'], ['ACCOUNT', 'h.mori'], ['INTERNAL_HOST', 'ZQ7DC01'], ['INTERNAL_HOST', 'KEIRI-PC09'], ['INTERNAL_HOST', 'SOUMU-PC04'], ['INTERNAL_IP', '10.0.0.5']],
    clean: ['port 443'],
  },
  {
    name: 'en: ordinary mail headers (private sender, recipients)',
    text: 'From: Hanako Yamada <hanako.yamada1985@yahoo.co.jp>\nTo: support@minato-seiko.co.jp\nCc: ichiro.s@gmail.com\nSubject: About my order\n\nCould you tell me when it ships?',
    redact: [['EMAIL', 'hanako.yamada1985@yahoo.co.jp'], ['EMAIL', 'support@minato-seiko.co.jp'], ['EMAIL', 'ichiro.s@gmail.com']],
  },
  {
    name: 'ja: forwarded phishing mail: the sender is kept, the recipient redacted',
    text: '不審なメールが届いたため転送します。\n---------- Forwarded message ---------\n差出人: Billing Team <billing@minato-seik0.com>\n送信元: noreply@paypa1-secure.net\n宛先: keiri@minato-seiko.co.jp\nCc: k.tanabe.home@gmail.com\n件名: 請求書の件',
    redact: [['EMAIL', 'keiri@minato-seiko.co.jp'], ['EMAIL', 'k.tanabe.home@gmail.com']],
    keep: ['billing@minato-seik0.com', 'noreply@paypa1-secure.net'],
  },
  {
    name: 'ja: BEC thread: the fraudster on free mail is kept even as a recipient',
    text: '詐欺の可能性があるメールのやり取りです。\nFrom: 社長 <ceo.minato@gmail.com>\nTo: keiri@minato-seiko.co.jp\n\n返信:\nFrom: keiri@minato-seiko.co.jp\nTo: ceo.minato@gmail.com\nCc: ceo@minato-seiko-jp.com',
    redact: [['EMAIL', 'keiri@minato-seiko.co.jp']],
    keep: ['ceo.minato@gmail.com', 'ceo@minato-seiko-jp.com'],
  },
];

describe('structure-aware detection in realistic texts', () => {
  for (const c of CASES) it(c.name, () => check(c));
  it('every proposal has a reason with ja and en explanations', () => {
    for (const c of CASES) for (const p of analyseRules(c.text, MINATO).proposals) expect(REASONS).toHaveProperty(p.reason);
  });
});

describe('structure detectors, one by one', () => {
  it('field names: keys, table headers and phrases ending in a key', () => {
    expect(fieldKind('TargetUserName')).toBe('account');
    expect(fieldKind('src_user')).toBe('account');
    expect(fieldKind('Workstation Name')).toBe('host');
    expect(fieldKind('userAgent')).toBeUndefined();
    expect(fieldKind('Name')).toBeUndefined();
    expect(fieldKind('Name', true)).toBe('person');
    expect(fieldKindOfPhrase('Account For Which Logon Failed')).toBeUndefined();
    expect(fieldKindOfPhrase('Network Information Workstation Name')).toBe('host');
    expect(fieldKindOfPhrase('本日確認したユーザー名')).toBe('account');
  });
  it('a prose sentence with commas is not a CSV header', () => {
    expect(detectTables('Hi team, please note: user, host and ip were all logged.\nThanks, Ken')).toEqual([]);
  });
  it('a "Name" column counts only beside another identifying column', () => {
    expect(detectTables('| Process | PID | Name |\n|---|---|---|\n| powershell.exe | 4412 | Windows PowerShell |')).toEqual([]);
    expect(detectTables('Name,Login\nKen Ito,k.ito\n').map((c) => c.label)).toEqual(['PERSON', 'ACCOUNT']);
  });
  it('placeholders and built-in principals name nobody', () => {
    expect(detectRecordFields('user=- account="N/A" host=localhost TargetUserName: SYSTEM "user": null')).toEqual([]);
  });
  it('paths: public profiles, device paths and registry hives are not names', () => {
    const text = 'C:\\Users\\Public\\x.exe C:\\Users\\Default\\ntuser.dat \\\\?\\C:\\Windows \\\\.\\pipe\\srvsvc \\\\203.0.113.50\\share \\\\fs01.minato.local\\x HKLM\\\\SOFTWARE';
    expect(detectPaths(text)).toEqual([]);
  });
  it('a NetBIOS name may carry a machine-account $', () => {
    expect(detectNetbiosHosts('logon from ZQ7DC01$ and TKYFS02.').map((c) => c.end - c.start)).toEqual([7, 7]);
  });
  it('lookalike domains of the member are the attacker\'s', () => {
    expect(imitatesMember('minato-seik0.com', MINATO)).toBe(true);
    expect(imitatesMember('minato-seiko-jp.com', MINATO)).toBe(true);
    expect(imitatesMember('gmail.com', MINATO)).toBe(false);
    expect(detectMailHeaders('From: a@minatoseiko.co\nTo: b@minato-seiko.co.jp', MINATO).map((c) => c.start)).toEqual([27]);
  });
  it('defanged header addresses are indicators', () => {
    expect(detectMailHeaders('To: victim[@]gmail[.]com', MINATO)).toEqual([]);
  });
});
