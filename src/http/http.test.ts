import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/helpers/databases.js';
import { createUser, errorCode, useTestApp } from '../../test/helpers/app.js';

describeEachDatabase('HTTP basics', (database) => {
  const ctx = useTestApp(database, { BODY_LIMIT_BYTES: '2048' });
  const login = (payload: string, contentType = 'application/json') =>
    ctx.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': contentType }, payload });

  it('answers health and readiness', async () => {
    expect((await ctx.app.inject({ method: 'GET', url: '/healthz' })).json()).toEqual({ status: 'ok' });
    expect((await ctx.app.inject({ method: 'GET', url: '/readyz' })).json()).toEqual({ status: 'ready' });
  });

  it('maps malformed JSON, wrong types, missing fields, big bodies and other media types to clear 4xx', async () => {
    const cases: Array<[Promise<{ statusCode: number; json: () => unknown }>, number, string]> = [
      [login('{"email": '), 400, 'invalid_json'],
      [login(JSON.stringify({ email: 'a@example.org', password: 42 })), 400, 'validation_failed'],
      [login(JSON.stringify({ email: 'a@example.org' })), 400, 'validation_failed'],
      [login(JSON.stringify({ email: 'not-an-email', password: 'x' })), 400, 'validation_failed'],
      [login(JSON.stringify({ email: 'a@example.org', password: 'x'.repeat(4000) })), 413, 'payload_too_large'],
      [login('email=a&password=b', 'application/x-www-form-urlencoded'), 415, 'unsupported_media_type'],
      [login('hello', 'text/plain'), 415, 'unsupported_media_type'],
    ];
    for (const [pending, status, code] of cases) {
      const res = (await pending) as unknown as { statusCode: number; json: () => { error: { code: string; message: string } } };
      expect([res.statusCode, res.json().error.code]).toEqual([status, code]);
      expect(res.json().error.message.length).toBeGreaterThan(3);
    }
  });

  it('names the field that failed validation, in the caller language', async () => {
    const res = await ctx.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'accept-language': 'en-GB,en;q=0.8' }, payload: { email: 'a@example.org' } });
    expect(res.json().error.message).toMatch(/^Some input is not valid: .*password/);
  });

  it('sends security headers', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/healthz' });
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
  });

  it('answers unknown API paths with the error shape', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/nope' });
    expect(res.statusCode).toBe(404);
    expect(errorCode(res)).toBe('not_found');
  });

  it('publishes the OpenAPI document and the browsable docs', async () => {
    const doc = await ctx.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(doc.statusCode).toBe(200);
    const paths = Object.keys(doc.json<{ paths: Record<string, unknown> }>().paths);
    expect(paths).toEqual(expect.arrayContaining(['/api/auth/login', '/api/account/tokens', '/api/audit', '/api/outbox']));
    const docs = await ctx.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(docs.statusCode).toBe(200);
    expect(docs.body).toContain('swagger');
  });

  it('does not let a client change what it may not, by sending extra fields', async () => {
    const user = await createUser(ctx);
    const res = await ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: user.email, password: user.password, role: 'administrator' } });
    expect(errorCode(res)).toBe('validation_failed');
  });
});
