// New report, draft editing (saved automatically while typing) and amendments of a submitted report.
import { useEffect, useRef, useState } from 'react';
import { ErrorAlert, Loading, SuccessNote } from '../../components/alerts.tsx';
import { SelectField, TextField } from '../../components/fields.tsx';
import { Page } from '../../components/page.tsx';
import { useI18n } from '../../i18n/index.ts';
import { formatDateTime } from '../../lib/format.ts';
import { membershipName } from '../../lib/reference.ts';
import { useAction, useLoad } from '../../lib/use-load.ts';
import { navigate } from '../../router.tsx';
import { useSession } from '../../session/session-context.tsx';
import { ReportForm } from './report-form.tsx';
import { emptyAnswers, reportsApi, type ReportDraft } from './reports-api.ts';

const AUTOSAVE_MS = 4000;

export function NewReportPage() {
  const { t, locale } = useI18n();
  const { user } = useSession();
  const memberships = user?.memberships ?? [];
  const [orgId, setOrgId] = useState(memberships[0]?.orgId ?? '');
  const [draft, setDraft] = useState<ReportDraft>({ text: '', answers: emptyAnswers() });
  const action = useAction();
  if (memberships.length === 0) {
    return (
      <Page title={t('report.form.newTitle')} narrow>
        <p>{t('report.noOrg')}</p>
      </Page>
    );
  }
  const save = (submit: boolean) => action.run(async () => {
    if (submit && draft.text.trim() === '') throw t('report.textRequired');
    const { id } = await reportsApi.create(orgId, draft);
    if (submit) await reportsApi.submit(id);
    navigate(submit ? `/reports/${id}` : `/reports/${id}/edit`);
  });
  return (
    <Page title={t('report.form.newTitle')} narrow>
      <p className="lead">{t('report.form.intro')}</p>
      {memberships.length > 1 ? (
        <SelectField label={t('report.form.org')} value={orgId} onValue={setOrgId} options={memberships.map((m) => ({ value: m.orgId, label: membershipName(m, locale) }))} />
      ) : null}
      <ReportForm value={draft} onChange={setDraft}>
        <ErrorAlert error={action.error} />
        <div className="form-actions">
          <button type="button" className="button-secondary" disabled={action.pending} onClick={() => void save(false)}>{t('report.saveDraft')}</button>
          <button type="button" disabled={action.pending} onClick={() => void save(true)}>{t('report.submit')}</button>
        </div>
      </ReportForm>
    </Page>
  );
}

export function EditDraftPage({ id }: { id: string }) {
  const { t } = useI18n();
  const report = useLoad(() => reportsApi.get(id), id);
  if (report.loading) return <Loading />;
  if (!report.data) return <ErrorAlert error={report.error} />;
  if (!report.data.draft) {
    navigate(`/reports/${id}`, { replace: true });
    return null;
  }
  return (
    <Page title={t('report.form.editTitle')} narrow>
      <p className="lead">{t('report.form.intro')}</p>
      <DraftEditor id={id} initial={report.data.draft} />
    </Page>
  );
}

function DraftEditor({ id, initial }: { id: string; initial: ReportDraft }) {
  const { t, locale } = useI18n();
  const [draft, setDraft] = useState(initial);
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const dirty = useRef(false);
  const action = useAction();
  const change = (next: ReportDraft) => {
    dirty.current = true;
    setDraft(next);
  };
  useEffect(() => {
    if (!dirty.current) return undefined;
    const timer = window.setTimeout(() => {
      reportsApi.saveDraft(id, draft).then(() => { dirty.current = false; setSavedAt(new Date().toISOString()); }, action.setError);
    }, AUTOSAVE_MS);
    return () => window.clearTimeout(timer);
  }, [draft, id, action.setError]);
  const save = (submit: boolean) => action.run(async () => {
    if (submit && draft.text.trim() === '') throw t('report.textRequired');
    await reportsApi.saveDraft(id, draft);
    dirty.current = false;
    if (submit) {
      await reportsApi.submit(id);
      navigate(`/reports/${id}`);
    } else {
      setSavedAt(new Date().toISOString());
    }
  });
  return (
    <ReportForm value={draft} onChange={change}>
      <ErrorAlert error={action.error} />
      <SuccessNote>{savedAt ? t('report.autosaved', { time: formatDateTime(savedAt, locale) }) : null}</SuccessNote>
      <div className="form-actions">
        <button type="button" className="button-secondary" disabled={action.pending} onClick={() => void save(false)}>{t('report.saveDraft')}</button>
        <button type="button" disabled={action.pending} onClick={() => void save(true)}>{t('report.submit')}</button>
      </div>
    </ReportForm>
  );
}

export function AmendPage({ id }: { id: string }) {
  const { t } = useI18n();
  const report = useLoad(() => reportsApi.get(id), id);
  if (report.loading) return <Loading />;
  const latest = report.data?.versions[report.data.versions.length - 1];
  if (!report.data || !latest) return <ErrorAlert error={report.error} />;
  return (
    <Page title={t('report.form.amendTitle')} narrow>
      <Amender id={id} initial={{ text: latest.text, answers: latest.answers }} />
    </Page>
  );
}

function Amender({ id, initial }: { id: string; initial: ReportDraft }) {
  const { t } = useI18n();
  const [draft, setDraft] = useState(initial);
  const [note, setNote] = useState('');
  const action = useAction();
  const send = () => action.run(async () => {
    if (draft.text.trim() === '') throw t('report.textRequired');
    await reportsApi.amend(id, { ...draft, note });
    navigate(`/reports/${id}`);
  });
  return (
    <ReportForm value={draft} onChange={setDraft}>
      <TextField label={t('report.note')} value={note} onValue={setNote} maxLength={2000} />
      <ErrorAlert error={action.error} />
      <div className="form-actions">
        <button type="button" disabled={action.pending} onClick={() => void send()}>{t('report.submitAmendment')}</button>
      </div>
    </ReportForm>
  );
}
