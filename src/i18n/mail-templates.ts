import type { Locale } from '../auth/roles.js';
import { fill } from './messages.js';

const TEMPLATES = {
  invite: {
    ja: {
      subject: 'Anshin への招待',
      body: 'Anshin への招待が届きました（招待者: {inviter}）。\n\n次のリンクからアカウントを作成してください（{hours} 時間有効、1 回のみ使用可）:\n{link}\n\n心当たりがない場合は、このメールを破棄してください。',
    },
    en: {
      subject: 'Your invitation to Anshin',
      body: '{inviter} invited you to Anshin.\n\nCreate your account with this link (valid for {hours} hours, usable once):\n{link}\n\nIf you did not expect this, you can ignore this e-mail.',
    },
  },
  reset: {
    ja: {
      subject: 'Anshin パスワードの再設定',
      body: 'パスワード再設定の依頼を受け付けました。\n\n次のリンクから新しいパスワードを設定してください（{hours} 時間有効、1 回のみ使用可）:\n{link}\n\n依頼していない場合は、このメールを破棄してください。パスワードは変わりません。',
    },
    en: {
      subject: 'Reset your Anshin password',
      body: 'We received a request to reset your password.\n\nSet a new password with this link (valid for {hours} hours, usable once):\n{link}\n\nIf you did not ask for this, ignore this e-mail; your password stays as it is.',
    },
  },
  deadlineReminder: {
    ja: {
      subject: 'Anshin: 報告期限が近づいています（{deadline}）',
      body: 'インシデント報告に関する期限が近づいています。\n\n{regime}\n{deadline}: {due}（日本時間）\n\n報告の画面で内容と期限を確認してください:\n{link}',
    },
    en: {
      subject: 'Anshin: a reporting deadline is close ({deadline})',
      body: 'A deadline for one of your incident reports is close.\n\n{regime}\n{deadline}: {due} (Japan time, UTC+9)\n\nSee the report and its deadlines:\n{link}',
    },
  },
  aidEscalation: {
    ja: {
      subject: 'Anshin: 支援依頼のエスカレーション（{urgency}）',
      body: '支援依頼が対応目標に達していないか、対応できる支援者が見つかりません（{reason}）。\n\n依頼: {category}（{urgency}）\n期限: {due}（日本時間）\n\n支援依頼を確認してください:\n{link}',
    },
    en: {
      subject: 'Anshin: help request escalated ({urgency})',
      body: 'A help request has missed its response target or has no responder who can take it ({reason}).\n\nRequest: {category} ({urgency})\nDue: {due} (Japan time, UTC+9)\n\nSee the help request:\n{link}',
    },
  },
  aidMessage: {
    ja: {
      subject: 'Anshin: 支援依頼に新しいメッセージがあります',
      body: '支援依頼（{category}）に新しいメッセージが届きました。内容は Anshin にサインインして確認してください:\n{link}',
    },
    en: {
      subject: 'Anshin: a new message on a help request',
      body: 'There is a new message on a help request ({category}). Sign in to Anshin to read it:\n{link}',
    },
  },
  aidOffer: {
    ja: {
      subject: 'Anshin: 支援依頼の打診が届きました（{urgency}）',
      body: '支援依頼（{category}、緊急度 {urgency}）の打診が届きました。引き受けるかどうかを回答してください:\n{link}',
    },
    en: {
      subject: 'Anshin: a help request was offered to you ({urgency})',
      body: 'A help request ({category}, urgency {urgency}) was offered to you. Please accept or decline:\n{link}',
    },
  },
} as const;

export type MailTemplate = keyof typeof TEMPLATES;

export function renderMail(template: MailTemplate, locale: Locale, params: Record<string, string | number>) {
  const t = TEMPLATES[template][locale];
  return { subject: fill(t.subject, params), body: fill(t.body, params) };
}

const JAPAN_TIME = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Tokyo', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** An ISO time as mails show it: Japan time, "2026-12-08 09:00" (the community is in Japan; users keep no time zone). */
export const japanTime = (iso: string): string => JAPAN_TIME.format(new Date(iso));
