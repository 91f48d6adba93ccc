import { useState, type FormEvent } from 'react';
import { api } from '../../api/client.ts';
import { ErrorAlert, SuccessNote } from '../../components/alerts.tsx';
import { TextField } from '../../components/fields.tsx';
import { Page } from '../../components/page.tsx';
import { useT } from '../../i18n/index.ts';
import { useAction } from '../../lib/use-load.ts';
import { Link } from '../../router.tsx';

export function ForgotPage() {
  const t = useT();
  const [email, setEmail] = useState('');
  const [sent, setSent] = useState(false);
  const action = useAction();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!email.trim()) {
      action.setError(t('validation.required', { field: t('field.email') }));
      return;
    }
    const ok = await action.run(() => api.post<void>('/api/auth/password-reset/request', { email: email.trim() }));
    setSent(ok);
  };

  return (
    <Page title={t('forgot.title')} narrow>
      <p>{t('forgot.intro')}</p>
      {sent ? <SuccessNote>{t('forgot.sent')}</SuccessNote> : null}
      <form className="form" onSubmit={submit} noValidate>
        <ErrorAlert error={action.error} />
        <TextField label={t('field.email')} type="email" autoComplete="email" required value={email} onValue={setEmail} />
        <div className="form-actions">
          <button type="submit" disabled={action.pending}>
            {t('forgot.submit')}
          </button>
          <Link href="/login">{t('common.backToLogin')}</Link>
        </div>
      </form>
    </Page>
  );
}
