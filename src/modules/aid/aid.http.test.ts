import { beforeAll, describe, expect, it } from 'vitest';
import { as, createOrg, createUser, errorCode, signIn, useTestApp, type TestContext } from '../../../test/helpers/app.js';
import { describeEachDatabase } from '../../../test/helpers/databases.js';
import { runAidEscalations } from './aid-escalation.service.js';
import { aidRequestsAtRisk, aidSummaryForOrg } from './aid.service.js';

type Caller = ReturnType<typeof as>;

const profile = (overrides: Record<string, unknown> = {}) => ({
  kind: 'individual', displayName: 'Responder', skills: ['recovery', 'forensics', 'malware_analysis'], languages: ['ja'], prefectures: ['13'],
  onSite: true, certifications: ['情報処理安全確保支援士'], capacity: 2, available: true, hours: '平日 9-18', serviceType: 'volunteer', priceTerms: '', ...overrides,
});
const ransomware = (orgId: string, overrides: Record<string, unknown> = {}) => ({
  orgId, skills: ['recovery', 'forensics'], urgency: 'critical', onSite: true, prefecture: '13', language: 'ja', category: 'ransomware',
  description: 'ファイルサーバーが暗号化されました。来てほしいです。', ...overrides,
});

async function count(ctx: TestContext, table: 'aid_requests' | 'aid_escalations' | 'aid_notifications' | 'outbox' | 'aid_offers'): Promise<number> {
  return Number((await ctx.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
}

describeEachDatabase('mutual aid over HTTP', (database) => {
  const ctx = useTestApp(database, { AID_AUTO_OFFER_TOP: '2' });
  let orgA = '';
  let orgB = '';
  let member: Caller;
  let outsider: Caller;
  let coordinator: Caller;
  let auditor: Caller;
  const responders: Caller[] = [];
  const responderIds: string[] = [];
  let reportId = '';

  beforeAll(async () => {
    orgA = await createOrg(ctx, { nameEn: 'Small Clinic', nameJa: '小さな診療所' });
    orgB = await createOrg(ctx, { nameEn: 'Other Co' });
    member = as(ctx, await signIn(ctx, await createUser(ctx, { orgs: [{ orgId: orgA, role: 'member' }] })));
    outsider = as(ctx, await signIn(ctx, await createUser(ctx, { orgs: [{ orgId: orgB, role: 'member' }] })));
    coordinator = as(ctx, await signIn(ctx, await createUser(ctx, { roles: ['coordinator'] })));
    auditor = as(ctx, await signIn(ctx, await createUser(ctx, { roles: ['auditor'] })));
    // Three responders: two vetted and near, one never vetted.
    for (const [i, p] of [profile({ displayName: 'Near A' }), profile({ displayName: 'Near B', skills: ['recovery'] }), profile({ displayName: 'Unvetted' })].entries()) {
      const caller = as(ctx, await signIn(ctx, await createUser(ctx, { roles: ['responder'] })));
      const res = await caller({ method: 'PUT', url: '/api/aid/responders/me', payload: p });
      expect(res.statusCode).toBe(200);
      expect(res.json().profile.vetting).toBe('pending');
      responders.push(caller);
      responderIds.push(res.json().profile.id);
      if (i < 2) expect((await coordinator({ method: 'POST', url: `/api/aid/responders/${res.json().profile.id}/vetting`, payload: { decision: 'vetted' } })).statusCode).toBe(200);
    }
    // A submitted report whose redaction review is finished: a person's name is redacted.
    const created = await member({ method: 'POST', url: '/api/reports', payload: { orgId: orgA, text: '総務の田中さんのPCが暗号化されました。', answers: { category: 'ransomware' } } });
    reportId = created.json().id;
    expect((await member({ method: 'POST', url: `/api/reports/${reportId}/submit` })).statusCode).toBe(204);
    await ctx.db.insertInto('report_redactions').values({
      id: 'r-1', report_id: reportId, report_version: 1, start_offset: 3, end_offset: 5, label: 'PERSON', reason: 'person', origin: 'coordinator',
      decision: 'accepted', decided_by: null, decided_at: new Date().toISOString(), created_at: new Date().toISOString(),
    }).execute();
  });

  describe('responder profiles and vetting', () => {
    it.each([
      ['an unknown prefecture', { prefectures: ['48'] }],
      ['an unknown skill', { skills: ['magic'] }],
      ['no language', { languages: [] }],
      ['a negative capacity', { capacity: -1 }],
      ['a paid service without price terms', { serviceType: 'paid', priceTerms: ' ' }],
      ['an organisation profile for an organisation that is not mine', { kind: 'organisation', orgId: orgA }],
    ])('refuses %s', async (_label, overrides) => {
      const res = await responders[2]!({ method: 'PUT', url: '/api/aid/responders/me', payload: profile(overrides) });
      expect(res.statusCode).toBe(400);
      expect(errorCode(res)).toBe('validation_failed');
    });

    it('lets only coordinators vet and list responders', async () => {
      expect((await responders[2]!({ method: 'POST', url: `/api/aid/responders/${responderIds[2]}/vetting`, payload: { decision: 'vetted' } })).statusCode).toBe(404);
      expect((await member({ method: 'GET', url: '/api/aid/responders' })).statusCode).toBe(404);
      const list = await coordinator({ method: 'GET', url: '/api/aid/responders?vetting=vetted' });
      expect(list.json().items.map((r: { displayName: string }) => r.displayName)).toEqual(['Near A', 'Near B']);
      // Editing a vetted profile keeps the decision; it is the responder's own profile only.
      const edited = await responders[0]!({ method: 'PUT', url: '/api/aid/responders/me', payload: profile({ displayName: 'Near A', hours: '24 時間' }) });
      expect([edited.json().profile.vetting, edited.json().profile.hours, edited.json().profile.id]).toEqual(['vetted', '24 時間', responderIds[0]]);
    });
  });

  describe('a help request from offer to closure', () => {
    let requestId = '';
    let winner: Caller;
    let winnerIndex = 0;

    it('refuses bad input and stores nothing', async () => {
      const before = await count(ctx, 'aid_requests');
      for (const bad of [{ urgency: 'soon' }, { prefecture: '00' }, { category: 'aliens' }, { description: '   ' }, { reportId: 'not-a-report' }]) {
        const res = await member({ method: 'POST', url: '/api/aid/requests', payload: ransomware(orgA, bad) });
        expect([400, 404]).toContain(res.statusCode);
      }
      expect((await outsider({ method: 'POST', url: '/api/aid/requests', payload: ransomware(orgA) })).statusCode).toBe(404);
      // Another organisation's report cannot be linked: it does not exist for this member.
      const theirs = (await outsider({ method: 'POST', url: '/api/reports', payload: { orgId: orgB, text: '他社の報告' } })).json().id;
      expect((await outsider({ method: 'POST', url: `/api/reports/${theirs}/submit` })).statusCode).toBe(204);
      expect((await member({ method: 'POST', url: '/api/aid/requests', payload: ransomware(orgA, { reportId: theirs }) })).statusCode).toBe(404);
      expect(await count(ctx, 'aid_requests')).toBe(before);
    });

    it('offers a new request to the top two vetted responders and shows the ranking with reasons', async () => {
      const res = await member({ method: 'POST', url: '/api/aid/requests', payload: ransomware(orgA, { reportId }) });
      expect(res.statusCode).toBe(201);
      requestId = res.json().id;
      const detail = (await member({ method: 'GET', url: `/api/aid/requests/${requestId}` })).json();
      expect(detail.status).toBe('offered');
      expect(detail.tasks.map((t: { code: string }) => t.code)).toEqual(['isolate', 'preserve_evidence', 'do_not_pay', 'report_police', 'check_backups', 'notify_ppc']);
      const matches = (await coordinator({ method: 'GET', url: `/api/aid/requests/${requestId}/matches` })).json().items;
      expect(matches.map((m: { displayName: string }) => m.displayName)).toEqual(['Near A', 'Near B']);
      expect(matches[0].score).toBeGreaterThan(matches[1].score);
      expect(matches[0].reasons[0]).toEqual({ code: 'skills', params: { matched: 2, needed: 2 } });
      expect(matches.every((m: { offer: string }) => m.offer === 'pending')).toBe(true);
    });

    it('shows the request only to the offered responders, without the victim, and the redacted report only', async () => {
      const seen = await responders[0]!({ method: 'GET', url: `/api/aid/requests/${requestId}` });
      expect(seen.statusCode).toBe(200);
      expect(seen.json().orgId).toBeNull();
      expect(seen.json().orgName).toBeNull();
      expect(seen.json().report.redactedText).toBe('総務の[PERSON-1]さんのPCが暗号化されました。');
      expect(seen.body).not.toContain('田中');
      expect(seen.body).not.toContain('Small Clinic');
      expect((await responders[2]!({ method: 'GET', url: `/api/aid/requests/${requestId}` })).statusCode).toBe(404);
      expect((await outsider({ method: 'GET', url: `/api/aid/requests/${requestId}` })).statusCode).toBe(404);
      expect((await auditor({ method: 'GET', url: `/api/aid/requests/${requestId}` })).statusCode).toBe(404);
      expect((await outsider({ method: 'GET', url: '/api/aid/requests' })).json().items).toEqual([]);
      expect((await responders[2]!({ method: 'GET', url: '/api/aid/requests' })).json().items).toEqual([]);
    });

    it('lists the offered request to its responders with nothing that identifies the organisation, not even its id', async () => {
      for (const url of ['/api/aid/requests', '/api/aid/responder-home']) {
        const res = await responders[0]!({ method: 'GET', url });
        expect(res.statusCode, url).toBe(200);
        expect(res.body, url).toContain(requestId);
        for (const secret of [orgA, 'Small Clinic', '小さな診療所']) expect(res.body, `${url}: ${secret}`).not.toContain(secret);
      }
    });

    it('lets exactly one of two simultaneous acceptances win', async () => {
      const home = await Promise.all([0, 1].map(async (i) => (await responders[i]!({ method: 'GET', url: '/api/aid/responder-home' })).json()));
      const offerIds = home.map((h) => h.offers.find((o: { request: { id: string } }) => o.request.id === requestId).offerId as string);
      const results = await Promise.all([0, 1].map((i) => responders[i]!({ method: 'POST', url: `/api/aid/offers/${offerIds[i]}/accept` })));
      const statuses = results.map((r) => r.statusCode).sort();
      expect(statuses).toEqual([200, 409]);
      const loser = results.findIndex((r) => r.statusCode === 409);
      expect(errorCode(results[loser]!)).toBe('aid_request_taken');
      winnerIndex = 1 - loser;
      winner = responders[winnerIndex]!;
      const offers = await ctx.db.selectFrom('aid_offers').select(['responder_id', 'status']).where('request_id', '=', requestId).execute();
      expect(offers.map((o) => o.status).sort()).toEqual(['accepted', 'lost']);
      expect(offers.find((o) => o.status === 'accepted')?.responder_id).toBe(responderIds[winnerIndex]);
      // The loser no longer sees the request; the winner sees the victim now.
      expect((await responders[loser]!({ method: 'GET', url: `/api/aid/requests/${requestId}` })).statusCode).toBe(404);
      const mine = (await winner({ method: 'GET', url: `/api/aid/requests/${requestId}` })).json();
      expect(mine.status).toBe('assigned');
      expect(mine.orgName.en).toBe('Small Clinic');
      const listed = (await winner({ method: 'GET', url: '/api/aid/requests' })).json().items.find((r: { id: string }) => r.id === requestId);
      expect(listed, 'once accepted, the list names who asked as the page does').toMatchObject({ orgId: orgA, orgName: { en: 'Small Clinic' } });
      // Accepting again is refused the same way, and nothing changes.
      expect(errorCode(await responders[loser]!({ method: 'POST', url: `/api/aid/offers/${offerIds[loser]}/accept` }))).toBe('aid_request_taken');
    });

    it('gives the full report only after the victim grants it, auditing and logging every grant, read and revoke', async () => {
      const url = `/api/aid/requests/${requestId}/full-report`;
      expect((await winner({ method: 'GET', url })).statusCode).toBe(404);
      expect((await outsider({ method: 'POST', url: `/api/aid/requests/${requestId}/grant` })).statusCode).toBe(404);
      expect((await winner({ method: 'POST', url: `/api/aid/requests/${requestId}/grant` })).statusCode).toBe(403);
      expect((await member({ method: 'POST', url: `/api/aid/requests/${requestId}/grant` })).statusCode).toBe(204);
      const full = await winner({ method: 'GET', url });
      expect(full.statusCode).toBe(200);
      expect(full.json().text).toContain('田中さん');
      expect((await coordinator({ method: 'GET', url })).statusCode).toBe(404);
      expect((await member({ method: 'DELETE', url: `/api/aid/requests/${requestId}/grant` })).statusCode).toBe(204);
      expect((await winner({ method: 'GET', url })).statusCode).toBe(404);
      const ledger = await ctx.db.selectFrom('ledger_entries').select('leaf').where('org_id', '=', orgA).orderBy('idx').execute();
      const kinds = ledger.map((e) => (JSON.parse(e.leaf) as { type: string; expires?: string | null; report?: string }));
      expect(kinds.filter((k) => k.type.startsWith('unredacted')).every((k) => k.report === reportId)).toBe(true);
      expect(kinds.filter((k) => k.type === 'unredacted_grant').map((k) => k.expires === null)).toEqual([true, false]);
      expect(kinds.filter((k) => k.type === 'unredacted_read')).toHaveLength(1);
      const audit = await ctx.db.selectFrom('audit_events').select('action').where('target_id', '=', requestId).execute();
      expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['aid.full_access_granted', 'aid.full_report_read', 'aid.full_access_revoked']));
    });

    it('works the checklist through messages; notes stay private', async () => {
      const detail = (await winner({ method: 'GET', url: `/api/aid/requests/${requestId}` })).json();
      const outboxBefore = await count(ctx, 'outbox');
      expect((await winner({ method: 'POST', url: `/api/aid/requests/${requestId}/messages`, payload: { body: 'まずLANケーブルを抜いてください。電源は切らないでください。' } })).statusCode).toBe(204);
      expect((await member({ method: 'GET', url: `/api/aid/requests/${requestId}` })).json().status).toBe('in_progress');
      expect(await count(ctx, 'outbox')).toBeGreaterThan(outboxBefore);
      expect((await member({ method: 'PUT', url: `/api/aid/requests/${requestId}/tasks/${detail.tasks[0].id}`, payload: { done: true } })).statusCode).toBe(204);
      expect((await member({ method: 'POST', url: `/api/aid/requests/${requestId}/messages`, payload: { body: '抜きました。' } })).statusCode).toBe(204);
      expect((await member({ method: 'PUT', url: `/api/aid/requests/${requestId}/tasks/unknown`, payload: { done: true } })).statusCode).toBe(404);
      expect((await member({ method: 'POST', url: `/api/aid/requests/${requestId}/notes`, payload: { body: 'x' } })).statusCode).toBe(403);
      expect((await winner({ method: 'POST', url: `/api/aid/requests/${requestId}/notes`, payload: { body: 'バックアップは NAS にある' } })).statusCode).toBe(204);
      const seen = (await member({ method: 'GET', url: `/api/aid/requests/${requestId}` })).json();
      expect(seen.notes).toBeNull();
      expect(seen.body).toBeUndefined();
      expect(seen.messages.map((m: { side: string }) => m.side)).toEqual(['responder', 'victim']);
      expect(seen.tasks[0].done).toBe(true);
      const desk = (await coordinator({ method: 'GET', url: `/api/aid/requests/${requestId}` })).json();
      expect(desk.messages).toBeNull();
      expect(JSON.stringify(desk)).not.toContain('LANケーブル');
      const notes = desk.notes;
      expect(notes.map((n: { body: string }) => n.body)).toEqual(['バックアップは NAS にある']);
      const bell = (await member({ method: 'GET', url: '/api/aid/notifications' })).json();
      expect(bell.items.map((n: { kind: string }) => n.kind)).toContain('message');
      expect((await member({ method: 'POST', url: '/api/aid/notifications/read', payload: {} })).statusCode).toBe(204);
      expect((await member({ method: 'GET', url: '/api/aid/notifications' })).json().unread).toBe(0);
    });

    it('is closed by the victim with the outcome and feedback, and counts in the metrics', async () => {
      expect((await member({ method: 'POST', url: `/api/aid/requests/${requestId}/close`, payload: { outcome: 'resolved', rating: 6 } })).statusCode).toBe(400);
      expect((await winner({ method: 'POST', url: `/api/aid/requests/${requestId}/close`, payload: { outcome: 'resolved' } })).statusCode).toBe(403);
      expect((await member({ method: 'POST', url: `/api/aid/requests/${requestId}/close`, payload: { outcome: 'resolved', rating: 5, feedback: 'すぐ来てくれて助かりました' } })).statusCode).toBe(204);
      const closed = (await member({ method: 'GET', url: `/api/aid/requests/${requestId}` })).json();
      expect([closed.status, closed.outcome, closed.rating]).toEqual(['closed', 'resolved', 5]);
      expect(errorCode(await member({ method: 'POST', url: `/api/aid/requests/${requestId}/messages`, payload: { body: 'x' } }))).toBe('aid_invalid_state');
      const metrics = (await auditor({ method: 'GET', url: '/api/aid/metrics' })).json();
      const critical = metrics.times.find((t: { urgency: string }) => t.urgency === 'critical');
      expect(critical.count).toBeGreaterThanOrEqual(1);
      expect(critical.resolveMinutes).not.toBeNull();
      expect(metrics.averageRating).toBe(5);
      expect((await member({ method: 'GET', url: '/api/aid/metrics' })).statusCode).toBe(404);
      const home = (await winner({ method: 'GET', url: '/api/aid/responder-home' })).json();
      expect(home.medianAnswerMinutes).not.toBeNull();
    });
  });

  describe('escalation', () => {
    it('escalates at once when no responder can be reached, and the request stays open and at risk', async () => {
      await ctx.db.updateTable('aid_responders').set({ available: 0 }).execute();
      try {
        const escalationsBefore = await count(ctx, 'aid_escalations');
        const res = await member({ method: 'POST', url: '/api/aid/requests', payload: ransomware(orgA, { urgency: 'normal', category: 'phishing' }) });
        expect(res.statusCode).toBe(201);
        const detail = (await member({ method: 'GET', url: `/api/aid/requests/${res.json().id}` })).json();
        expect(detail.status).toBe('open');
        expect(detail.escalatedAt).not.toBeNull();
        expect(await count(ctx, 'aid_escalations')).toBe(escalationsBefore + 1);
        const bell = (await coordinator({ method: 'GET', url: '/api/aid/notifications' })).json();
        expect(bell.items.some((n: { kind: string; requestId: string }) => n.kind === 'escalated_no_responder' && n.requestId === res.json().id)).toBe(true);
        const atRisk = (await coordinator({ method: 'GET', url: '/api/aid/metrics' })).json().atRisk;
        expect(atRisk.map((r: { id: string }) => r.id)).toContain(res.json().id);
      } finally {
        await ctx.db.updateTable('aid_responders').set({ available: 1 }).execute();
      }
    });

    it('escalates when every offer is declined, and a coordinator can offer again', async () => {
      const res = await member({ method: 'POST', url: '/api/aid/requests', payload: ransomware(orgA, { urgency: 'high' }) });
      const id = res.json().id;
      for (const i of [0, 1]) {
        const home = (await responders[i]!({ method: 'GET', url: '/api/aid/responder-home' })).json();
        const offer = home.offers.find((o: { request: { id: string } }) => o.request.id === id);
        expect(errorCode(await responders[i]!({ method: 'POST', url: `/api/aid/offers/${offer.offerId}/decline`, payload: { reason: 'busy' } }))).toBe('validation_failed');
        expect((await responders[i]!({ method: 'POST', url: `/api/aid/offers/${offer.offerId}/decline`, payload: { reason: 'no_capacity', text: '今週は手一杯です' } })).statusCode).toBe(204);
      }
      const detail = (await coordinator({ method: 'GET', url: `/api/aid/requests/${id}` })).json();
      expect(detail.status).toBe('open');
      expect(detail.escalatedAt).not.toBeNull();
      expect(detail.offers.map((o: { declineReason: string }) => o.declineReason)).toEqual(['no_capacity', 'no_capacity']);
      expect(errorCode(await coordinator({ method: 'POST', url: `/api/aid/requests/${id}/offers`, payload: { responderIds: [responderIds[0]] } }))).toBe('aid_already_offered');
      expect(errorCode(await coordinator({ method: 'POST', url: `/api/aid/requests/${id}/offers`, payload: { responderIds: [responderIds[2]] } }))).toBe('not_found');
      expect((await member({ method: 'POST', url: `/api/aid/requests/${id}/cancel` })).statusCode).toBe(204);
      expect(errorCode(await member({ method: 'POST', url: `/api/aid/requests/${id}/cancel` }))).toBe('aid_invalid_state');
    });

    it('escalates a breached target once, with the clock passed in', async () => {
      const res = await member({ method: 'POST', url: '/api/aid/requests', payload: ransomware(orgA, { urgency: 'critical' }) });
      const id = res.json().id;
      const deps = { config: ctx.config, mailer: { flush: async () => {} } };
      const soon = new Date(Date.now() + 30 * 60_000);
      const late = new Date(Date.now() + 61 * 60_000);
      const kinds = async () => (await ctx.db.selectFrom('aid_escalations').select('kind').where('request_id', '=', id).execute()).map((e) => e.kind);
      await runAidEscalations(ctx.db, deps, soon);
      expect(await kinds()).toEqual([]);
      expect(await runAidEscalations(ctx.db, deps, late)).toBeGreaterThanOrEqual(1);
      expect(await kinds()).toEqual(['assign']);
      const mail = await ctx.db.selectFrom('outbox').select(['subject', 'body']).orderBy('created_at', 'desc').executeTakeFirstOrThrow();
      expect(mail.subject).toBe('Anshin: 支援依頼のエスカレーション（緊急）');
      expect(mail.body).toContain('目標時間内に支援者が決まっていません');
      expect(mail.body).toContain(`http://localhost:8080/aid/requests/${id}`);
      const mails = await count(ctx, 'outbox');
      await runAidEscalations(ctx.db, deps, late);
      await runAidEscalations(ctx.db, deps, new Date(late.getTime() + 3600_000));
      expect(await kinds()).toEqual(['assign']);
      expect(await count(ctx, 'outbox')).toBe(mails);
      expect((await member({ method: 'POST', url: `/api/aid/requests/${id}/cancel` })).statusCode).toBe(204);
      // An offer of a cancelled request cannot be accepted, and says why.
      const offer = await ctx.db.selectFrom('aid_offers').select('id').where('request_id', '=', id).where('responder_id', '=', responderIds[0]!).executeTakeFirstOrThrow();
      expect(errorCode(await responders[0]!({ method: 'POST', url: `/api/aid/offers/${offer.id}/accept` }))).toBe('aid_invalid_state');
    });

    it('escalates an accepted request whose responder has not started work by the target, once', async () => {
      const id = (await member({ method: 'POST', url: '/api/aid/requests', payload: ransomware(orgA, { urgency: 'high' }) })).json().id;
      const offer = await ctx.db.selectFrom('aid_offers').select('id').where('request_id', '=', id).where('responder_id', '=', responderIds[1]!).executeTakeFirstOrThrow();
      expect((await responders[1]!({ method: 'POST', url: `/api/aid/offers/${offer.id}/accept` })).statusCode).toBe(200);
      const deps = { config: ctx.config, mailer: { flush: async () => {} } };
      const kinds = async () => (await ctx.db.selectFrom('aid_escalations').select('kind').where('request_id', '=', id).execute()).map((e) => e.kind);
      await runAidEscalations(ctx.db, deps, new Date(Date.now() + 3 * 3600_000));
      expect(await kinds()).toEqual([]);
      const late = new Date(Date.now() + 5 * 3600_000);
      await runAidEscalations(ctx.db, deps, late);
      await runAidEscalations(ctx.db, deps, late);
      expect(await kinds()).toEqual(['ack']);
      expect((await aidRequestsAtRisk(ctx.db, late)).find((r) => r.id === id)?.risk).toBe('overdue');
      expect((await aidSummaryForOrg(ctx.db, orgA)).items.map((r) => r.id)).toContain(id);
      expect((await responders[1]!({ method: 'POST', url: `/api/aid/requests/${id}/start` })).statusCode).toBe(204);
      expect(errorCode(await responders[1]!({ method: 'POST', url: `/api/aid/requests/${id}/start` }))).toBe('aid_invalid_state');
      await runAidEscalations(ctx.db, deps, new Date(late.getTime() + 3600_000));
      expect(await kinds()).toEqual(['ack']);
      await member({ method: 'POST', url: `/api/aid/requests/${id}/cancel` });
    });
  });
});
