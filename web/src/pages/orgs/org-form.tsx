import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import type { OrgInput, OrgStatus } from '../../api/types.ts';
import { ErrorAlert, ProblemList } from '../../components/alerts.tsx';
import { SelectField, TextAreaField, TextField } from '../../components/fields.tsx';
import { useI18n } from '../../i18n/index.ts';
import { orgStatusOptions, referenceOptions } from '../../lib/options.ts';
import { PREFECTURES, SECTORS, SIZE_BANDS } from '../../lib/reference.ts';
import { ContactsEditor } from './contacts-editor.tsx';
import { draftProblems, inputOf, type OrgDraft } from './org-draft.ts';

interface OrgFormProps {
  initial: OrgDraft;
  /** Only administrators may set the status. */
  canSetStatus: boolean;
  submitLabel: string;
  onSubmit: (input: OrgInput) => Promise<void>;
  onCancel?: () => void;
}

export function OrgForm({ initial, canSetStatus, submitLabel, onSubmit, onCancel }: OrgFormProps) {
  const { t, locale } = useI18n();
  const [draft, setDraft] = useState<OrgDraft>(initial);
  const [problems, setProblems] = useState<string[]>([]);
  const save = useMutation({ mutationFn: onSubmit });
  const set = <K extends keyof OrgDraft>(key: K) => (value: OrgDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = draftProblems(t, draft);
    setProblems(found);
    if (found.length > 0) return;
    save.mutate(inputOf(draft));
  };

  const choose = t('common.choose');
  return (
    <form className="form org-form" onSubmit={submit} noValidate>
      <ProblemList problems={problems} />
      <ErrorAlert error={save.error} />
      <div className="grid-2">
        <TextField label={t('org.nameJa')} lang="ja" required value={draft.nameJa} onValue={set('nameJa')} />
        <TextField label={t('org.nameEn')} lang="en" required value={draft.nameEn} onValue={set('nameEn')} />
      </div>
      <TextAreaField label={t('org.aliases')} hint={t('form.onePerLine')} value={draft.aliases} onValue={set('aliases')} rows={2} />
      <div className="grid-3">
        <SelectField label={t('org.sector')} required value={draft.sector} onValue={set('sector')} options={referenceOptions(SECTORS, locale)} empty={choose} />
        <SelectField label={t('org.sizeBand')} required value={draft.sizeBand} onValue={set('sizeBand')} options={referenceOptions(SIZE_BANDS, locale)} empty={choose} />
        <SelectField
          label={t('org.prefecture')}
          required
          value={draft.prefecture}
          onValue={set('prefecture')}
          options={referenceOptions(PREFECTURES, locale)}
          empty={choose}
        />
      </div>
      {canSetStatus ? (
        <SelectField label={t('org.status')} value={draft.status} onValue={(v) => set('status')(v as OrgStatus)} options={orgStatusOptions(t)} />
      ) : null}
      <div className="grid-2">
        <TextAreaField label={t('org.domains')} hint={t('org.domainsHint')} value={draft.domains} onValue={set('domains')} spellCheck={false} />
        <TextAreaField label={t('org.ipRanges')} hint={t('org.ipRangesHint')} value={draft.ipRanges} onValue={set('ipRanges')} spellCheck={false} />
      </div>
      <ContactsEditor contacts={draft.contacts} onChange={set('contacts')} />
      <div className="form-actions">
        <button type="submit" disabled={save.isPending}>
          {submitLabel}
        </button>
        {onCancel ? (
          <button type="button" className="button-secondary" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        ) : null}
      </div>
    </form>
  );
}
