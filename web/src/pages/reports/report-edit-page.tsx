// The full form: draft editing (saved automatically while typing) and amendments of a submitted report. A new report
// starts on the short first screen (new-report-page.tsx); everything else can be added here later.
import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { ErrorAlert, Loading, SuccessNote } from '../../components/alerts.tsx';
import { TextField } from '../../components/fields.tsx';
import { Page } from '../../components/page.tsx';
import { useI18n } from '../../i18n/index.ts';
import { formatDateTime } from '../../lib/format.ts';
import { Navigate, useNavigate } from 'react-router';
import { ReportForm } from './report-form.tsx';
import { reportsApi, type ReportDraft } from './reports-api.ts';

const AUTOSAVE_MS = 4000;

// The editors start from what the server holds now, never from a copy cached on an earlier visit, and do not
// refetch under the person typing.
const EDIT_QUERY = { refetchOnMount: 'always', refetchOnWindowFocus: false } as const;

export function EditDraftPage({ id }: { id: string }) {
  const { t } = useI18n();
  const report = useQuery({ queryKey: ['reports', id], queryFn: () => reportsApi.get(id), ...EDIT_QUERY });
  if (!report.isFetchedAfterMount) return <Loading />;
  if (!report.data || report.isError) return <ErrorAlert error={report.error} />;
  if (!report.data.draft) return <Navigate to={`/reports/${id}`} replace />;
  return (
    <Page title={t('report.form.editTitle')} narrow>
      <p className="lead">{t('report.form.intro')}</p>
      <DraftEditor id={id} initial={report.data.draft} />
    </Page>
  );
}

function DraftEditor({ id, initial }: { id: string; initial: ReportDraft }) {
  const navigate = useNavigate();
  const { t, locale } = useI18n();
  const [draft, setDraft] = useState(initial);
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const dirty = useRef(false);
  const autosave = useMutation({
    mutationFn: (saved: ReportDraft) => reportsApi.saveDraft(id, saved),
    onSuccess: () => {
      dirty.current = false;
      setSavedAt(new Date().toISOString());
    },
  });
  const action = useMutation({
    mutationFn: async (submit: boolean) => {
      if (submit && draft.text.trim() === '') throw t('report.textRequired');
      await reportsApi.saveDraft(id, draft);
      dirty.current = false;
      if (submit) await reportsApi.submit(id);
    },
    onMutate: () => autosave.reset(),
    onSuccess: (_, submit) => {
      if (submit) void navigate(`/reports/${id}`);
      else setSavedAt(new Date().toISOString());
    },
  });
  const change = (next: ReportDraft) => {
    dirty.current = true;
    setDraft(next);
  };
  const saveInBackground = autosave.mutate;
  useEffect(() => {
    if (!dirty.current) return undefined;
    const timer = window.setTimeout(() => saveInBackground(draft), AUTOSAVE_MS);
    return () => window.clearTimeout(timer);
  }, [draft, saveInBackground]);
  return (
    <ReportForm value={draft} onChange={change}>
      <ErrorAlert error={action.error ?? autosave.error} />
      <SuccessNote>{savedAt ? t('report.autosaved', { time: formatDateTime(savedAt, locale) }) : null}</SuccessNote>
      <div className="form-actions">
        <button type="button" className="button-secondary" disabled={action.isPending} onClick={() => action.mutate(false)}>{t('report.saveDraft')}</button>
        <button type="button" disabled={action.isPending} onClick={() => action.mutate(true)}>{t('report.submit')}</button>
      </div>
    </ReportForm>
  );
}

export function AmendPage({ id }: { id: string }) {
  const { t } = useI18n();
  const report = useQuery({ queryKey: ['reports', id], queryFn: () => reportsApi.get(id), ...EDIT_QUERY });
  if (!report.isFetchedAfterMount) return <Loading />;
  const latest = report.data?.versions[report.data.versions.length - 1];
  if (!report.data || !latest || report.isError) return <ErrorAlert error={report.error} />;
  return (
    <Page title={t('report.form.amendTitle')} narrow>
      <Amender id={id} initial={{ text: latest.text, answers: latest.answers }} />
    </Page>
  );
}

function Amender({ id, initial }: { id: string; initial: ReportDraft }) {
  const navigate = useNavigate();
  const { t } = useI18n();
  const [draft, setDraft] = useState(initial);
  const [note, setNote] = useState('');
  const action = useMutation({
    mutationFn: async () => {
      if (draft.text.trim() === '') throw t('report.textRequired');
      await reportsApi.amend(id, { ...draft, note });
    },
    onSuccess: () => void navigate(`/reports/${id}`),
  });
  return (
    <ReportForm value={draft} onChange={setDraft}>
      <TextField label={t('report.note')} value={note} onValue={setNote} maxLength={2000} />
      <ErrorAlert error={action.error} />
      <div className="form-actions">
        <button type="button" disabled={action.isPending} onClick={() => action.mutate()}>{t('report.submitAmendment')}</button>
      </div>
    </ReportForm>
  );
}
