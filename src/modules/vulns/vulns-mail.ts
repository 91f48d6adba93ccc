// The mail to an organisation's members when a vulnerability known to be exploited (CISA KEV) is found on one of
// their assets. Plain words first; the identifiers follow for whoever acts on it.
import type { Locale } from '../../auth/roles.js';
import { fill } from '../../i18n/messages.js';

export interface KevMailItem {
  cveId: string;
  asset: string; // "Fortinet FortiOS 7.2.4"
  fixedHint: string | null;
  dueDate: string | null;
}

const TEXT = {
  ja: {
    subject: 'Anshin: 攻撃に使われている脆弱性が登録機器に見つかりました（{count} 件）',
    body: '貴組織が Anshin に登録した機器・ソフトウェアに、実際の攻撃で悪用が確認されている脆弱性（米国 CISA の KEV カタログ掲載）が見つかりました。'
      + '外部から侵入される危険が高いため、できるだけ早く対応してください。\n\n{items}\n\n'
      + '対応したら Anshin で「修正済み」などを記録してください。困ったときは同じ画面から支援を依頼できます:\n{link}',
    item: '・{cve}: {asset}',
    fixed: '\n  対策: {fixed} 以降に更新する（ベンダーの案内を確認してください）',
    due: '\n  米国政府機関への対応期限の目安: {due}',
  },
  en: {
    subject: 'Anshin: a vulnerability used in attacks was found on your assets ({count})',
    body: 'A vulnerability that attackers are known to exploit (listed in the CISA KEV catalogue) was found on equipment or software your '
      + 'organisation registered in Anshin. It puts you at high risk of a break-in: please act on it as soon as you can.\n\n{items}\n\n'
      + 'Record in Anshin when it is patched or mitigated. You can ask for help from the same page:\n{link}',
    item: '- {cve}: {asset}',
    fixed: '\n  What to do: update to {fixed} or later (see the vendor advisory)',
    due: '\n  Deadline CISA set for US federal agencies: {due}',
  },
} as const;

export function renderKevMail(locale: Locale, items: readonly KevMailItem[], link: string): { subject: string; body: string } {
  const t = TEXT[locale];
  const lines = items.map((i) => fill(t.item, { cve: i.cveId, asset: i.asset })
    + (i.fixedHint ? fill(t.fixed, { fixed: i.fixedHint }) : '') + (i.dueDate ? fill(t.due, { due: i.dueDate }) : ''));
  return { subject: fill(t.subject, { count: items.length }), body: fill(t.body, { items: lines.join('\n'), link }) };
}
