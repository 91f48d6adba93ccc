import { Command } from 'commander';
import { afterAll, afterEach, beforeAll, expect, it, vi } from 'vitest';
import { describeEachDatabase } from '../../test/helpers/databases.js';
import { as, createOrg, createUser, errorCode, signIn, TEST_ENV, useTestApp } from '../../test/helpers/app.js';
import { registerAdminCommands } from './admin.commands.js';

// Runs `anshin <args>` against the test database and returns what it printed.
async function anshin(...args: string[]): Promise<string> {
  const printed: string[] = [];
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    printed.push(String(chunk));
    return true;
  });
  try {
    const program = new Command().exitOverride().configureOutput({ writeErr: () => {} });
    registerAdminCommands(program);
    await program.parseAsync(args, { from: 'user' });
  } finally {
    spy.mockRestore();
  }
  return printed.join('');
}

const linkToken = (output: string, kind: string): string => {
  const match = new RegExp(`/${kind}#token=([A-Za-z0-9_-]+)`).exec(output);
  if (!match?.[1]) throw new Error(`no ${kind} link in ${output}`);
  return match[1];
};

describeEachDatabase('CLI: admin, user and token commands', (database) => {
  const ctx = useTestApp(database);
  const savedEnv = { ...process.env };

  beforeAll(() => {
    Object.assign(process.env, TEST_ENV, { DATABASE_URL: ctx.config.databaseUrl });
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });
  afterAll(() => {
    process.env = savedEnv;
  });

  it('admin create: an administrator without a password and a one-time link to set one', async () => {
    const output = await anshin('admin', 'create', '--email', 'Root@Example.org', '--name', 'Root Admin', '--locale', 'en');
    const user = await ctx.db.selectFrom('users').selectAll().where('email', '=', 'root@example.org').executeTakeFirstOrThrow();
    expect(user).toMatchObject({ password_hash: null, status: 'active', locale: 'en', display_name: 'Root Admin' });
    const password = 'the operator chose this one';
    const done = await ctx.app.inject({ method: 'POST', url: '/api/auth/password-reset/complete', payload: { token: linkToken(output, 'reset'), password } });
    expect(done.statusCode).toBe(204);
    const session = await signIn(ctx, { email: 'root@example.org', password });
    expect((await as(ctx, session)({ method: 'GET', url: '/api/users' })).statusCode).toBe(200);
    await expect(anshin('admin', 'create', '--email', 'root@example.org', '--name', 'Again')).rejects.toThrow('already registered');
  });

  it('user list prints people, as JSON on request', async () => {
    const someone = await createUser(ctx, { email: 'listed@example.org', roles: ['auditor'] });
    expect(await anshin('user', 'list')).toMatch(/listed@example\.org\s+listed\s+active\s+auditor/);
    const json = JSON.parse(await anshin('user', 'list', '--json', '--search', 'LISTED')) as unknown[];
    expect(json).toEqual([expect.objectContaining({ id: someone.id, email: 'listed@example.org', platformRoles: ['auditor'] })]);
  });

  it('user invite queues the mail and prints the link, which creates the account', async () => {
    const orgId = await createOrg(ctx);
    const output = await anshin('user', 'invite', '--email', 'cli-invitee@example.org', '--org', orgId, '--org-role', 'org_admin', '--role', 'coordinator', 'responder');
    const mail = await ctx.db.selectFrom('outbox').selectAll().where('recipient', '=', 'cli-invitee@example.org').executeTakeFirstOrThrow();
    const token = linkToken(output, 'invite');
    expect(mail.body).toContain(token);
    expect(mail.body).toContain('Anshin 運用担当');
    const accepted = await ctx.app.inject({
      method: 'POST', url: '/api/auth/invitations/accept', payload: { token, displayName: 'CLI Invitee', password: 'a long enough passphrase', locale: 'ja' },
    });
    expect(accepted.json().user).toMatchObject({ platformRoles: ['coordinator', 'responder'], memberships: [{ orgId, role: 'org_admin' }] });
    await expect(anshin('user', 'invite', '--email', 'cli-invitee@example.org')).rejects.toThrow('already registered');
    await expect(anshin('user', 'invite', '--email', 'x@example.org', '--role', 'owner')).rejects.toThrow();
    await expect(anshin('user', 'invite', '--email', 'x@example.org', '--org-role', 'member')).rejects.toThrow('--org-role needs --org');
  });

  it('token create prints a token once that works for the user, with the scopes asked for', async () => {
    const owner = await createUser(ctx, { email: 'machine@example.org', roles: ['administrator'] });
    const output = await anshin('token', 'create', '--user', owner.email, '--scope', 'read', '--name', 'siem', '--days', '30');
    const token = /^\s+(ash_\S+)$/m.exec(output)?.[1] ?? '';
    const headers = { authorization: `Bearer ${token}` };
    expect((await ctx.app.inject({ method: 'GET', url: '/api/users', headers })).statusCode).toBe(200);
    expect(errorCode(await ctx.app.inject({ method: 'PATCH', url: `/api/users/${owner.id}`, headers, payload: { displayName: 'x' } }))).toBe('insufficient_scope');
    const stored = await ctx.db.selectFrom('api_tokens').selectAll().where('user_id', '=', owner.id).executeTakeFirstOrThrow();
    expect(stored).toMatchObject({ name: 'siem', scopes: 'read' });
    expect(stored.token_hash).not.toContain(token);
    await expect(anshin('token', 'create', '--user', owner.email, '--scope', 'admin')).rejects.toThrow();
    await expect(anshin('token', 'create', '--user', owner.email, '--scope', 'read', '--days', '0')).rejects.toThrow();
    await expect(anshin('token', 'create', '--user', 'nobody@example.org', '--scope', 'read')).rejects.toThrow('Not found');
  });

  it('token create --scope read,write gives a TAXII client HTTP Basic access (e-mail + token)', async () => {
    const orgId = await createOrg(ctx, { nameEn: 'Token Org' });
    const member = await createUser(ctx, { email: 'siem@example.org', orgs: [{ orgId, role: 'member' }] });
    const output = await anshin('token', 'create', '--user', member.email, '--scope', 'read,write', '--name', 'taxii');
    const token = /^\s+(ash_\S+)$/m.exec(output)?.[1] ?? '';
    const taxii = 'application/taxii+json;version=2.1';
    const headers = { accept: taxii, authorization: `Basic ${Buffer.from(`${member.email}:${token}`).toString('base64')}` };
    const inbox = (await ctx.db.selectFrom('taxii_collections').select('id').where('org_id', '=', orgId).where('audience', '=', 'inbox').executeTakeFirstOrThrow()).id;
    const listed = await ctx.app.inject({ method: 'GET', url: '/taxii2/community/collections/', headers });
    expect(listed.json<{ collections: Array<{ id: string; can_write: boolean }> }>().collections).toContainEqual(expect.objectContaining({ id: inbox, can_write: true }));
    const posted = await ctx.app.inject({ method: 'POST', url: `/taxii2/community/collections/${inbox}/objects/`, headers: { ...headers, 'content-type': taxii }, payload: '{"objects":[]}' });
    expect(posted.statusCode).toBe(202);
    const wrongUser = { ...headers, authorization: `Basic ${Buffer.from(`someone@example.org:${token}`).toString('base64')}` };
    expect((await ctx.app.inject({ method: 'GET', url: '/taxii2/community/collections/', headers: wrongUser })).statusCode).toBe(401);
  });
});
