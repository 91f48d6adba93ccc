// Names of mutual-aid codes in e-mails and in the home-page blocks (the web UI has its own, in web/src/i18n/aid.*.ts);
// incident categories are named by the shared vocabulary.
import type { Locale } from '../../auth/roles.js';
import { japanTime } from '../../i18n/mail-templates.js';
import { categoryName } from '../../vocabulary/incident-categories.js';

type Labels = Record<string, Record<Locale, string>>;

const LABELS: Record<'urgency' | 'reason' | 'status' | 'risk', Labels> = {
  urgency: {
    critical: { ja: '緊急', en: 'critical' }, high: { ja: '高', en: 'high' }, normal: { ja: '通常', en: 'normal' },
  },
  reason: {
    assign: { ja: '目標時間内に支援者が決まっていません', en: 'no responder within the target' },
    ack: { ja: '支援者が目標時間内に対応を始めていません', en: 'the responder has not started within the target' },
    no_responder: { ja: '対応できる支援者がいません', en: 'no responder can take it' },
    all_declined: { ja: '打診した支援者全員が辞退しました', en: 'every responder offered declined' },
  },
  status: {
    open: { ja: '支援者を探しています', en: 'looking for a responder' }, offered: { ja: '支援者に打診中', en: 'offered to responders' },
    assigned: { ja: '支援者が決まりました', en: 'responder assigned' }, in_progress: { ja: '対応中', en: 'in progress' },
    closed: { ja: '完了', en: 'closed' }, cancelled: { ja: '取り下げ', en: 'cancelled' },
  },
  risk: {
    overdue: { ja: '目標時間超過', en: 'past its target' }, escalated: { ja: 'エスカレーション済み', en: 'escalated' },
    due_soon: { ja: 'まもなく目標時間', en: 'target close' },
  },
};

/** The name of one code in the reader's language (the code itself when it has none). */
export function aidLabel(kind: keyof typeof LABELS | 'category', code: string, locale: Locale): string {
  return kind === 'category' ? categoryName(code, locale) : LABELS[kind][code]?.[locale] ?? code;
}

/** The mail parameters with codes replaced by their names in the recipient's language. */
export function mailLabels(params: Record<string, string | number>, locale: Locale): Record<string, string | number> {
  const out = { ...params };
  for (const key of ['urgency', 'category', 'reason'] as const) {
    const code = params[key];
    if (typeof code === 'string') out[key] = aidLabel(key, code, locale);
  }
  if (typeof params.due === 'string') out.due = japanTime(params.due);
  return out;
}
