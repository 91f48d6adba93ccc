// Verifying a receipt, pasted or chosen as a file: the server checks it with the ledger's key and
// against the ledger now (the CLI does the same offline: anshin ledger verify-receipt).
import { useMutation } from '@tanstack/react-query';
import { useId, useState, type ChangeEvent, type FormEvent } from 'react';
import { api } from '../../api/client.ts';
import { ErrorAlert } from '../../components/alerts.tsx';
import { TextAreaField } from '../../components/fields.tsx';
import { Card } from '../../components/page.tsx';
import { useI18n } from '../../i18n/index.ts';
import type { ReceiptCheck } from './ledger-api.ts';

export function ReceiptVerifier() {
  const { t } = useI18n();
  const fileId = useId();
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  // Checking a receipt changes nothing, but it is a question sent on demand with a body: a mutation, not a query.
  const action = useMutation({ mutationFn: (receipt: unknown) => api.post<ReceiptCheck>('/api/ledger/receipts/verify', { receipt }) });
  const result = action.data ?? null;

  const choose = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (file) setText(await file.text());
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    action.reset();
    setProblem(null);
    let receipt: unknown;
    try {
      receipt = JSON.parse(text);
    } catch {
      setProblem(t('ledger.notJson'));
      return;
    }
    action.mutate(receipt);
  };

  return (
    <Card title={t('ledger.verify')} id="ledger-verify">
      <p>{t('ledger.verifyIntro')}</p>
      <form onSubmit={submit}>
        <div className="field">
          <label htmlFor={fileId}>{t('ledger.receiptFile')}</label>
          <input id={fileId} type="file" accept="application/json,.json" onChange={(e) => void choose(e)} />
        </div>
        <TextAreaField label={t('ledger.receiptText')} value={text} onValue={setText} rows={8} spellCheck={false} required />
        <button type="submit" disabled={action.isPending}>
          {t('ledger.verifyButton')}
        </button>
      </form>
      <ErrorAlert error={problem ?? action.error} />
      <div role="status" aria-live="polite">
        {result?.valid === true ? (
          <p className="alert alert-success">{t('ledger.valid', { index: result.index, size: result.size, current: result.currentSize })}</p>
        ) : null}
      </div>
      {result?.valid === false ? (
        <p className="alert alert-error" role="alert">
          {t('ledger.invalid', { reason: result.reason })}
        </p>
      ) : null}
    </Card>
  );
}
