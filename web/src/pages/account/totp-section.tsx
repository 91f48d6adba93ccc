import { useState, type FormEvent } from 'react';
import { api } from '../../api/client.ts';
import { ErrorAlert, SuccessNote } from '../../components/alerts.tsx';
import { TextField } from '../../components/fields.tsx';
import { Card } from '../../components/page.tsx';
import { useT } from '../../i18n/index.ts';
import { groupsOfFour } from '../../lib/format.ts';
import { useAction } from '../../lib/use-load.ts';
import { useSession } from '../../session/session-context.tsx';

interface TotpSetup {
  secret: string;
  otpauthUri: string;
}

export function TotpSection() {
  const t = useT();
  const { user, refresh, setNotice } = useSession();
  const [setup, setSetup] = useState<TotpSetup | null>(null);
  const [message, setMessage] = useState('');
  const action = useAction();
  if (!user) return null;

  const start = () =>
    action.run(async () => {
      setMessage('');
      setSetup(await api.post<TotpSetup>('/api/account/totp/setup'));
    });

  const confirmed = async () => {
    setSetup(null);
    setNotice(null);
    setMessage(t('totp.enabled'));
    await refresh();
  };

  const disabled = async () => {
    setMessage(t('totp.disabled'));
    await refresh();
  };

  return (
    <Card title={t('totp.title')} id="totp">
      <SuccessNote>{message}</SuccessNote>
      <ErrorAlert error={action.error} />
      {user.totpEnabled ? (
        <>
          <p>
            <span className="tag tag-ok">{t('totp.statusOn')}</span>
          </p>
          <DisableForm onDone={disabled} />
        </>
      ) : setup ? (
        <ConfirmForm setup={setup} onDone={confirmed} onCancel={() => setSetup(null)} />
      ) : (
        <>
          <p>
            <span className="tag tag-warn">{t('totp.statusOff')}</span>
          </p>
          <p>{t('totp.intro')}</p>
          <button type="button" onClick={() => void start()} disabled={action.pending}>
            {t('totp.start')}
          </button>
        </>
      )}
    </Card>
  );
}

function ConfirmForm({ setup, onDone, onCancel }: { setup: TotpSetup; onDone: () => Promise<void>; onCancel: () => void }) {
  const t = useT();
  const [code, setCode] = useState('');
  const action = useAction();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!/^\d{6}$/.test(code.replace(/\s+/g, ''))) {
      action.setError(t('validation.totpCode'));
      return;
    }
    const ok = await action.run(() => api.post<void>('/api/account/totp/confirm', { code: code.replace(/\s+/g, '') }));
    if (ok) await onDone();
  };
  return (
    <form className="form" onSubmit={submit} noValidate>
      <ol className="steps">
        <li>{t('totp.step1')}</li>
        <li>
          {t('totp.step2')}
          <p>
            <span className="muted">{t('totp.secretLabel')}</span>
            <br />
            <code className="secret" data-testid="totp-secret">
              {groupsOfFour(setup.secret)}
            </code>
          </p>
          <details>
            <summary>{t('totp.showUri')}</summary>
            <code className="wrap" data-testid="totp-uri">
              {setup.otpauthUri}
            </code>
          </details>
        </li>
        <li>{t('totp.step3')}</li>
      </ol>
      <ErrorAlert error={action.error} />
      <TextField
        label={t('field.totpCode')}
        inputMode="numeric"
        autoComplete="one-time-code"
        required
        value={code}
        onValue={setCode}
      />
      <div className="form-actions">
        <button type="submit" disabled={action.pending}>
          {t('totp.confirm')}
        </button>
        <button type="button" className="button-secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

function DisableForm({ onDone }: { onDone: () => Promise<void> }) {
  const t = useT();
  const [password, setPassword] = useState('');
  const action = useAction();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!password) {
      action.setError(t('validation.required', { field: t('totp.disablePassword') }));
      return;
    }
    const ok = await action.run(() => api.post<void>('/api/account/totp/disable', { password }));
    if (ok) await onDone();
  };
  return (
    <form className="form" onSubmit={submit} noValidate>
      <p>{t('totp.disableIntro')}</p>
      <ErrorAlert error={action.error} />
      <TextField
        label={t('totp.disablePassword')}
        type="password"
        autoComplete="current-password"
        required
        value={password}
        onValue={setPassword}
      />
      <div className="form-actions">
        <button type="submit" className="button-danger" disabled={action.pending}>
          {t('totp.disable')}
        </button>
      </div>
    </form>
  );
}
