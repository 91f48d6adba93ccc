// For coordinators on an organisation's page: the values redacted automatically in its reports
// ("伏せ字の記憶"), who taught each and when, with delete (confirmed) and a small add form.
import { useRef, useState, type FormEvent } from 'react';
import { ErrorAlert, Loading } from '../../components/alerts.tsx';
import { SelectField, TextField } from '../../components/fields.tsx';
import { useI18n } from '../../i18n/index.ts';
import { formatDateTime } from '../../lib/format.ts';
import { useAction, useLoad } from '../../lib/use-load.ts';
import { labelKey } from '../sharing/highlighted-text.tsx';
import { REDACTION_LABELS, sharingApi, type RememberedValue } from '../sharing/sharing-api.ts';
import '../sharing/sharing.css';

const VALUE_INPUT = 'remembered-value';

export function RememberedRedactions({ orgId }: { orgId: string }) {
  const { t, locale } = useI18n();
  const list = useLoad(() => sharingApi.remembered(orgId), `remembered-${orgId}`);
  const action = useAction();
  const [message, setMessage] = useState('');
  const [value, setValue] = useState('');
  const [label, setLabel] = useState<string>('PERSON');
  const heading = useRef<HTMLHeadingElement>(null);
  const labelOf = (code: string) => t(labelKey(code)) || code;

  const add = (event: FormEvent) => {
    event.preventDefault();
    void action.run(async () => {
      setMessage('');
      const item = await sharingApi.remember(orgId, { value: value.trim(), label });
      if (list.data) list.setData({ items: [item, ...list.data.items.filter((i) => i.id !== item.id)] });
      setValue('');
      setMessage(t('sharing.memory.added', { value: item.value }));
      document.getElementById(VALUE_INPUT)?.focus(); // ready for the next value
    });
  };
  const remove = (item: RememberedValue) => action.run(async () => {
    setMessage('');
    await sharingApi.forget(orgId, item.id);
    if (list.data) list.setData({ items: list.data.items.filter((i) => i.id !== item.id) });
    setMessage(t('sharing.memory.deleted', { value: item.value }));
    heading.current?.focus(); // the row and its buttons are gone
  });

  return (
    <section className="card" aria-labelledby="remembered-title">
      <h2 id="remembered-title" ref={heading} tabIndex={-1}>{t('sharing.memory.title')}</h2>
      <p className="hint">{t('sharing.memory.intro')}</p>
      <div role="status">{message ? <p className="alert alert-success">{message}</p> : null}</div>
      <ErrorAlert error={list.error ?? action.error} />
      {list.loading && !list.data ? <Loading /> : null}
      {list.data && list.data.items.length === 0 ? <p className="muted">{t('sharing.memory.none')}</p> : null}
      {list.data && list.data.items.length > 0 ? (
        <ul className="remembered-list">
          {list.data.items.map((item) => (
            <li key={item.id}>
              <div><code>{item.value}</code> <span className="tag">{labelOf(item.label)}</span></div>
              <div className="muted">
                {t('sharing.memory.by')}: {item.createdByName ?? t('sharing.memory.unknownUser')} / {t('sharing.memory.at')}: {formatDateTime(item.createdAt, locale)}
              </div>
              <DeleteButton item={item} pending={action.pending} onDelete={remove} />
            </li>
          ))}
        </ul>
      ) : null}
      <form className="form" onSubmit={add}>
        <h3>{t('sharing.memory.add.title')}</h3>
        <TextField id={VALUE_INPUT} label={t('sharing.memory.add.value')} value={value} onValue={setValue} required minLength={2} maxLength={200} />
        <SelectField label={t('sharing.memory.label')} value={label} onValue={setLabel} options={REDACTION_LABELS.map((l) => ({ value: l, label: labelOf(l) }))} />
        <div className="form-actions">
          <button type="submit" className="button-secondary" disabled={action.pending || value.trim().length < 2}>{t('sharing.memory.add.button')}</button>
        </div>
      </form>
    </section>
  );
}

function DeleteButton({ item, pending, onDelete }: { item: RememberedValue; pending: boolean; onDelete: (item: RememberedValue) => Promise<boolean> }) {
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
      <button type="button" className="button-danger button-small" disabled={pending} onClick={() => void onDelete(item)}>
        {t('sharing.memory.confirmYes')}
      </button>
      {/* Focus lands on cancel: the harmless choice for a stray Enter. */}
      <button type="button" className="button-secondary button-small" autoFocus onClick={cancel}>
        {t('common.cancel')}
      </button>
    </div>
  );
}
