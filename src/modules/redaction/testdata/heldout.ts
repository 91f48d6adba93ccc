// Held-out texts written for this module (not from the dev corpus): e-mails, chat notes, logs, tables,
// ja and en. `redact` lists strings that must be wholly redacted (every occurrence); `keep` lists
// indicators that must stay intact. Used by the unit tests and by bench/redaction.mjs.
import type { OrgProfile } from '../types.js';

export interface HeldOutCase { name: string; lang: 'ja' | 'en'; org: OrgProfile; text: string; redact: string[]; keep: string[] }

const HIKARI: OrgProfile = { name: '株式会社ひかり商事', aliases: ['ひかり商事', 'Hikari Shoji'], domains: ['hikari-shoji.co.jp'], cidrs: ['203.0.113.0/27'] };
const AOBA: OrgProfile = { name: '医療法人社団 青葉会', aliases: ['青葉会', 'Aoba-kai'], domains: ['aobakai.or.jp', 'aoba-clinic.jp'], cidrs: ['192.0.2.0/25'] };
const NORTHWIND: OrgProfile = { name: 'Northwind Clinic', aliases: ['ノースウィンド医院', 'Northwind'], domains: ['northwind-clinic.jp'], cidrs: ['198.18.5.0/24'] };

export const HELD_OUT: HeldOutCase[] = [
  {
    name: 'ja e-mail to the IT desk', lang: 'ja', org: HIKARI,
    text: '件名: 【至急】不審メールの件\n情報システム部 松井様\nお疲れ様です。ひかり商事 経理課の森田です。\n本日10時頃、取引先を装ったメール（差出人: invoice-notice@secure-billing-jp.com）を開封してしまいました。\n添付のZIPを展開したところ、PC名 KEIRI-PC07 の画面が固まりました。私の携帯は０９０－１２３４－５６７８です。\n社員番号：A10234',
    redact: ['松井', '森田', 'ひかり商事', 'KEIRI-PC07', '０９０－１２３４－５６７８', 'A10234'],
    keep: ['invoice-notice@secure-billing-jp.com'],
  },
  {
    name: 'ja chat log', lang: 'ja', org: HIKARI,
    text: '[10:02] 山崎: FW のログ見ました。192.168.10.25 から 45.67.89.10:443 への通信が多数\n[10:05] 大橋課長: C2っぽい？ドメインは evil-cdn[.]net らしい\n[10:07] 山崎: はい、hxxp://evil-cdn[.]net/gate.php に POST してます。ハッシュ 5d41402abc4b2a76b9719d911017c592\n[10:09] 大橋課長: ファイルサーバ fileserv01.hikari.local も確認して。VPNのID は tanaka.k、パスワードは Haru2024! だった',
    redact: ['山崎', '大橋', '192.168.10.25', 'fileserv01.hikari.local', 'tanaka.k', 'Haru2024!'],
    keep: ['45.67.89.10', 'evil-cdn[.]net', 'hxxp://evil-cdn[.]net/gate.php', '5d41402abc4b2a76b9719d911017c592'],
  },
  {
    name: 'en BEC e-mail', lang: 'en', org: HIKARI,
    text: 'Hi team,\nOur accountant, Emily Clark (emily.clark@hikari-shoji.co.jp, +81 3-5555-0123), received a fake invoice from billing@paypa1-support.com.\nShe clicked the link https://paypa1-support.com/verify?id=99 and entered her credentials. The attacker then logged in from 198.51.100.77 to our OWA at mail.hikari-shoji.co.jp.\nWe think it is Emotet. Please block paypa1-support[.]com. Our egress IP is 203.0.113.5.\nRegards, Kenji Nakamura',
    redact: ['Emily Clark', 'emily.clark@hikari-shoji.co.jp', '+81 3-5555-0123', 'mail.hikari-shoji.co.jp', '203.0.113.5', 'Kenji Nakamura'],
    keep: ['billing@paypa1-support.com', 'https://paypa1-support.com/verify?id=99', '198.51.100.77', 'Emotet', 'paypa1-support[.]com'],
  },
  {
    name: 'en log excerpt', lang: 'en', org: HIKARI,
    text: '2025-11-02T03:14:07Z sshd[2231]: Failed password for invalid user admin from 185.220.101.4 port 51234 ssh2\n2025-11-02T03:15:00Z host=web-prod-02 user=svc_backup src=fd12:3456:789a::10 dst=2001:db8::1\nAWS key AKIAIOSFODNN7EXAMPLE leaked, token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U',
    redact: ['web-prod-02', 'svc_backup', 'fd12:3456:789a::10', 'AKIAIOSFODNN7EXAMPLE', 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U'],
    keep: ['185.220.101.4', '2001:db8::1'],
  },
  {
    name: 'ja table of a customer record', lang: 'ja', org: HIKARI,
    text: '| 項目 | 内容 |\n|---|---|\n| 氏名 | 佐々木 優子 |\n| 住所 | 〒150-0002 東京都渋谷区渋谷２丁目２１－１ 渋谷ヒカリエ11階 |\n| 電話 | 03-1234-5678 |\n| カード | 4111 1111 1111 1111 |\n| 個人番号 | 1234 5678 9018 |\n| 口座 | 普通 1234567 |',
    redact: ['佐々木 優子', '〒150-0002 東京都渋谷区渋谷２丁目２１－１ 渋谷ヒカリエ11階', '03-1234-5678', '4111 1111 1111 1111', '1234 5678 9018', '1234567'],
    keep: [],
  },
  {
    name: 'en ransom note summary', lang: 'en', org: HIKARI,
    text: 'Ransomware note (LockBit 3.0) says: "Your personal ID: 7A3F9C21B4E8D6F0". Contact us at recover@onionmail.org. Mr. Suzuki from HR said CVE-2023-4966 (Citrix Bleed) on our NetScaler at 203.0.113.10 was unpatched.',
    redact: ['7A3F9C21B4E8D6F0', 'Suzuki', '203.0.113.10'],
    keep: ['LockBit 3.0', 'recover@onionmail.org', 'CVE-2023-4966'],
  },
  {
    name: 'en clinic staff note', lang: 'en', org: NORTHWIND,
    text: 'Dr. Aiko Hayashi (staff) forwarded mail from her personal address aiko.h1984@gmail.com. Her workstation NW-RECEP-03 was isolated; DESKTOP-8F2K1LQ also. User NORTHWIND\\hayashi logged in. Passport No. TK1234567.',
    redact: ['Aiko Hayashi', 'aiko.h1984@gmail.com', 'NW-RECEP-03', 'DESKTOP-8F2K1LQ', 'NORTHWIND\\hayashi', 'TK1234567'],
    keep: [],
  },
  {
    name: 'en chat, lower case', lang: 'en', org: NORTHWIND,
    text: "the box at 172.16.4.20 (nw-dc01.northwind.lan) is the DC. kerberoasting from 100.72.1.9, then outbound to 5.188.86.21. wiki: http://intranet/wiki/incident. my mobile 080 1234 5678",
    redact: ['172.16.4.20', 'nw-dc01.northwind.lan', '100.72.1.9', 'intranet', '080 1234 5678'],
    keep: ['5.188.86.21'],
  },
  {
    name: 'en customer call', lang: 'en', org: NORTHWIND,
    text: 'Customer Sarah Johnson called on 03-6789-0123 ext. 204 about an SMS from +1 (415) 555-0198 linking to hxxps://verify-login[.]top/a. Northwind staff confirmed; see ticket.',
    redact: ['Sarah Johnson', '03-6789-0123', '204', '+1 (415) 555-0198', 'Northwind'],
    keep: ['hxxps://verify-login[.]top/a'],
  },
  {
    name: 'ja infection memo', lang: 'ja', org: NORTHWIND,
    text: 'ノースウィンド医院の受付PCがマルウェアに感染。感染端末：UKETSUKE01。攻撃者のメール：support@anydesk-help[.]xyz、送信元 91.215.85.12。被害者IDは 3F9A2C7D。担当：看護師長の井上',
    redact: ['ノースウィンド医院', 'UKETSUKE01', '3F9A2C7D', '井上'],
    keep: ['support@anydesk-help[.]xyz', '91.215.85.12'],
  },
  {
    name: 'ja report with full-width and defanged', lang: 'ja', org: HIKARI,
    text: '営業部の田村部長から報告。社用PC（ホスト名：EIGYO-NB12、ＩＰ：１０．２．３．４）で RedLine を検知しました。通信先は hxxps[:]//cdn-update[.]store/p.bin と 193[.]42[.]33[.]7 です。SHA-1 は 2fd4e1c67a2d28fced849ee1bb76e7391b93eb12。当社ドメイン hikari-shoji.co.jp の偽装メールも確認。',
    redact: ['田村', 'EIGYO-NB12', '１０．２．３．４', 'hikari-shoji.co.jp'],
    keep: ['RedLine', 'hxxps[:]//cdn-update[.]store/p.bin', '193[.]42[.]33[.]7', '2fd4e1c67a2d28fced849ee1bb76e7391b93eb12'],
  },
  {
    name: 'ja clinic ransomware e-mail', lang: 'ja', org: AOBA,
    text: 'お世話になっております。青葉会 事務長の長谷川です。\n昨夜、電子カルテサーバ（EMR-SRV01 / 10.10.1.5）がランサムウェアに暗号化されました。脅迫文には「連絡先: decrypt_help@proton.me」とあり、ファイル拡張子は .phobos でした。\nVPN機器（FortiGate、192.0.2.10）の脆弱性 CVE-2024-21762 が原因とみられます。\n担当医の渡邊先生、看護部の小野寺さんにも共有済みです。折り返しは 045-123-4567（代表）まで。',
    redact: ['青葉会', '長谷川', 'EMR-SRV01', '10.10.1.5', '192.0.2.10', '渡邊', '小野寺', '045-123-4567'],
    keep: ['decrypt_help@proton.me', 'CVE-2024-21762'],
  },
  {
    name: 'en e-mail headers and EDR alert', lang: 'en', org: AOBA,
    text: 'From: "Sato, Yuki" <yuki.sato@aoba-clinic.jp>\nSubject: Re: alert #4471\n\nHi, the EDR flagged rundll32.exe on host AOBA-LT-044 (user: ysato) calling out to 146.70.87.20 and update.microsoft-cdn[.]info.\nMD5 44d88612fea8a8f36de82e1278abb02f. Password for the local admin was "Spring#2025". Thanks, Yuki',
    redact: ['Sato', 'Yuki', 'yuki.sato@aoba-clinic.jp', 'AOBA-LT-044', 'ysato', 'Spring#2025'],
    keep: ['146.70.87.20', 'update.microsoft-cdn[.]info', '44d88612fea8a8f36de82e1278abb02f'],
  },
  {
    name: 'ja audit log lines', lang: 'ja', org: AOBA,
    text: '2025/11/01 09:12 ログイン失敗 user=a.hasegawa src=203.0.113.200\n2025/11/01 09:20 権限変更 by admin01 on AD-DC02.aoba.local',
    redact: ['a.hasegawa', 'admin01', 'AD-DC02.aoba.local'],
    keep: ['203.0.113.200'],
  },
  {
    name: 'en prose with look-alikes that are not sensitive', lang: 'en', org: AOBA,
    text: 'We have 2 servers. The update to version 1.2.3.4 failed. Contact JPCERT/CC and IPA. Windows 11 PCs were fine. Call the police at 110.',
    redact: [],
    keep: [],
  },
  {
    name: 'no false positives in plain prose', lang: 'en', org: HIKARI,
    text: 'TLP:AMBER. On Windows Server 2019 (build 10.0.17763.1) we saw T1059.001 PowerShell. Please reset the password policy; the attacker used password spraying. Cost: 1,234,567 yen; 3,000 records. 名古屋市中村区の小林製薬の工場とは無関係です。',
    redact: [],
    keep: [],
  },
];
