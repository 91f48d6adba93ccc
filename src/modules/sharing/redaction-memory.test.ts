// Issue 18: what coordinators teach the detector for one organisation, and the organisation's own people, are proposed
// in its later reports. Only coordinators see or change the memory; to anyone else it does not exist.
import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/helpers/databases.js';
import { as, createOrg, createUser, errorCode, signIn, useTestApp, type Session } from '../../../test/helpers/app.js';

interface Review { version: number; redactions: Array<{ id: string; text: string; label: string; reason: string }> }
interface Memory { items: Array<{ id: string; value: string; label: string; createdByName: string | null }> }

describeEachDatabase('redaction memory', (database) => {
  const ctx = useTestApp(database);
  let orgId: string;
  let otherOrg: string;
  const s = {} as Record<'reporter' | 'orgAdmin' | 'otherMember' | 'coordinator', Session>;

  const report = async (text: string) => {
    const created = await as(ctx, s.reporter)({ method: 'POST', url: '/api/reports', payload: { orgId, text, answers: { category: 'phishing' } } });
    expect(created.statusCode).toBe(201);
    const { id } = created.json<{ id: string }>();
    expect((await as(ctx, s.reporter)({ method: 'POST', url: `/api/reports/${id}/submit` })).statusCode).toBe(204);
    return id;
  };
  const review = async (id: string) => {
    const res = await as(ctx, s.coordinator)({ method: 'GET', url: `/api/reports/${id}/redactions` });
    expect(res.statusCode).toBe(200);
    return res.json<Review>();
  };
  const memory = (who: keyof typeof s, method: 'GET' | 'POST' | 'DELETE', path = '', payload?: object, org = orgId) =>
    as(ctx, s[who])({ method, url: `/api/orgs/${org}/redaction-memory${path}`, ...(payload ? { payload } : {}) });

  beforeAll(async () => {
    orgId = await createOrg(ctx, { nameJa: '有限会社あおば会計', nameEn: 'Aoba Accounting' });
    otherOrg = await createOrg(ctx);
    const reporter = await createUser(ctx, { orgs: [{ orgId, role: 'member' }], displayName: '三橋 ことね', email: 'kotone.m@aoba-kaikei.example' });
    s.reporter = await signIn(ctx, reporter);
    s.orgAdmin = await signIn(ctx, await createUser(ctx, { orgs: [{ orgId, role: 'org_admin' }] }));
    s.otherMember = await signIn(ctx, await createUser(ctx, { orgs: [{ orgId: otherOrg, role: 'member' }] }));
    s.coordinator = await signIn(ctx, await createUser(ctx, { roles: ['coordinator'] }));
  });

  it('proposes the organisation\'s own people wherever they appear, even spelled differently', async () => {
    const id = await report('経理の三橋から報告。ミツハシ コトネ名義で届いた請求メールを kotone.m@aoba-kaikei.example 宛に転送したとのこと。');
    const { redactions } = await review(id);
    const known = redactions.filter((r) => r.reason === 'member_known_name').map((r) => r.text);
    expect(known).toEqual(expect.arrayContaining(['三橋', 'kotone.m@aoba-kaikei.example']));
  });

  it('remembers a value a coordinator added and proposes it in the organisation\'s next report', async () => {
    const text = '共有フォルダ AOB-FS7 の中身が暗号化された。ａｏｂ－ｆｓ７ は停止済み。';
    const first = await report(text);
    const { version } = await review(first);
    const start = text.indexOf('AOB-FS7');
    const added = await as(ctx, s.coordinator)({
      method: 'POST', url: `/api/reports/${first}/redactions`,
      payload: { version, additions: [{ start, end: start + 7, label: 'INTERNAL_HOST', remember: true }] },
    });
    expect(added.statusCode).toBe(200);
    // Taught for later reports, and redacted wherever it appears in this one too: the full-width spelling is covered by
    // the addition, or by the detector's own proposal where it now finds the host itself.
    const inReview = added.json<Review>().redactions;
    expect(inReview.filter((r) => r.reason === 'coordinator_added').map((r) => r.text)).toContain('AOB-FS7');
    expect(inReview.map((r) => r.text)).toContain('ａｏｂ－ｆｓ７');
    const listed = (await memory('coordinator', 'GET')).json<Memory>();
    expect(listed.items.map((i) => ({ value: i.value, label: i.label }))).toEqual([{ value: 'AOB-FS7', label: 'INTERNAL_HOST' }]);
    expect(listed.items[0]?.createdByName).not.toBeNull();
    const audit = await ctx.db.selectFrom('audit_events').select('details').where('action', '=', 'redaction_memory.added').execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]?.details).not.toContain('AOB-FS7'); // the value itself stays out of the audit log

    const next = await report('復旧後、ａｏｂ－ｆｓ７ を再起動した。');
    const { redactions } = await review(next);
    expect(redactions.filter((r) => r.reason === 'remembered_value').map((r) => ({ text: r.text, label: r.label })))
      .toEqual([{ text: 'ａｏｂ－ｆｓ７', label: 'INTERNAL_HOST' }]);
  });

  it('lets coordinators add and delete remembered values, with clear errors for bad input', async () => {
    const created = await memory('coordinator', 'POST', '', { value: '  顧客番号 C-20931  ', label: 'ACCOUNT' });
    expect(created.statusCode).toBe(201);
    const item = created.json<{ id: string; value: string }>();
    expect(item.value).toBe('顧客番号 C-20931');
    // The same value again changes nothing.
    expect((await memory('coordinator', 'POST', '', { value: '顧客番号 C-20931', label: 'ACCOUNT' })).statusCode).toBe(201);
    expect((await memory('coordinator', 'GET')).json<Memory>().items.filter((i) => i.value === '顧客番号 C-20931')).toHaveLength(1);
    expect(errorCode(await memory('coordinator', 'POST', '', { value: 'x', label: 'ACCOUNT' }))).toBe('validation_failed');
    expect(errorCode(await memory('coordinator', 'POST', '', { value: 'valid value', label: 'NOT_A_LABEL' }))).toBe('validation_failed');
    expect((await memory('coordinator', 'DELETE', `/${item.id}`)).statusCode).toBe(204);
    expect((await memory('coordinator', 'DELETE', `/${item.id}`)).statusCode).toBe(404);
    expect((await memory('coordinator', 'GET', '', undefined, 'no-such-org')).statusCode).toBe(404);
    const deleted = await ctx.db.selectFrom('audit_events').select('details').where('action', '=', 'redaction_memory.deleted').execute();
    expect(deleted).toHaveLength(1);
  });

  it('refuses to publish the organisation\'s people or taught values in any spelling, even when no proposal caught them', async () => {
    const id = await report('不審なメールを受信。詳細は別途。');
    expect((await as(ctx, s.coordinator)({ method: 'POST', url: `/api/reports/${id}/state`, payload: { state: 'triage' } })).statusCode).toBe(204);
    const { version, redactions } = await review(id);
    const decided = await as(ctx, s.coordinator)({
      method: 'POST', url: `/api/reports/${id}/redactions`, payload: { version, decisions: redactions.map((r) => ({ id: r.id, decision: 'accepted' })) },
    });
    expect(decided.statusCode).toBe(200);
    const publish = (summary: string) => as(ctx, s.coordinator)({
      method: 'POST', url: `/api/reports/${id}/advisory`,
      payload: {
        title: { ja: 'フィッシングの注意喚起', en: 'Phishing alert' }, summary: { ja: summary, en: 'Phishing mails were received.' },
        tlp: 'green', audience: { kind: 'community' }, indicators: [], malware: [], vulnerabilities: [], attackPatterns: [],
      },
    });
    for (const summary of ['コトネさん宛てに届いた。', 'Forwarded by KOTONE.', '三\u200b橋さんが受信。', '端末 AOB\u200b-FS7 が暗号化された。', '宛先 KOTONE.M@aoba-kaikei.example']) {
      const res = await publish(summary);
      expect(res.statusCode, summary).toBe(422);
      expect(errorCode(res)).toBe('publication_leak');
    }
    expect((await publish('会計事務所でフィッシングメールの受信がありました。')).statusCode).toBe(201);
  });

  it('does not exist for members, organisation admins or anyone signed out', async () => {
    const { items } = (await memory('coordinator', 'GET')).json<Memory>();
    const id = items[0]?.id as string;
    for (const who of ['reporter', 'orgAdmin', 'otherMember'] as const) {
      expect((await memory(who, 'GET')).statusCode).toBe(404);
      expect((await memory(who, 'POST', '', { value: 'AOB-FS9', label: 'INTERNAL_HOST' })).statusCode).toBe(404);
      expect((await memory(who, 'DELETE', `/${id}`)).statusCode).toBe(404);
    }
    expect((await ctx.app.inject({ method: 'GET', url: `/api/orgs/${orgId}/redaction-memory` })).statusCode).toBe(401);
    expect((await memory('coordinator', 'GET')).json<Memory>().items.map((i) => i.id)).toContain(id);
  });
});
