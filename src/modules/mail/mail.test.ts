import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/helpers/databases.js';
import { as, createUser, errorCode, signIn, useTestApp } from '../../../test/helpers/app.js';

// A real SMTP server on loopback, so delivery is tested end to end.
const received: Array<{ to: string; data: string }> = [];
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  onData(stream, session, callback) {
    let data = '';
    stream.on('data', (chunk: Buffer) => (data += chunk.toString('utf8')));
    stream.on('end', () => {
      received.push({ to: session.envelope.rcptTo[0]?.address ?? '', data });
      callback();
    });
  },
});
let smtpPort = 0;
beforeAll(async () => {
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  smtpPort = (smtp.server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => smtp.close(() => resolve())));

describeEachDatabase('outbox without SMTP', (database) => {
  const ctx = useTestApp(database);

  it('keeps mail in the outbox, readable by administrators only', async () => {
    const user = await createUser(ctx, { locale: 'en' });
    await ctx.app.inject({ method: 'POST', url: '/api/auth/password-reset/request', payload: { email: user.email } });
    const admin = await signIn(ctx, await createUser(ctx, { roles: ['administrator'] }));
    const outbox = await as(ctx, admin)({ method: 'GET', url: '/api/outbox' });
    const mail = outbox.json().items.find((m: { recipient: string }) => m.recipient === user.email);
    expect(mail).toMatchObject({ subject: 'Reset your Anshin password', sentAt: null, error: null });
    expect(mail.body).toContain('http://localhost:8080/reset#token=');
    const member = await signIn(ctx, await createUser(ctx));
    expect(errorCode(await as(ctx, member)({ method: 'GET', url: '/api/outbox' }))).toBe('not_found');
  });
});

describe('SMTP delivery', () => {
  describeEachDatabase('with SMTP_URL', (database) => {
    const ctx = useTestApp(database, { SMTP_URL: 'smtp://127.0.0.1:1' });

    it('sends through SMTP and marks the outbox entry sent', async () => {
      // The port is known only after the server starts; rebuild the mailer's target through the config.
      const user = await createUser(ctx);
      const { createMailer } = await import('./mail.service.js');
      const mailer = createMailer(`smtp://127.0.0.1:${smtpPort}`, 'anshin@example.org', ctx.app.log);
      const { queueMail } = await import('./mail.service.js');
      await queueMail(ctx.db, { to: user.email, subject: '件名', body: '本文です' });
      await mailer.flush(ctx.db);
      expect(received.some((m) => m.to === user.email && m.data.includes('Subject:'))).toBe(true);
      const row = await ctx.db.selectFrom('outbox').selectAll().where('recipient', '=', user.email).executeTakeFirstOrThrow();
      expect(row.sent_at).not.toBeNull();
      expect(row.error).toBeNull();
    });

    it('records a delivery failure on the entry and keeps the mail', async () => {
      const user = await createUser(ctx);
      await ctx.app.inject({ method: 'POST', url: '/api/auth/password-reset/request', payload: { email: user.email } });
      const row = await ctx.db.selectFrom('outbox').selectAll().where('recipient', '=', user.email).executeTakeFirstOrThrow();
      expect(row.sent_at).toBeNull();
      expect(row.error).toMatch(/ECONNREFUSED|connect/i);
    });
  });
});
