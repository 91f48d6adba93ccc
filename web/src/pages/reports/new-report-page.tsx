// The short first screen of the one path for a member in trouble (issue 19): what happened, in their own words, is it
// still happening, do they need help now, and photos or files. The first-aid steps of the chosen kind show at once.
// Saved as they type; sending uploads the files and submits, and the server asks for help in the same step when help
// is wanted. Everything else (dates, impact, personal data) is optional and can be added later.
import { useMutation } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { ApiError } from '../../api/client.ts';
import { ErrorAlert, Loading } from '../../components/alerts.tsx';
import { SelectField } from '../../components/fields.tsx';
import { Page } from '../../components/page.tsx';
import { categoryLabel, useI18n, type MessageKey, type Translate } from '../../i18n/index.ts';
import { formatTime } from '../../lib/format.ts';
import { membershipName } from '../../lib/reference.ts';
import { useSession } from '../../session/session-context.tsx';
import { ChoiceGroup, FilesField, FirstAidNow, TextWithError } from './quick-report-fields.tsx';
import { INCIDENT_CATEGORIES, reportsApi, uploadAttachment, type Answers } from './reports-api.ts';
import { useAutosavedReport, type AutosavedReport } from './use-autosaved-report.ts';
import type { QuickDraft } from './local-draft.ts';
import { useFindingPrefill } from '../vulns/finding-prefill.ts';
import './reports.css';

type HelpChoice = '' | 'onsite' | 'remote' | 'no';

const helpChoiceOf = (help: Answers['help']): HelpChoice =>
  help.wanted === 'yes' ? (help.onSite === 'yes' ? 'onsite' : 'remote') : help.wanted === 'no' ? 'no' : '';

const helpOf = (choice: string, what: string): Answers['help'] =>
  choice === 'onsite' ? { wanted: 'yes', onSite: 'yes', what }
    : choice === 'remote' ? { wanted: 'yes', onSite: 'no', what }
      : { wanted: 'no', onSite: 'unknown', what: '' };

/** The server's words for a failure, or ours when there were none (no connection). */
function reasonOf(t: Translate, error: unknown): string {
  if (error instanceof ApiError) return error.code === 'network_error' || !error.message ? t('error.network') : error.message;
  return t('error.unexpected', { status: '?' });
}

export function NewReportPage() {
  const { t } = useI18n();
  const { user } = useSession();
  // "Ask for help with this" on a vulnerability notice: ?finding=<id>&org=<orgId> starts the report from it.
  const prefill = useFindingPrefill();
  if (!user || user.memberships.length === 0) {
    return (
      <Page title={t('report.path.title')} narrow>
        <p>{t('report.noOrg')}</p>
      </Page>
    );
  }
  return (
    <Page title={t('report.path.title')} narrow>
      {prefill.notice ? <p className="alert alert-info">{prefill.notice}</p> : null}
      {prefill.pending ? <Loading /> : <QuickReport userId={user.id} defaultOrgId={user.memberships[0]?.orgId ?? ''} prefill={prefill.draft} />}
    </Page>
  );
}

