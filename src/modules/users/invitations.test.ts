import { randomUUID } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/helpers/databases.js';
import { as, createOrg, createUser, errorCode, signIn, useTestApp, type Session, type TestContext } from '../../../test/helpers/app.js';

const tokenIn = (body: string): string => {
  const match = /\/invite#token=([A-Za-z0-9_-]+)/.exec(body);
  if (!match?.[1]) throw new Error(`no invitation link in ${body}`);
  return match[1];
};

const mailsTo = (ctx: TestContext, email: string) => ctx.db.selectFrom('outbox').selectAll().where('recipient', '=', email).execute();

const accept = (ctx: TestContext, token: string) =>
  ctx.app.inject({
    method: 'POST',
    url: '/api/auth/invitations/accept',
    payload: { token, displayName: 'Invited Person', password: 'a long enough passphrase', locale: 'en' },
  });

describeEachDatabase('invitations', (database) => {
  const ctx = useTestApp(database);
  let admin: Session;
  let orgAdmin: Session;
  let orgId = '';

  beforeAll(async () => {
    orgId = await createOrg(ctx);
    admin = await signIn(ctx, await createUser(ctx, { email: 'chief@example.org', roles: ['administrator'] }));
    orgAdmin = await signIn(ctx, await createUser(ctx, { orgs: [{ orgId, role: 'org_admin' }] }));
  });

  it('end to end: invite, mail, accept, the account has its roles and membership, and the link works once', async () => {
    const email = `Invitee-${randomUUID().slice(0, 8)}@Example.org`;
    const res = await as(ctx, admin)({
      method: 'POST', url: '/api/invitations', payload: { email, locale: 'en', orgId, orgRole: 'org_admin', platformRoles: ['coordinator'] },
    });
    expect(res.statusCode).toBe(201);
    expect(Object.keys(res.json()).sort()).toEqual(['email', 'expiresAt', 'id']);
    expect(res.json().email).toBe(email.toLowerCase());

    const outbox = await as(ctx, admin)({ method: 'GET', url: '/api/outbox' });
    const mail = outbox.json<{ items: Array<{ recipient: string; subject: string; body: string }> }>().items.find((m) => m.recipient === email.toLowerCase());
    expect(mail).toMatchObject({ subject: 'Your invitation to Anshin' });
    expect(mail?.body).toContain('chief invited you');
    const token = tokenIn(mail?.body ?? '');

    const accepted = await accept(ctx, token);
    expect(accepted.statusCode).toBe(200);
    const userId = accepted.json().user.id as string;
    const user = await as(ctx, admin)({ method: 'GET', url: `/api/users/${userId}` });
    expect(user.json()).toMatchObject({ email: email.toLowerCase(), platformRoles: ['coordinator'], memberships: [{ orgId, role: 'org_admin' }] });

    const again = await accept(ctx, token);
    expect({ status: again.statusCode, code: errorCode(again) }).toEqual({ status: 410, code: 'link_invalid' });

    const audit = await ctx.db.selectFrom('audit_events').selectAll().where('action', '=', 'user.invited').where('target_id', '=', res.json().id).executeTakeFirstOrThrow();
    expect(audit.org_id).toBe(orgId);
    expect(JSON.parse(audit.details)).toEqual({ email: email.toLowerCase(), platformRoles: ['coordinator'], orgRole: 'org_admin' });
  });

  it('an expired invitation cannot be accepted', async () => {
    const email = `late-${randomUUID().slice(0, 8)}@example.org`;
    const res = await as(ctx, admin)({ method: 'POST', url: '/api/invitations', payload: { email, locale: 'ja' } });
    await ctx.db.updateTable('one_time_links').set({ expires_at: new Date(Date.now() - 1000).toISOString() }).where('id', '=', res.json().id).execute();
    const [mail] = await mailsTo(ctx, email);
    expect(mail?.subject).toBe('Anshin への招待');
    const late = await accept(ctx, tokenIn(mail?.body ?? ''));
    expect({ status: late.statusCode, code: errorCode(late) }).toEqual({ status: 410, code: 'link_invalid' });
    expect(await ctx.db.selectFrom('users').select('id').where('email', '=', email).execute()).toHaveLength(0);
  });

  it('an administrator inviting a registered address gets 409 and nothing is sent', async () => {
    const existing = await createUser(ctx);
    const res = await as(ctx, admin)({ method: 'POST', url: '/api/invitations', payload: { email: existing.email.toUpperCase(), locale: 'ja' } });
    expect({ status: res.statusCode, code: errorCode(res) }).toEqual({ status: 409, code: 'email_taken' });
    expect(await mailsTo(ctx, existing.email)).toHaveLength(0);
  });

  it('an org admin inviting a registered address learns nothing; the acceptance fails instead', async () => {
    const existing = await createUser(ctx);
    const res = await as(ctx, orgAdmin)({ method: 'POST', url: '/api/invitations', payload: { email: existing.email, locale: 'ja', orgId } });
    expect(res.statusCode).toBe(201);
    const [mail] = await mailsTo(ctx, existing.email);
    const accepted = await accept(ctx, tokenIn(mail?.body ?? ''));
    expect({ status: accepted.statusCode, code: errorCode(accepted) }).toEqual({ status: 409, code: 'email_taken' });
  });

  it('an org admin\'s invitation makes a member of their organisation and nothing more', async () => {
    const email = `staff-${randomUUID().slice(0, 8)}@example.org`;
    expect((await as(ctx, orgAdmin)({ method: 'POST', url: '/api/invitations', payload: { email, locale: 'ja', orgId } })).statusCode).toBe(201);
    const [mail] = await mailsTo(ctx, email);
    const accepted = await accept(ctx, tokenIn(mail?.body ?? ''));
    expect(accepted.json().user).toMatchObject({ platformRoles: [], memberships: [{ orgId, role: 'member' }] });
  });

  it('an administrator inviting into an organisation that does not exist gets 404', async () => {
    const email = `nowhere-${randomUUID().slice(0, 8)}@example.org`;
    const res = await as(ctx, admin)({ method: 'POST', url: '/api/invitations', payload: { email, locale: 'ja', orgId: randomUUID() } });
    expect(errorCode(res)).toBe('not_found');
    expect(await mailsTo(ctx, email)).toHaveLength(0);
  });

  it('refuses bad input with 400 and sends nothing', async () => {
    const before = await ctx.db.selectFrom('one_time_links').select('id').execute();
    const email = `bad-${randomUUID().slice(0, 8)}@example.org`;
    const bad = [
      { email: 'not-an-address', locale: 'ja' },
      { email, locale: 'fr' },
      { email, locale: 'ja', platformRoles: ['owner'] },
      { email, locale: 'ja', orgId, orgRole: 'owner' },
      { email, locale: 'ja', orgRole: 'member' },
      { email, locale: 'ja', extra: true },
      { locale: 'ja' },
    ];
    for (const payload of bad) {
      const res = await as(ctx, admin)({ method: 'POST', url: '/api/invitations', payload });
      expect({ payload, status: res.statusCode, code: errorCode(res) }).toEqual({ payload, status: 400, code: 'validation_failed' });
    }
    const malformed = await as(ctx, admin)({ method: 'POST', url: '/api/invitations', headers: { 'content-type': 'application/json' }, payload: '{"email":' });
    expect({ status: malformed.statusCode, code: errorCode(malformed) }).toEqual({ status: 400, code: 'invalid_json' });
    expect(await ctx.db.selectFrom('one_time_links').select('id').execute()).toHaveLength(before.length);
    expect(await mailsTo(ctx, email)).toHaveLength(0);
  });
});
