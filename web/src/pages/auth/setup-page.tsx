import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api } from '../../api/client.ts';
import type { SignedIn } from '../../api/types.ts';
import { ErrorAlert, ProblemList } from '../../components/alerts.tsx';
import { SelectField, TextField } from '../../components/fields.tsx';
import { Page } from '../../components/page.tsx';
import { PasswordPair, passwordProblems } from '../../components/password-pair.tsx';
import { isLocale, useI18n } from '../../i18n/index.ts';
import { localeOptions } from '../../lib/options.ts';
import { useHashToken } from '../../lib/use-hash-token.ts';
import { Link, useNavigate } from 'react-router';
import { useSession } from '../../session/session-context.tsx';

export function SetupPage() {
  const navigate = useNavigate();
  const { t, locale: uiLocale } = useI18n();
  const { setupRequired, signedIn } = useSession();
  const token = useHashToken();
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [chosenLocale, setLocale] = useState<string | null>(null);
  const locale = chosenLocale ?? uiLocale;
  const [problems, setProblems] = useState<string[]>([]);
  const setup = useMutation({
    mutationFn: (body: Record<string, unknown>) => api.post<SignedIn>('/api/auth/setup', body),
    onSuccess: (result) => {
      signedIn(result);
      void navigate('/');
    },
  });

  if (!setupRequired) {
    return (
      <Page title={t('setup.title')} narrow>
        <p role="status">{t('setup.done')}</p>
        <p>
          <Link to="/login">{t('common.backToLogin')}</Link>
        </p>
      </Page>
    );
  }
  if (!token) {
    return (
      <Page title={t('setup.title')} narrow>
        <ErrorAlert error={t('link.missingToken')} />
      </Page>
    );
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = [
      ...(email.trim() ? [] : [t('validation.required', { field: t('field.email') })]),
      ...(displayName.trim() ? [] : [t('validation.required', { field: t('field.displayName') })]),
      ...passwordProblems(t, password, confirm, t('field.password')),
    ];
    setProblems(found);
    if (found.length > 0) return;
    setup.mutate({ token, email: email.trim(), displayName: displayName.trim(), password, locale: isLocale(locale) ? locale : 'ja' });
  };

  return (
    <Page title={t('setup.title')} narrow>
      <p>{t('setup.intro')}</p>
      <form className="form" onSubmit={submit} noValidate>
        <ProblemList problems={problems} />
        <ErrorAlert error={setup.error} />
        <TextField label={t('field.email')} type="email" autoComplete="email" required value={email} onValue={setEmail} />
        <TextField label={t('field.displayName')} autoComplete="name" required value={displayName} onValue={setDisplayName} />
        <PasswordPair password={password} confirm={confirm} onPassword={setPassword} onConfirm={setConfirm} label={t('field.password')} />
        <SelectField label={t('field.locale')} value={locale} onValue={setLocale} options={localeOptions(t)} />
        <div className="form-actions">
          <button type="submit" disabled={setup.isPending}>
            {t('setup.submit')}
          </button>
        </div>
      </form>
    </Page>
  );
}
