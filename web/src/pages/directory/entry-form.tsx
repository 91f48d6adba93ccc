import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { ErrorAlert, ProblemList } from '../../components/alerts.tsx';
import { CheckboxGroup, SelectField, TextAreaField, TextField } from '../../components/fields.tsx';
import { useI18n } from '../../i18n/index.ts';
import { referenceOptions } from '../../lib/options.ts';
import { PREFECTURES } from '../../lib/reference.ts';
import { DetailedApiError, PROBLEM_CODES, type DirectoryEntry, type DirectoryEntryInput } from './directory-api.ts';
import { issueText, problemLabel } from './directory-labels.ts';

interface Draft extends Omit<DirectoryEntryInput, 'phone' | 'webUrl' | 'languages'> {
  phone: string;
  webUrl: string;
  languages: string;
}

const EMPTY: Draft = {
  nameJa: '', nameEn: '', helpsWith: [], prefectures: ['all'], phone: '', webUrl: '', hoursJa: '', hoursEn: '', languages: 'ja', cost: 'free', notesJa: '', notesEn: '',
};

const draftOf = (entry: DirectoryEntry | null): Draft =>
  entry ? { ...entry, phone: entry.phone ?? '', webUrl: entry.webUrl ?? '', languages: entry.languages.join(', ') } : EMPTY;

function inputOf(draft: Draft): DirectoryEntryInput {
  return {
    ...draft,
    phone: draft.phone.trim() || null,
    webUrl: draft.webUrl.trim() || null,
    languages: draft.languages.split(/[,、\s]+/).filter(Boolean),
  };
}

interface Props {
  entry: DirectoryEntry | null;
  onSave: (input: DirectoryEntryInput) => Promise<void>;
  onCancel: () => void;
}

/** Add or edit a desk; the server checks every field and the form lists what it found. */
export function EntryForm({ entry, onSave, onCancel }: Props) {
  const { t, locale } = useI18n();
  const [draft, setDraft] = useState<Draft>(() => draftOf(entry));
  const action = useMutation({ mutationFn: onSave });
  const set = <K extends keyof Draft>(key: K) => (value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const nationwide = draft.prefectures.includes('all');
  const details = action.error instanceof DetailedApiError ? action.error.details : [];

  const submit = (event: FormEvent) => {
    event.preventDefault();
    action.mutate(inputOf(draft));
  };

  return (
    <form className="form" onSubmit={submit} aria-labelledby="dir-form-title" noValidate>
      <h2 id="dir-form-title">{entry ? t('dir.form.editTitle') : t('dir.form.newTitle')}</h2>
      {details.length > 0 ? <ProblemList problems={details.map((issue) => issueText(t, issue))} /> : <ErrorAlert error={action.error} />}
      <TextField label={t('dir.form.nameJa')} value={draft.nameJa} onValue={set('nameJa')} required maxLength={200} />
      <TextField label={t('dir.form.nameEn')} value={draft.nameEn} onValue={set('nameEn')} maxLength={200} />
      <CheckboxGroup
        legend={t('dir.form.helpsWith')}
        options={PROBLEM_CODES.map((code) => ({ value: code, label: problemLabel(t, code) }))}
        values={draft.helpsWith}
        onValues={(values) => set('helpsWith')(values as Draft['helpsWith'])}
      />
      <CheckboxGroup
        legend={t('dir.form.nationwide')}
        options={[{ value: 'all', label: t('dir.nationwide') }]}
        values={nationwide ? ['all'] : []}
        onValues={(values) => set('prefectures')(values.includes('all') ? ['all'] : [])}
      />
      {nationwide ? null : (
        <div className="directory-prefectures">
          <CheckboxGroup legend={t('dir.form.prefectures')} options={referenceOptions(PREFECTURES, locale)} values={draft.prefectures} onValues={set('prefectures')} />
        </div>
      )}
      <TextField label={t('dir.form.phone')} hint={t('dir.form.phoneHint')} type="tel" value={draft.phone} onValue={set('phone')} maxLength={30} />
      <TextField label={t('dir.form.webUrl')} type="url" value={draft.webUrl} onValue={set('webUrl')} maxLength={500} placeholder="https://" />
      <TextField label={t('dir.form.hoursJa')} value={draft.hoursJa} onValue={set('hoursJa')} maxLength={500} />
      <TextField label={t('dir.form.hoursEn')} value={draft.hoursEn} onValue={set('hoursEn')} maxLength={500} />
      <TextField label={t('dir.form.languages')} value={draft.languages} onValue={set('languages')} maxLength={100} />
      <SelectField
        label={t('dir.form.cost')}
        value={draft.cost}
        onValue={(value) => set('cost')(value === 'paid' ? 'paid' : 'free')}
        options={[{ value: 'free', label: t('dir.cost.free') }, { value: 'paid', label: t('dir.cost.paid') }]}
      />
      <TextAreaField label={t('dir.form.notesJa')} value={draft.notesJa} onValue={set('notesJa')} maxLength={2000} />
      <TextAreaField label={t('dir.form.notesEn')} value={draft.notesEn} onValue={set('notesEn')} maxLength={2000} />
      <div className="form-actions">
        <button type="submit" disabled={action.isPending}>
          {t('dir.form.save')}
        </button>
        <button type="button" className="button-secondary" onClick={onCancel}>
          {t('dir.form.cancel')}
        </button>
      </div>
    </form>
  );
}
