// In-app notifications (and the matching e-mail through the outbox), inside the caller's transaction.
import { randomUUID } from 'node:crypto';
import type { Config } from '../../config.js';
import type { Database } from '../../db/database.js';
import { renderMail, type MailTemplate } from '../../i18n/mail-templates.js';
import { queueMail } from '../mail/mail.service.js';
import { insertNotifications, type Recipient } from './aid.repository.js';
import { mailLabels } from './aid-labels.js';

export interface Notice {
  kind: string; // an i18n code in the UI: aid.notification.<kind>
  requestId: string;
  params?: Record<string, string | number>;
  mail?: { template: MailTemplate; params: Record<string, string | number> };
}

export async function notify(trx: Database, config: Config, people: readonly Recipient[], notice: Notice, at: string): Promise<void> {
  const unique = [...new Map(people.map((p) => [p.id, p])).values()];
  await insertNotifications(trx, unique.map((p) => ({
    id: randomUUID(), user_id: p.id, request_id: notice.requestId, kind: notice.kind, params: JSON.stringify(notice.params ?? {}), created_at: at, read_at: null,
  })));
  if (!notice.mail) return;
  for (const p of unique) {
    const locale = p.locale === 'en' ? 'en' : 'ja';
    const link = `${config.baseUrl}/aid/requests/${notice.requestId}`;
    await queueMail(trx, { to: p.email, ...renderMail(notice.mail.template, locale, { ...mailLabels(notice.mail.params, locale), link }) });
  }
}
