// For coordinators on an organisation's page: the values redacted automatically in its reports
// ("伏せ字の記憶"), who taught each and when, with delete (confirmed) and a small add form.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { ErrorAlert, Loading } from '../../components/alerts.tsx';
import { SelectField, TextField } from '../../components/fields.tsx';
import { useI18n } from '../../i18n/index.ts';
import { formatDateTime } from '../../lib/format.ts';
import { labelKey } from '../sharing/highlighted-text.tsx';
import { REDACTION_LABELS, sharingApi, type RememberedValue } from '../sharing/sharing-api.ts';
import '../sharing/sharing.css';

const VALUE_INPUT = 'remembered-value';

export function RememberedRedactions({ orgId }: { orgId: string }) {
  const { t, locale } = useI18n();
  const queryClient = useQueryClient();
  const queryKey = ['sharing', 'remembered', orgId];
  const list = useQuery({ queryKey, queryFn: () => sharingApi.remembered(orgId) });
  const [message, setMessage] = useState('');
  const [value, setValue] = useState('');
  const [label, setLabel] = useState<string>('PERSON');
  const heading = useRef<HTMLHeadingElement>(null);
  const labelOf = (code: string) => t(labelKey(code), { defaultValue: code });

  const remember = useMutation({
    mutationFn: (entry: { value: string; label: string }) => sharingApi.remember(orgId, entry),
    onMutate: () => {
      setMessage('');
      forget.reset();
    },
    onSuccess: async (item) => {
      await queryClient.invalidateQueries({ queryKey });
      setValue('');
      setMessage(t('sharing.memory.added', { value: item.value }));
      document.getElementById(VALUE_INPUT)?.focus(); // ready for the next value
    },
  });
  const forget = useMutation({
    mutationFn: (item: RememberedValue) => sharingApi.forget(orgId, item.id),
    onMutate: () => {
      setMessage('');
      remember.reset();
    },
    onSuccess: async (_, item) => {
      await queryClient.invalidateQueries({ queryKey });
      setMessage(t('sharing.memory.deleted', { value: item.value }));
      heading.current?.focus(); // the row and its buttons are gone
    },
  });
  const pending = remember.isPending || forget.isPending;
  const add = (event: FormEvent) => {
    event.preventDefault();
    remember.mutate({ value: value.trim(), label });
  };

  return (
    <section className="card" aria-labelledby="remembered-title">
      <h2 id="remembered-title" ref={heading} tabIndex={-1}>{t('sharing.memory.title')}</h2>
      <p className="hint">{t('sharing.memory.intro')}</p>
      <div role="status">{message ? <p className="alert alert-success">{message}</p> : null}</div>
      <ErrorAlert error={list.error ?? remember.error ?? forget.error} />
      {list.isPending ? <Loading /> : null}
      {list.data && list.data.items.length === 0 ? <p className="muted">{t('sharing.memory.none')}</p> : null}
      {list.data && list.data.items.length > 0 ? (
        <ul className="remembered-list">
          {list.data.items.map((item) => (
            <li key={item.id}>
              <div><code>{item.value}</code> <span className="tag">{labelOf(item.label)}</span></div>
              <div className="muted">
                {t('sharing.memory.by')}: {item.createdByName ?? t('sharing.memory.unknownUser')} / {t('sharing.memory.at')}: {formatDateTime(item.createdAt, locale)}
              </div>
              <DeleteButton item={item} pending={pending} onDelete={forget.mutate} />
            </li>
          ))}
        </ul>
      ) : null}
      <form className="form" onSubmit={add}>
        <h3>{t('sharing.memory.add.title')}</h3>
        <TextField id={VALUE_INPUT} label={t('sharing.memory.add.value')} value={value} onValue={setValue} required minLength={2} maxLength={200} />
        <SelectField label={t('sharing.memory.label')} value={label} onValue={setLabel} options={REDACTION_LABELS.map((l) => ({ value: l, label: labelOf(l) }))} />
        <div className="form-actions">
          <button type="submit" className="button-secondary" disabled={pending || value.trim().length < 2}>{t('sharing.memory.add.button')}</button>
        </div>
      </form>
    </section>
  );
}

function DeleteButton({ item, pending, onDelete }: { item: RememberedValue; pending: boolean; onDelete: (item: RememberedValue) => void }) {
  const { t } = useI18n();
  const [confirming, setConfirming] = useState(false);
  const deleteButton = useRef<HTMLButtonElement>(null);
  if (!confirming) {
    return (
      <button type="button" ref={deleteButton} className="button-danger button-small" onClick={() => setConfirming(true)}
        aria-label={t('sharing.memory.deleteFor', { value: item.value })}>
        {t('sharing.memory.delete')}
      </button>
    );
  }
  const cancel = () => {
    setConfirming(false);
    requestAnimationFrame(() => deleteButton.current?.focus());
  };
  return (
    <div className="inline-control" role="group" aria-label={t('sharing.memory.confirm', { value: item.value })}>
      <span>{t('sharing.memory.confirm', { value: item.value })}</span>
      <button type="button" className="button-danger button-small" disabled={pending} onClick={() => onDelete(item)}>
        {t('sharing.memory.confirmYes')}
      </button>
      {/* Focus lands on cancel: the harmless choice for a stray Enter. */}
      <button type="button" className="button-secondary button-small" autoFocus onClick={cancel}>
        {t('common.cancel')}
      </button>
    </div>
  );
}
