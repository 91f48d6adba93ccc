import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api } from '../../api/client.ts';
import { ErrorAlert, SuccessNote } from '../../components/alerts.tsx';
import { TextField } from '../../components/fields.tsx';
import { Page } from '../../components/page.tsx';
import { useT } from '../../i18n/index.ts';
import { Link } from 'react-router';

export function ForgotPage() {
  const t = useT();
  const [email, setEmail] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const request = useMutation({ mutationFn: (address: string) => api.post<void>('/api/auth/password-reset/request', { email: address }) });
  const sent = request.isSuccess;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    if (!email.trim()) {
      request.reset();
      setProblem(t('validation.required', { field: t('field.email') }));
      return;
    }
    request.mutate(email.trim());
  };

  return (
    <Page title={t('forgot.title')} narrow>
      <p>{t('forgot.intro')}</p>
      {sent ? <SuccessNote>{t('forgot.sent')}</SuccessNote> : null}
      <form className="form" onSubmit={submit} noValidate>
        <ErrorAlert error={problem ?? request.error} />
        <TextField label={t('field.email')} type="email" autoComplete="email" required value={email} onValue={setEmail} />
        <div className="form-actions">
          <button type="submit" disabled={request.isPending}>
            {t('forgot.submit')}
          </button>
          <Link to="/login">{t('common.backToLogin')}</Link>
        </div>
      </form>
    </Page>
  );
}
