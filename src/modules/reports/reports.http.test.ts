import { beforeAll, describe, expect, it } from 'vitest';
import { as, createOrg, createUser, errorCode, signIn, useTestApp, type TestContext } from '../../../test/helpers/app.js';
import { describeEachDatabase } from '../../../test/helpers/databases.js';

const TABLES = ['reports', 'report_versions', 'report_attachments', 'report_events', 'audit_events'] as const;
async function counts(ctx: TestContext) {
  const out: Record<string, number> = {};
  for (const table of TABLES) {
    out[table] = Number((await ctx.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  }
  return out;
}

const EML = [
  'Return-Path: <bounce@evil-mailer.example>',
  'Received: from mail.evil-mailer.example (mail.evil-mailer.example [203.0.113.45])',
  '\tby mx.victim.example (Postfix) with ESMTP id 123; Mon, 30 Nov 2026 10:00:00 +0900',
  'Received: from internal (10.0.0.5) by mx.victim.example',
  'From: "請求書" <billing@evil-mailer.example>',
  'Reply-To: attacker@phish.example',
  'Message-ID: <abc123@evil-mailer.example>',
  'Subject: Invoice',
  '',
  'Please open https://phish.example/login?id=1 now.',
  '',
].join('\r\n');

describeEachDatabase('reports over HTTP', (database) => {
  const ctx = useTestApp(database, { ATTACHMENT_MAX_BYTES: '4096', REPORT_ATTACHMENTS_MAX_BYTES: '4200' });
  let orgA = '';
  let member: ReturnType<typeof as>;
  let colleague: ReturnType<typeof as>;
  let outsider: ReturnType<typeof as>;
  let coordinator: ReturnType<typeof as>;
  let coordinatorId = '';
  let reportId = '';

  beforeAll(async () => {
    orgA = await createOrg(ctx, { nameEn: 'Small Co' });
    const orgB = await createOrg(ctx, { nameEn: 'Other Co' });
    member = as(ctx, await signIn(ctx, await createUser(ctx, { orgs: [{ orgId: orgA, role: 'member' }] })));
    colleague = as(ctx, await signIn(ctx, await createUser(ctx, { orgs: [{ orgId: orgA, role: 'org_admin' }] })));
    outsider = as(ctx, await signIn(ctx, await createUser(ctx, { orgs: [{ orgId: orgB, role: 'member' }] })));
    const coord = await createUser(ctx, { roles: ['coordinator'] });
    coordinatorId = coord.id;
    coordinator = as(ctx, await signIn(ctx, coord));
    const res = await member({ method: 'POST', url: '/api/reports', payload: { orgId: orgA, text: '  ランサムウェアに感染しました。  ', answers: { category: 'ransomware' } } });
    expect(res.statusCode).toBe(201);
    reportId = res.json().id;
  });

  describe('drafts and submission', () => {
    it('keeps the draft from coordinators and other organisations', async () => {
      expect((await coordinator({ method: 'GET', url: `/api/reports/${reportId}` })).statusCode).toBe(404);
      expect((await outsider({ method: 'GET', url: `/api/reports/${reportId}` })).statusCode).toBe(404);
      const mine = await colleague({ method: 'GET', url: `/api/reports/${reportId}` });
      expect(mine.statusCode).toBe(200);
      expect(mine.json().draft.text).toBe('ランサムウェアに感染しました。');
      expect(mine.json().draft.answers.impact.availability).toBe('unknown');
    });

    it.each([
      ['text over 20,000 characters', { text: 'あ'.repeat(20_001) }, 'report_text_invalid'],
      ['an invalid date', { answers: { startedAt: '2026-02-30' } }, 'invalid_report_dates'],
      ['a date that is not one', { answers: { noticedAt: 'yesterday' } }, 'invalid_report_dates'],
      ['started after noticed', { answers: { startedAt: '2026-11-20', noticedAt: '2026-11-10' } }, 'invalid_report_dates'],
      ['noticed in the future', { answers: { noticedAt: '2999-01-01' } }, 'invalid_report_dates'],
      ['an unknown category', { answers: { category: 'aliens' } }, 'validation_failed'],
      ['an unknown field', { answers: { colour: 'red' } }, 'validation_failed'],
      ['a negative count', { answers: { personalData: { count: -1 } } }, 'validation_failed'],
    ])('refuses a draft with %s and keeps the saved one', async (_label, payload, code) => {
      const before = await counts(ctx);
      const res = await member({ method: 'PUT', url: `/api/reports/${reportId}/draft`, payload, headers: { 'accept-language': 'en' } });
      expect(res.statusCode).toBe(400);
      expect(errorCode(res)).toBe(code);
      expect(res.json().error.message).not.toBe('');
      expect(await counts(ctx)).toEqual(before);
      expect((await member({ method: 'GET', url: `/api/reports/${reportId}` })).json().draft.text).toBe('ランサムウェアに感染しました。');
    });

    it('refuses to submit an empty report', async () => {
      const empty = (await member({ method: 'POST', url: '/api/reports', payload: { orgId: orgA, text: '   ' } })).json().id;
      const before = await counts(ctx);
      const res = await member({ method: 'POST', url: `/api/reports/${empty}/submit` });
      expect(errorCode(res)).toBe('report_text_invalid');
      expect(await counts(ctx)).toEqual(before);
      expect((await member({ method: 'GET', url: `/api/reports/${empty}` })).json().state).toBe('draft');
    });

    it('refuses a report for an organisation the member is not in', async () => {
      const res = await outsider({ method: 'POST', url: '/api/reports', payload: { orgId: orgA, text: 'x' } });
      expect(res.statusCode).toBe(404);
    });

    it('saves, submits once, then only takes amendments and keeps every version', async () => {
      const answers = { category: 'ransomware', startedAt: '2026-11-28', noticedAt: '2026-11-29T09:30:00+09:00', personalData: { involved: 'yes', count: 1500, unauthorisedAccess: 'yes' } };
      expect((await member({ method: 'PUT', url: `/api/reports/${reportId}/draft`, payload: { text: 'ファイルが暗号化された', answers } })).statusCode).toBe(204);
      expect((await member({ method: 'POST', url: `/api/reports/${reportId}/submit` })).statusCode).toBe(204);
      expect(errorCode(await member({ method: 'POST', url: `/api/reports/${reportId}/submit` }))).toBe('report_not_draft');
      expect(errorCode(await member({ method: 'PUT', url: `/api/reports/${reportId}/draft`, payload: { text: 'overwrite' } }))).toBe('report_not_draft');
      const amend = await colleague({ method: 'POST', url: `/api/reports/${reportId}/amendments`, payload: { text: 'ファイルが暗号化された。身代金の要求あり。', answers: { ...answers, ransom: { demanded: 'yes' } }, note: '身代金' } });
      expect(amend.statusCode).toBe(204);
      const view = (await coordinator({ method: 'GET', url: `/api/reports/${reportId}` })).json();
      expect(view.state).toBe('submitted');
      expect(view.versions.map((v: { version: number; kind: string; text: string }) => [v.version, v.kind, v.text])).toEqual([
        [1, 'submission', 'ファイルが暗号化された'], [2, 'amendment', 'ファイルが暗号化された。身代金の要求あり。'],
      ]);
      expect(view.awareAt).toBe('2026-11-29T00:30:00.000Z');
      // APPI: unauthorised access suspected → final report in 60 days.
      const keys = view.deadlines.map((d: { key: string; dueAt: string }) => [d.key, d.dueAt]);
      expect(keys).toEqual([['appi.preliminary', '2026-12-02T00:30:00.000Z'], ['appi.final', '2027-01-28T00:30:00.000Z']]);
      expect(view.sla.respondedAt).toBeNull();
    });
  });

  describe('attachments', () => {
    it('stores an e-mail with its hashes and candidate indicators', async () => {
      const res = await member({ method: 'POST', url: `/api/reports/${reportId}/attachments?filename=${encodeURIComponent('請求書.eml')}`, payload: Buffer.from(EML), headers: { 'content-type': 'application/octet-stream' } });
      expect(res.statusCode).toBe(201);
      const body = res.json();
      expect(body.kind).toBe('eml');
      expect(body.sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(body.md5).toMatch(/^[0-9a-f]{32}$/);
      const values = body.indicators.map((i: { type: string; value: string }) => `${i.type}:${i.value}`);
      expect(values).toEqual(expect.arrayContaining([
        'email-addr:bounce@evil-mailer.example', 'email-addr:billing@evil-mailer.example', 'email-addr:attacker@phish.example',
        'ipv4-addr:203.0.113.45', 'domain-name:evil-mailer.example', 'url:https://phish.example/login?id=1',
      ]));
      expect(values).not.toContain('ipv4-addr:10.0.0.5');
      const download = await coordinator({ method: 'GET', url: `/api/reports/${reportId}/attachments/${body.id}` });
      expect(download.statusCode).toBe(200);
      expect(download.headers['content-type']).toBe('application/octet-stream');
      expect(download.headers['x-content-type-options']).toBe('nosniff');
      expect(String(download.headers['content-disposition'])).toMatch(/^attachment; filename="___.eml"; filename\*=UTF-8''/);
      expect(download.rawPayload.equals(Buffer.from(EML))).toBe(true);
      expect((await outsider({ method: 'GET', url: `/api/reports/${reportId}/attachments/${body.id}` })).statusCode).toBe(404);
    });

    it('takes a suspicious file only as opaque data', async () => {
      const res = await member({ method: 'POST', url: `/api/reports/${reportId}/attachments?filename=invoice.exe&sample=true`, payload: Buffer.from('MZ\x90\x00binary'), headers: { 'content-type': 'application/octet-stream' } });
      expect(res.statusCode).toBe(201);
      expect(res.json().kind).toBe('sample');
    });

    const upload = (filename: string, content: Buffer | string) =>
      member({ method: 'POST', url: `/api/reports/${reportId}/attachments?filename=${encodeURIComponent(filename)}`, payload: Buffer.from(content), headers: { 'content-type': 'application/octet-stream' } });

    it.each([
      ['an executable without the sample flag', 'run.exe', 'MZ', 415, 'attachment_type_not_allowed'],
      ['a PNG that is not one', 'shot.png', 'not an image', 400, 'attachment_invalid'],
      ['a JPEG that is not one', 'shot.jpg', Buffer.from([0x89, 0x50, 0x4e, 0x47]), 400, 'attachment_invalid'],
      ['broken JSON', 'data.json', '{"a":', 400, 'attachment_invalid'],
      ['a binary log', 'app.log', Buffer.from([0x41, 0x00, 0x42]), 400, 'attachment_invalid'],
      ['invalid UTF-8 text', 'notes.txt', Buffer.from([0xc3, 0x28]), 400, 'attachment_invalid'],
      ['an e-mail without headers', 'mail.eml', 'just some text\nno headers', 400, 'attachment_invalid'],
      ['an empty file', 'empty.txt', '', 400, 'attachment_invalid'],
      ['a file over ATTACHMENT_MAX_BYTES', 'big.txt', 'a'.repeat(5000), 413, 'attachment_too_large'],
      ['a file past the per-report total', 'more.txt', 'b'.repeat(4000), 413, 'attachment_quota_exceeded'],
    ])('refuses %s and stores nothing', async (_label, filename, content, status, code) => {
      const before = await counts(ctx);
      const res = await upload(filename, content);
      expect([res.statusCode, errorCode(res)]).toEqual([status, code]);
      expect(await counts(ctx)).toEqual(before);
    });

    it('refuses an upload that is not raw bytes', async () => {
      const res = await member({ method: 'POST', url: `/api/reports/${reportId}/attachments?filename=a.txt`, payload: { a: 1 } });
      expect(res.statusCode).toBe(415);
    });
  });

  describe('triage', () => {
    it('refuses transitions that do not exist and closing without an outcome', async () => {
      const before = await counts(ctx);
      expect(errorCode(await coordinator({ method: 'POST', url: `/api/reports/${reportId}/state`, payload: { state: 'submitted' } }))).toBe('invalid_state_transition');
      expect(errorCode(await coordinator({ method: 'POST', url: `/api/reports/${reportId}/state`, payload: { state: 'published' } }))).toBe('validation_failed');
      expect(errorCode(await coordinator({ method: 'POST', url: `/api/reports/${reportId}/state`, payload: { state: 'closed' } }))).toBe('outcome_required');
      expect(errorCode(await coordinator({ method: 'PUT', url: `/api/reports/${reportId}/assignee`, payload: { assigneeId: 'nobody' } }))).toBe('invalid_assignee');
      expect(errorCode(await coordinator({ method: 'POST', url: `/api/reports/${reportId}/comments`, payload: { body: '   ' } }))).toBe('validation_failed');
      // The member sees its report, so a state change it may not make is forbidden; to anyone else the report is not there.
      expect(errorCode(await member({ method: 'POST', url: `/api/reports/${reportId}/state`, payload: { state: 'triage' } }))).toBe('forbidden');
      expect((await outsider({ method: 'POST', url: `/api/reports/${reportId}/state`, payload: { state: 'triage' } })).statusCode).toBe(404);
      expect(await counts(ctx)).toEqual(before);
    });

    it('works the case; internal comments never reach the reporting organisation', async () => {
      expect((await coordinator({ method: 'POST', url: `/api/reports/${reportId}/state`, payload: { state: 'triage' } })).statusCode).toBe(204);
      expect((await coordinator({ method: 'PUT', url: `/api/reports/${reportId}/assignee`, payload: { assigneeId: coordinatorId } })).statusCode).toBe(204);
      expect((await coordinator({ method: 'POST', url: `/api/reports/${reportId}/comments`, payload: { body: 'バックアップはありますか？' } })).statusCode).toBe(204);
      expect((await coordinator({ method: 'POST', url: `/api/reports/${reportId}/comments`, payload: { body: 'INTERNAL: likely LockBit', internal: true } })).statusCode).toBe(204);
      expect((await member({ method: 'POST', url: `/api/reports/${reportId}/comments`, payload: { body: 'あります', internal: true } })).statusCode).toBe(204);
      expect((await coordinator({ method: 'POST', url: `/api/reports/${reportId}/state`, payload: { state: 'in_progress' } })).statusCode).toBe(204);

      const mine = await member({ method: 'GET', url: `/api/reports/${reportId}` });
      expect(mine.body).not.toContain('LockBit');
      const memberComments = mine.json().timeline.filter((e: { kind: string }) => e.kind === 'comment').map((e: { body: string }) => e.body);
      expect(memberComments).toEqual(['バックアップはありますか？', 'あります']);
      const list = await member({ method: 'GET', url: '/api/reports' });
      expect(list.body).not.toContain('LockBit');

      const full = (await coordinator({ method: 'GET', url: `/api/reports/${reportId}` })).json();
      expect(full.timeline.map((e: { kind: string }) => e.kind)).toEqual([
        'created', 'submitted', 'amended', 'attachment_added', 'attachment_added', 'state_changed', 'assigned', 'comment', 'comment', 'comment', 'state_changed',
      ]);
      expect(full.timeline.filter((e: { internal: boolean }) => e.internal).map((e: { body: string }) => e.body)).toEqual(['INTERNAL: likely LockBit']);
      expect(full.assignee.id).toBe(coordinatorId);
      expect(full.sla.respondedAt).not.toBeNull();
      const queue = (await coordinator({ method: 'GET', url: '/api/reports' })).json().items;
      expect(queue.map((r: { id: string }) => r.id)).toEqual([reportId]); // drafts are not in the queue
      const audit = await ctx.db.selectFrom('audit_events').select('action').where('target_id', '=', reportId).execute();
      expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['report.created', 'report.submitted', 'report.amended', 'report.state_changed', 'report.assigned', 'report.commented', 'report.attachment_added']));
    });

    it('closes with an outcome; a closed report takes no amendment; reopening works', async () => {
      expect((await coordinator({ method: 'POST', url: `/api/reports/${reportId}/state`, payload: { state: 'closed', outcome: 'resolved' } })).statusCode).toBe(204);
      expect((await member({ method: 'GET', url: `/api/reports/${reportId}` })).json().outcome).toBe('resolved');
      expect(errorCode(await member({ method: 'POST', url: `/api/reports/${reportId}/amendments`, payload: { text: 'more' } }))).toBe('invalid_state_transition');
      expect((await coordinator({ method: 'POST', url: `/api/reports/${reportId}/state`, payload: { state: 'triage' } })).statusCode).toBe(204);
      expect((await member({ method: 'GET', url: `/api/reports/${reportId}` })).json().outcome).toBeNull();
    });
  });
});
