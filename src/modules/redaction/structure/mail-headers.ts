// Mail headers (From:, To:, Cc:, Reply-To:, 差出人:, 宛先: …): who is the member's or a private person, who is the
// attacker. Recipients are the member's people or private individuals; a sender is the attacker's in a text
// about phishing or fraud (a forwarded suspicious mail), and a private person's only in an ordinary mail from a
// free-mail address. A domain that imitates the member's is always the attacker's.
import { AT, DOT, LABEL, isDefanged } from '../defang.js';
import { victimDomainOf } from '../profile.js';
import { matches } from '../text.js';
import type { Candidate, OrgProfile } from '../types.js';

const HEADER_RE = /^[ \t>]*(From|To|Cc|Bcc|Reply-To|Sender|Return-Path|Delivered-To|Resent-From|Resent-To|差出人|送信者|送信元|宛先|返信先|CC|BCC)[ \t]*[:：]([^\n]*(?:\n[ \t]+[^\n]*)*)/dgim;
const ADDRESS_RE = new RegExp(String.raw`(?<![A-Za-z0-9._%+-])[A-Za-z0-9][A-Za-z0-9._%+-]*${AT}${LABEL}(?:${DOT}${LABEL})*${DOT}[a-z]{2,24}(?![A-Za-z0-9-])`, 'gi');

const RECIPIENT = /^(?:to|cc|bcc|delivered-to|resent-to|宛先)$/i;

const FREE_MAIL = new Set(`gmail.com googlemail.com yahoo.com yahoo.co.jp ymail.com outlook.com outlook.jp hotmail.com hotmail.co.jp
live.com live.jp msn.com icloud.com me.com mac.com aol.com gmx.com gmx.net gmx.de mail.com docomo.ne.jp ezweb.ne.jp au.com
softbank.ne.jp i.softbank.jp ymobile.ne.jp nifty.com biglobe.ne.jp ocn.ne.jp so-net.ne.jp plala.or.jp zoho.com
yandex.com yandex.ru mail.ru qq.com 163.com naver.com`.split(/\s+/));

const SUSPICIOUS = /フィッシング|不審|詐欺|なりすまし|成りすまし|偽(?:の|装|サイト|メール)|迷惑メール|攻撃|悪意|マルウェア|ウイルス|ウィルス|身代金|脅迫|振込先(?:の)?変更|phish|suspicious|spoof|scam|fraud|malicious|impersonat|\bBEC\b|ransom|malware|lure|attacker/i;

const domainCore = (domain: string): string => domain.toLowerCase().replace(/\.(?:co|or|ne|ac|go|ed|gr|lg|com|net|org)\.[a-z]{2}$|\.[a-z]{2,24}$/, '');

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = row[0] as number;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = row[j] as number;
      row[j] = Math.min(up + 1, (row[j - 1] as number) + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return row[b.length] as number;
}

// minato-seik0.com, minato-seiko-jp.com, minatoseiko.co: close to a member domain without being it.
export function imitatesMember(domain: string, org: OrgProfile): boolean {
  const core = domainCore(domain);
  return (org.domains ?? []).some((d) => {
    const own = domainCore(d);
    if (own.length < 4) return false;
    const flat = (s: string): string => s.replace(/[-.]/g, '');
    return core.includes(own) || flat(core).includes(flat(own)) || editDistance(core, own) <= Math.max(1, Math.floor(own.length / 6));
  });
}

interface HeaderAddress { start: number; end: number; address: string; recipient: boolean }

function headerAddresses(text: string): HeaderAddress[] {
  const out: HeaderAddress[] = [];
  for (const m of matches(HEADER_RE, text)) {
    const body = m.indices?.[2];
    if (!body) continue;
    const recipient = RECIPIENT.test(m[1] as string);
    for (const a of matches(ADDRESS_RE, text.slice(body[0], body[1]))) {
      if (isDefanged(a[0])) continue; // written as an indicator
      const start = body[0] + a.index;
      out.push({ start, end: start + a[0].length, address: a[0].toLowerCase(), recipient });
    }
  }
  return out;
}

// Received: … by KWS-EX01 (…): a single-label receiving relay is the member's (the sending side may be the
// attacker's machine; dotted names and addresses are the network detector's).
const RECEIVED_BY_RE = /^Received:[^\n]*?[ \t]by[ \t]+([A-Za-z][A-Za-z0-9-]{1,62})(?=[\s(;])/dgim;

function receivedHosts(text: string): Candidate[] {
  const out: Candidate[] = [];
  for (const m of matches(RECEIVED_BY_RE, text)) {
    const span = m.indices?.[1];
    if (span && !/^(?:localhost|unknown|with|for|id)$/i.test(m[1] as string)) out.push({ kind: 'sensitive', label: 'INTERNAL_HOST', start: span[0], end: span[1], reason: 'mail_relay_host' });
  }
  return out;
}

export function detectMailHeaders(text: string, org: OrgProfile): Candidate[] {
  const suspicious = SUSPICIOUS.test(text);
  const all = headerAddresses(text);
  // An address that also sends (From:, Reply-To:) in the same text is a correspondent, not a private recipient:
  // in a BEC thread the member's clerk writes To: the fraudster.
  const senders = new Set(all.filter((h) => !h.recipient).map((h) => h.address));
  const out: Candidate[] = receivedHosts(text);
  for (const h of all) {
    const domain = h.address.slice(h.address.lastIndexOf('@') + 1);
    const own = victimDomainOf(domain, org) !== undefined;
    if (!own && imitatesMember(domain, org)) continue;
    const privateRecipient = h.recipient && !senders.has(h.address);
    const privateSender = !h.recipient && !suspicious && FREE_MAIL.has(domain);
    if (own || privateRecipient || privateSender) out.push({ kind: 'sensitive', label: 'EMAIL', start: h.start, end: h.end, reason: 'mail_header_address', priority: 1 });
  }
  return out;
}
