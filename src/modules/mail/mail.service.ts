import { randomUUID } from 'node:crypto';
import nodemailer from 'nodemailer';
import type { RequestContext } from '../../auth/actor.js';
import { requireAccess } from '../../auth/access.js';
import type { Database } from '../../db/database.js';
import { claimMail, insertOutboxMail, listOutbox, listUnsent, markMailFailed } from './mail.repository.js';

export interface MailMessage {
  to: string;
  subject: string;
  body: string;
}

export interface Mailer {
  // Delivers what the outbox holds and has not sent; without SMTP the outbox is where mail stays.
  flush(db: Database): Promise<void>;
}

export function createMailer(smtpUrl: string | null, from: string, log: { warn: (obj: object, msg: string) => void }): Mailer {
  if (!smtpUrl) return { flush: async () => {} };
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    async flush(db) {
      for (const mail of await listUnsent(db, 50)) {
        if (!(await claimMail(db, mail.id, new Date().toISOString()))) continue;
        try {
          await transport.sendMail({ from, to: mail.recipient, subject: mail.subject, text: mail.body });
        } catch (error) {
          log.warn({ err: error, mailId: mail.id }, 'mail delivery failed');
          await markMailFailed(db, mail.id, error instanceof Error ? error.message : String(error));
        }
      }
    },
  };
}

// Called inside the caller's transaction: the mail exists exactly when the action that sends it does.
export async function queueMail(db: Database, message: MailMessage): Promise<void> {
  await insertOutboxMail(db, {
    id: randomUUID(),
    recipient: message.to,
    subject: message.subject,
    body: message.body,
    created_at: new Date().toISOString(),
    sent_at: null,
    error: null,
  });
}

export async function readOutbox(db: Database, ctx: RequestContext, options: { before?: string | undefined; limit: number }) {
  requireAccess({ actor: ctx.actor, permission: 'outbox.read' });
  const rows = await listOutbox(db, options);
  const items = rows.map((r) => ({
    id: r.id,
    recipient: r.recipient,
    subject: r.subject,
    body: r.body,
    createdAt: r.created_at,
    sentAt: r.sent_at,
    error: r.error,
  }));
  const last = items[items.length - 1];
  return { items, nextBefore: items.length === options.limit && last ? last.createdAt : null };
}
