import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api } from '../../api/client.ts';
import { ErrorAlert, SuccessNote } from '../../components/alerts.tsx';
import { TextField } from '../../components/fields.tsx';
import { Card } from '../../components/page.tsx';
import { useT } from '../../i18n/index.ts';
import { groupsOfFour } from '../../lib/format.ts';
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
  const start = useMutation({
    mutationFn: () => {
      setMessage('');
      return api.post<TotpSetup>('/api/account/totp/setup');
    },
    onSuccess: setSetup,
  });
  if (!user) return null;

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
      <ErrorAlert error={start.error} />
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
          <button type="button" onClick={() => start.mutate()} disabled={start.isPending}>
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
  const [problem, setProblem] = useState<string | null>(null);
  const confirm = useMutation({
    mutationFn: (digits: string) => api.post<void>('/api/account/totp/confirm', { code: digits }),
    onSuccess: onDone,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    if (!/^\d{6}$/.test(code.replace(/\s+/g, ''))) {
      confirm.reset();
      setProblem(t('validation.totpCode'));
      return;
    }
    confirm.mutate(code.replace(/\s+/g, ''));
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
      <ErrorAlert error={problem ?? confirm.error} />
      <TextField
        label={t('field.totpCode')}
        inputMode="numeric"
        autoComplete="one-time-code"
        required
        value={code}
        onValue={setCode}
      />
      <div className="form-actions">
        <button type="submit" disabled={confirm.isPending}>
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
  const [problem, setProblem] = useState<string | null>(null);
  const disable = useMutation({
    mutationFn: (current: string) => api.post<void>('/api/account/totp/disable', { password: current }),
    onSuccess: onDone,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    if (!password) {
      disable.reset();
      setProblem(t('validation.required', { field: t('totp.disablePassword') }));
      return;
    }
    disable.mutate(password);
  };
  return (
    <form className="form" onSubmit={submit} noValidate>
      <p>{t('totp.disableIntro')}</p>
      <ErrorAlert error={problem ?? disable.error} />
      <TextField
        label={t('totp.disablePassword')}
        type="password"
        autoComplete="current-password"
        required
        value={password}
        onValue={setPassword}
      />
      <div className="form-actions">
        <button type="submit" className="button-danger" disabled={disable.isPending}>
          {t('totp.disable')}
        </button>
      </div>
    </form>
  );
}
