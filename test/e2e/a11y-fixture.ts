// The data the accessibility run looks at: the demo community plus a draft and a submitted report
// (under triage), so every page in pages.ts has something real to show.
import type { BrowserContext } from 'playwright-core';
import { seedDemo } from '../../src/demo/demo.js';
import { as, signIn } from '../helpers/app.js';
import type { E2E } from './helpers.js';
import type { PageRole } from './pages.js';

export interface A11yFixture {
  passwords: Map<string, string>;
  /** The `:name` parts of the paths in pages.ts. */
  ids: Record<string, string>;
}

const REPORT_TEXT = '経理のパソコンのファイルが暗号化され、身代金を要求する画面が表示されました。通信先は 203.0.113.77 でした。';

const AID_REQUEST = (orgId: string) => ({
  orgId, skills: ['recovery', 'forensics'], urgency: 'critical', onSite: true, prefecture: '13', language: 'ja', category: 'ransomware',
  description: 'サーバーが暗号化されました。現地で復旧を手伝ってほしいです。',
});

export async function createA11yFixture(e2e: E2E): Promise<A11yFixture> {
  const demo = await seedDemo(e2e.db, { config: e2e.config });
  if (!demo) throw new Error('the e2e database was not empty');
  const passwords = new Map(demo.credentials.map((c) => [c.email.split('@')[0] ?? '', c.password]));
  const hospital = demo.orgIds.hospital ?? '';
  const member = as(e2e, await signIn(e2e, credential(passwords, 'hospital-staff')));
  const coordinator = as(e2e, await signIn(e2e, credential(passwords, 'coordinator')));
  const draft = (await member({ method: 'POST', url: '/api/reports', payload: { orgId: hospital, text: REPORT_TEXT } })).json<{ id: string }>().id;
  const submitted = (await member({ method: 'POST', url: '/api/reports', payload: { orgId: hospital, text: REPORT_TEXT, answers: { category: 'ransomware' } } })).json<{ id: string }>().id;
  await expectStatus(member({ method: 'POST', url: `/api/reports/${submitted}/submit` }), 204);
  await expectStatus(coordinator({ method: 'POST', url: `/api/reports/${submitted}/state`, payload: { state: 'triage' } }), 204);
  const staff = await e2e.db.selectFrom('users').select('id').where('email', '=', 'hospital-staff@demo.anshin.example').executeTakeFirstOrThrow();
  const indicator = await e2e.db.selectFrom('stix_objects').select('stix_id').where('type', '=', 'indicator').where('tlp', '=', 'green').executeTakeFirstOrThrow();
  // Mutual aid: a help request of the hospital, offered at once to the demo's vetted responder.
  const aidRequest = (await member({ method: 'POST', url: '/api/aid/requests', payload: AID_REQUEST(hospital) })).json<{ id: string }>().id;
  return { passwords, ids: { hospital, draft, submitted, staffUser: staff.id, indicator: indicator.stix_id, aidRequest } };
}

async function expectStatus(response: Promise<{ statusCode: number; body: string }>, status: number): Promise<void> {
  const res = await response;
  if (res.statusCode !== status) throw new Error(`fixture: expected ${status}, got ${res.statusCode} ${res.body}`);
}

export function credential(passwords: Map<string, string>, role: Exclude<PageRole, 'anonymous'>): { email: string; password: string } {
  const password = passwords.get(role);
  if (!password) throw new Error(`no demo sign-in for ${role}`);
  return { email: `${role}@demo.anshin.example`, password };
}

/** Signs a browser context in through the API (the cookie lands in the context); optionally switches the account to English. */
export async function signInContext(context: BrowserContext, user: { email: string; password: string }, locale?: 'en'): Promise<void> {
  const login = await context.request.post('/api/auth/login', { data: user });
  if (!login.ok()) throw new Error(`sign-in of ${user.email} failed: ${login.status()}`);
  if (!locale) return;
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const changed = await context.request.patch('/api/account', { data: { locale }, headers: { 'x-csrf-token': csrfToken } });
  if (!changed.ok()) throw new Error(`switching ${user.email} to ${locale} failed: ${changed.status()}`);
}
