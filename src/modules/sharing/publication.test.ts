// Report → redaction review → publication, over HTTP, on both databases: who may, what is refused,
// and that nothing redacted or naming the victim reaches another member.
import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/helpers/databases.js';
import { as, createOrg, createUser, errorCode, signIn, useTestApp, type Session } from '../../../test/helpers/app.js';
import { collectionIds, TAXII } from '../../../test/helpers/taxii.js';
import { drainIndex } from '../correlation/indexer.service.js';
import { listOpenSubmitted } from '../reports/reports.repository.js';

const TEXT = '株式会社みどり精工の田中が 03-1234-5678 から連絡を受け、203.0.113.77 への通信を確認しました。Midori Seiko の佐藤も確認。';

describeEachDatabase('publication', (database) => {
  const ctx = useTestApp(database);
  let victimOrg: string;
  let otherOrg: string;
  let reporter: Session;
  let coordinator: Session;
  let other: Session;
  let reportId: string;

  const publishBody = (over: Record<string, unknown> = {}) => ({
    title: { ja: 'ランサムウェアの注意喚起', en: 'Ransomware alert' },
    summary: { ja: '製造業の会員でランサムウェアの被害がありました。', en: 'A manufacturer was hit by ransomware.' },
    tlp: 'green', audience: { kind: 'community' }, indicators: [{ kind: 'ipv4', value: '203.0.113.77' }],
    malware: ['LockBit'], vulnerabilities: [], attackPatterns: [{ name: 'Data Encrypted for Impact', mitreId: 'T1486' }],
    ...over,
  });

  beforeAll(async () => {
    victimOrg = await createOrg(ctx, { nameJa: '株式会社みどり精工', nameEn: 'Midori Seiko' });
    await ctx.db.updateTable('organisations').set({ aliases: JSON.stringify(['みどり精工']) }).where('id', '=', victimOrg).execute();
    otherOrg = await createOrg(ctx);
    for (let i = 0; i < 4; i++) await createOrg(ctx);
    reporter = await signIn(ctx, await createUser(ctx, { orgs: [{ orgId: victimOrg, role: 'member' }] }));
    coordinator = await signIn(ctx, await createUser(ctx, { roles: ['coordinator'] }));
    other = await signIn(ctx, await createUser(ctx, { orgs: [{ orgId: otherOrg, role: 'member' }] }));
    const created = await as(ctx, reporter)({ method: 'POST', url: '/api/reports', payload: { orgId: victimOrg, text: TEXT, answers: { category: 'ransomware' } } });
    expect(created.statusCode).toBe(201);
    reportId = created.json<{ id: string }>().id;
    expect((await as(ctx, reporter)({ method: 'POST', url: `/api/reports/${reportId}/submit` })).statusCode).toBe(204);
  });

  const triage = () => as(ctx, coordinator)({ method: 'POST', url: `/api/reports/${reportId}/state`, payload: { state: 'triage' } });

  const review = () => as(ctx, coordinator)({ method: 'GET', url: `/api/reports/${reportId}/redactions` });
  const publish = (body: object, session: Session = coordinator) => as(ctx, session)({ method: 'POST', url: `/api/reports/${reportId}/advisory`, payload: body });
  const storedObjects = async () => Number((await ctx.db.selectFrom('stix_objects').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  it('lets only coordinators review; members, even the reporter, see nothing', async () => {
    for (const session of [reporter, other]) {
      const res = await as(ctx, session)({ method: 'GET', url: `/api/reports/${reportId}/redactions` });
      expect(res.statusCode).toBe(404);
    }
    const res = await review();
    expect(res.statusCode).toBe(200);
    const body = res.json<{ redactions: Array<{ label: string; text: string }>; undecided: number }>();
    expect(body.redactions.map((r) => r.text)).toEqual(expect.arrayContaining(['田中', '03-1234-5678', 'Midori Seiko']));
    expect(body.undecided).toBe(body.redactions.length);
  });

  it('refuses to publish a report not in triage, or before every proposal is decided, and stores nothing', async () => {
    const before = await storedObjects();
    expect(errorCode(await publish(publishBody()))).toBe('invalid_state_transition');
    expect((await triage()).statusCode).toBe(204);
    const res = await publish(publishBody());
    expect(res.statusCode).toBe(409);
    expect(errorCode(res)).toBe('review_incomplete');
    expect(await storedObjects()).toBe(before);
  });

  it('records decisions and redactions added by hand', async () => {
    const { redactions, version } = (await review()).json<{ version: number; redactions: Array<{ id: string }> }>();
    const bad = await as(ctx, coordinator)({ method: 'POST', url: `/api/reports/${reportId}/redactions`, payload: { version, additions: [{ start: 5, end: 9999, label: 'PERSON' }] } });
    expect(errorCode(bad)).toBe('validation_failed');
    const res = await as(ctx, coordinator)({
      method: 'POST', url: `/api/reports/${reportId}/redactions`,
      payload: { version, decisions: redactions.map((r) => ({ id: r.id, decision: 'accepted' })), additions: [{ start: TEXT.indexOf('佐藤'), end: TEXT.indexOf('佐藤') + 2, label: 'PERSON' }] },
    });
    expect(res.statusCode).toBe(200);
    const after = res.json<{ undecided: number; redactedText: string }>();
    expect(after.undecided).toBe(0);
    expect(after.redactedText).not.toMatch(/田中|佐藤|03-1234-5678|みどり精工|Midori/);
  });

  it('offers a draft with the indicators and the victim generalised to k', async () => {
    const res = await as(ctx, coordinator)({ method: 'GET', url: `/api/reports/${reportId}/advisory-draft` });
    expect(res.statusCode).toBe(200);
    const draft = res.json<{ indicators: unknown[]; victim: { k: number; satisfied: boolean; threshold: number } }>();
    expect(draft.indicators).toContainEqual({ kind: 'ipv4', value: '203.0.113.77' });
    expect(draft.victim).toMatchObject({ satisfied: true, threshold: 5 });
    expect(draft.victim.k).toBeGreaterThanOrEqual(5);
  });

  it('refuses RED, AMBER to the community, a member publishing, and text that names the victim — storing nothing', async () => {
    const before = await storedObjects();
    expect(errorCode(await publish(publishBody({ tlp: 'red' })))).toBe('tlp_red_not_publishable');
    expect(errorCode(await publish(publishBody({ tlp: 'amber' })))).toBe('tlp_audience_mismatch');
    expect(errorCode(await publish(publishBody({ tlp: 'green', audience: { kind: 'public' } })))).toBe('tlp_audience_mismatch');
    expect((await publish(publishBody(), reporter)).statusCode).toBe(404);
    expect(errorCode(await publish(publishBody({ nameVictim: true })))).toBe('victim_consent_missing');
    const leak = await publish(publishBody({ summary: { ja: 'ＭＩＤＯＲＩ ＳＥＩＫＯ で被害', en: 'Hit by ransomware' } }));
    expect(leak.statusCode).toBe(422);
    expect(errorCode(leak)).toBe('publication_leak');
    const details = leak.json<{ error: { details: { reasons: string[]; where: string[]; fields: string[] } } }>().error.details;
    expect(details.fields, 'the form field, for the UI to name in its language').toEqual(['summaryJa']);
    expect(details.where, 'and the STIX path, as before').toContain('[0].description');
    expect(details.reasons).toContain('VICTIM_ORG');
    const english = await publish(publishBody({ summary: { ja: '製造業で被害', en: 'Midori Seiko was hit' } }));
    expect(english.json<{ error: { details: { fields: string[] } } }>().error.details.fields).toEqual(['summaryEn']);
    const person = await publish(publishBody({ summary: { ja: '担当の田中さんが対応', en: 'handled' } }));
    expect(errorCode(person)).toBe('publication_leak');
    expect(await storedObjects()).toBe(before);
  });

  it('publishes GREEN to the community: other members read it over TAXII and are notified, and nothing names the victim', async () => {
    const res = await publish(publishBody());
    expect(res.statusCode).toBe(201);
    const published = res.json<{ stixReportId: string; notifiedOrgs: number }>();
    expect(published.notifiedOrgs).toBe(6);
    const { community } = await collectionIds(ctx, [otherOrg]);
    const objects = await as(ctx, other)({ method: 'GET', url: `/taxii2/community/collections/${community}/objects/`, headers: { accept: TAXII } });
    expect(objects.statusCode).toBe(200);
    const text = objects.body;
    expect(text).toContain(published.stixReportId);
    expect(text).toContain("[ipv4-addr:value = '203.0.113.77']");
    expect(text).not.toMatch(/田中|佐藤|03-1234-5678|みどり精工|Midori Seiko/i);
    const notes = await as(ctx, other)({ method: 'GET', url: '/api/notifications' });
    expect(notes.json<{ items: Array<{ stixId: string }> }>().items.map((n) => n.stixId)).toEqual([published.stixReportId]);
    const report = await as(ctx, reporter)({ method: 'GET', url: `/api/reports/${reportId}` });
    // Publication is an event in the case, not its end: the case keeps its state and stays open.
    expect(report.json<{ state: string; publishedAt: string | null }>()).toMatchObject({ state: 'triage', publishedAt: expect.any(String) });
    const logged = await ctx.db.selectFrom('ledger_entries').select(['type', 'leaf']).where('type', 'in', ['publication', 'redaction_decision']).execute();
    const publication = logged.filter((e) => e.type === 'publication');
    expect(publication).toHaveLength(1);
    expect(publication[0]?.leaf).toContain(published.stixReportId);
    expect(logged.filter((e) => e.type === 'redaction_decision').length).toBeGreaterThanOrEqual(4);
    // The ledger holds hashes of what was redacted, never the text.
    for (const e of logged) expect(e.leaf).not.toMatch(/田中|佐藤|03-1234-5678/);
  });

  it('links the report and the published advisory through the indicator they share (coordinators only)', async () => {
    await drainIndex(ctx.db);
    const lookup = (session: Session) => as(ctx, session)({ method: 'GET', url: '/api/correlation/lookup?value=203.0.113.77' });
    const sources = (await lookup(coordinator)).json<{ objects: Array<{ kind: string; id: string }> }>().objects;
    expect(sources).toContainEqual(expect.objectContaining({ kind: 'report', id: reportId }));
    expect(sources.filter((s) => s.kind === 'stix').length).toBeGreaterThanOrEqual(2); // the indicator and its observable
    const seen = (await lookup(other)).json<{ objects: Array<{ kind: string }> }>().objects;
    expect(seen.some((s) => s.kind === 'report')).toBe(false);
    expect(seen.length).toBeGreaterThanOrEqual(1);
  });

  it('publishes a report once', async () => {
    expect(errorCode(await publish(publishBody()))).toBe('already_published');
  });

  it('names the victim only with its consent, and still hides its people', async () => {
    const created = await as(ctx, reporter)({ method: 'POST', url: '/api/reports', payload: { orgId: victimOrg, text: TEXT, answers: { sharing: { nameConsent: 'yes' } } } });
    const id = created.json<{ id: string }>().id;
    await as(ctx, reporter)({ method: 'POST', url: `/api/reports/${id}/submit` });
    await as(ctx, coordinator)({ method: 'POST', url: `/api/reports/${id}/state`, payload: { state: 'triage' } });
    const { version, redactions } = (await as(ctx, coordinator)({ method: 'GET', url: `/api/reports/${id}/redactions` })).json<{ version: number; redactions: Array<{ id: string }> }>();
    await as(ctx, coordinator)({ method: 'POST', url: `/api/reports/${id}/redactions`, payload: { version, decisions: redactions.map((r) => ({ id: r.id, decision: 'accepted' })) } });
    const draft = (await as(ctx, coordinator)({ method: 'GET', url: `/api/reports/${id}/advisory-draft` })).json<{ nameConsent: boolean }>();
    expect(draft.nameConsent).toBe(true);
    const named = publishBody({ nameVictim: true, summary: { ja: 'Midori Seiko の了承を得て共有します。', en: 'Shared with Midori Seiko\'s consent.' } });
    const person = await as(ctx, coordinator)({ method: 'POST', url: `/api/reports/${id}/advisory`, payload: { ...named, summary: { ja: '田中さんが発見', en: 'found' } } });
    expect(errorCode(person)).toBe('publication_leak');
    const res = await as(ctx, coordinator)({ method: 'POST', url: `/api/reports/${id}/advisory`, payload: named });
    expect(res.statusCode).toBe(201);
    const stored = await ctx.db.selectFrom('stix_objects').select('json').where('stix_id', '=', res.json<{ stixReportId: string }>().stixReportId).executeTakeFirstOrThrow();
    expect(JSON.parse(stored.json)).toMatchObject({ x_anshin_victim: { name_ja: '株式会社みどり精工', name_en: 'Midori Seiko' }, labels: ['rsit:other="undetermined"'] }); // the report's category: not known yet
    expect(stored.json).not.toMatch(/田中|佐藤|03-1234-5678/);
  });

  it('publishes a warning in words alone (no indicator, malware, CVE or technique), its STIX report referring to the desk', async () => {
    const created = await as(ctx, reporter)({ method: 'POST', url: '/api/reports', payload: { orgId: victimOrg, text: '不審な電話で取引先を名乗り、振込先の変更を求められました。', answers: { category: 'fraud' } } });
    const id = created.json<{ id: string }>().id;
    await as(ctx, reporter)({ method: 'POST', url: `/api/reports/${id}/submit` });
    await as(ctx, coordinator)({ method: 'POST', url: `/api/reports/${id}/state`, payload: { state: 'triage' } });
    const { version, redactions } = (await as(ctx, coordinator)({ method: 'GET', url: `/api/reports/${id}/redactions` })).json<{ version: number; redactions: Array<{ id: string }> }>();
    await as(ctx, coordinator)({ method: 'POST', url: `/api/reports/${id}/redactions`, payload: { version, decisions: redactions.map((r) => ({ id: r.id, decision: 'accepted' })) } });
    const words = publishBody({ indicators: [], malware: [], vulnerabilities: [], attackPatterns: [], summary: { ja: '取引先を名乗る振込先変更の依頼に注意してください。', en: 'Beware of requests to change bank details.' } });
    const res = await as(ctx, coordinator)({ method: 'POST', url: `/api/reports/${id}/advisory`, payload: words });
    expect(res.statusCode, res.body).toBe(201);
    const stored = await ctx.db.selectFrom('stix_objects').select('json').where('stix_id', '=', res.json<{ stixReportId: string }>().stixReportId).executeTakeFirstOrThrow();
    const report = JSON.parse(stored.json) as { object_refs: string[]; labels: string[] };
    expect(report.object_refs).toHaveLength(1);
    expect(report.object_refs[0]).toMatch(/^identity--/);
    expect(report.labels).toEqual(['rsit:fraud="masquerade"']);
  });

  it('keeps a published case open: it counts for deadline reminders and can be worked, closed with an outcome and reopened', async () => {
    const open = async () => (await listOpenSubmitted(ctx.db)).map((r) => r.id);
    expect(await open()).toContain(reportId);
    const state = (payload: Record<string, unknown>) => as(ctx, coordinator)({ method: 'POST', url: `/api/reports/${reportId}/state`, payload });
    expect((await state({ state: 'in_progress' })).statusCode).toBe(204);
    expect((await state({ state: 'closed', outcome: 'resolved' })).statusCode).toBe(204);
    expect(await open()).not.toContain(reportId);
    expect((await state({ state: 'triage' })).statusCode).toBe(204);
    expect(await open()).toContain(reportId);
  });
});