function QuickReport({ userId, defaultOrgId, prefill }: { userId: string; defaultOrgId: string; prefill: QuickDraft | null }) {
  const { t, locale } = useI18n();
  const { user } = useSession();
  const navigate = useNavigate();
  const auto = useAutosavedReport(userId, defaultOrgId, prefill);
  const { draft } = auto;
  const [files, setFiles] = useState<File[]>([]);
  const [textError, setTextError] = useState('');
  const textRef = useRef<HTMLTextAreaElement>(null);
  const uploaded = useRef(new Set<string>()); // a retry after a failed upload does not attach a file twice
  const memberships = user?.memberships ?? [];
  const setAnswers = (patch: Partial<Answers>) => auto.update({ ...draft, answers: { ...draft.answers, ...patch } });
  const change = (patch: Partial<QuickDraft>) => auto.update({ ...draft, ...patch });
  const helpChoice = helpChoiceOf(draft.answers.help);
  const category = draft.categoryChosen ? draft.answers.category : ''; // nothing is chosen for the member

  const send = useMutation({
    mutationFn: async () => {
      auto.hold(true);
      let id: string;
      try {
        id = await auto.saveNow();
      } catch (e) {
        throw t('report.path.sendFailed', { reason: reasonOf(t, e) });
      }
      for (const file of files) {
        const key = `${id}|${file.name}|${file.size}|${file.lastModified}`;
        if (uploaded.current.has(key)) continue;
        try {
          await uploadAttachment(id, file, false);
        } catch (e) {
          throw t('report.path.uploadFailed', { name: file.name, reason: reasonOf(t, e) });
        }
        uploaded.current.add(key);
      }
      try {
        await reportsApi.submit(id);
      } catch (e) {
        throw t('report.path.sendFailed', { reason: reasonOf(t, e) });
      }
      return id;
    },
    onError: () => auto.hold(false), // not sent: saving as they type goes on
    onSuccess: (id) => {
      auto.forget();
      void navigate(`/reports/${encodeURIComponent(id)}/sent`);
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (draft.text.trim() === '') {
      setTextError(t('report.path.textRequired'));
      textRef.current?.focus();
      return;
    }
    send.mutate();
  };

  return (
    <form className="form quick-report" onSubmit={submit} noValidate>
      <p className="lead">{t('report.path.lead')}</p>
      {auto.restored ? <p className="alert alert-info">{t('report.path.restored')}</p> : null}
      {memberships.length > 1 ? (
        <SelectField label={t('report.path.org')} value={draft.orgId} onValue={(orgId) => change({ orgId })} options={memberships.map((m) => ({ value: m.orgId, label: membershipName(m, locale) }))} />
      ) : null}
      <ChoiceGroup
        legend={t('report.path.category')} value={category}
        options={INCIDENT_CATEGORIES.map((code) => ({ value: code, label: categoryLabel(t, code), hint: t(`category.${code}.hint` as MessageKey) }))}
        onValue={(code) => auto.update({ ...draft, categoryChosen: true, answers: { ...draft.answers, category: code } })}
      />
      <FirstAidNow category={category} />
      <TextWithError
        label={t('report.path.text')} hint={t('report.path.textHint')} value={draft.text} required error={textError} inputRef={textRef}
        onValue={(text) => {
          if (text.trim()) setTextError('');
          change({ text });
        }}
      />
      <ChoiceGroup
        legend={t('report.path.ongoing')} value={draft.answers.ongoing === 'unknown' ? '' : draft.answers.ongoing}
        options={[{ value: 'yes', label: t('report.yes') }, { value: 'no', label: t('report.no') }, { value: 'unknown', label: t('report.path.notSure') }]}
        onValue={(ongoing) => setAnswers({ ongoing: ongoing as Answers['ongoing'] })}
      />
      <ChoiceGroup
        legend={t('report.path.help')} hint={t('report.path.helpHint')} value={helpChoice}
        options={(['onsite', 'remote', 'no'] as const).map((value) => ({ value, label: t(`report.path.help.${value}`) }))}
        onValue={(choice) => setAnswers({ help: helpOf(choice, draft.answers.help.what) })}
      />
      {draft.answers.help.wanted === 'yes' ? (
        <TextWithError
          label={t('report.path.helpWhat')} hint={t('report.path.helpWhatHint')} value={draft.answers.help.what} rows={3}
          onValue={(what) => setAnswers({ help: { ...draft.answers.help, what } })}
        />
      ) : null}
      <FilesField
        files={files} forgotten={draft.files}
        onFiles={(chosen) => {
          setFiles(chosen);
          change({ files: chosen.map((f) => f.name) });
        }}
      />
      <SaveLine auto={auto} />
      <ErrorAlert error={send.error} />
      <div className="form-actions">
        <button type="submit" className="button-large" disabled={send.isPending}>{send.isPending ? t('report.path.sending') : t('report.path.send')}</button>
      </div>
    </form>
  );
}

/** Where the draft stands: saving, saved (only once the server said so), or not saved with what that means. */
function SaveLine({ auto }: { auto: AutosavedReport }) {
  const { t, locale } = useI18n();
  if (auto.state === 'failed') {
    return <div className="alert alert-warning" role="alert">{t('report.path.saveFailed')} ({reasonOf(t, auto.error)})</div>;
  }
  return (
    <p className="save-state" role="status">
      {auto.state === 'saving' ? t('report.path.saving') : auto.state === 'saved' ? t('report.path.saved', { time: formatTime(auto.savedAt, locale) }) : ''}
    </p>
  );
}
