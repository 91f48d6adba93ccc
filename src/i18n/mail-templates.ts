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
      body: 'インシデント報告に関する期限が近づいています。\n\n{regime}\n{deadline}: {due}（UTC）\n\n報告の画面で内容と期限を確認してください:\n{link}',
    },
    en: {
      subject: 'Anshin: a reporting deadline is close ({deadline})',
      body: 'A deadline for one of your incident reports is close.\n\n{regime}\n{deadline}: {due} (UTC)\n\nSee the report and its deadlines:\n{link}',
    },
  },
} as const;

export type MailTemplate = keyof typeof TEMPLATES;

export function renderMail(template: MailTemplate, locale: Locale, params: Record<string, string | number>) {
  const t = TEMPLATES[template][locale];
  return { subject: fill(t.subject, params), body: fill(t.body, params) };
}
