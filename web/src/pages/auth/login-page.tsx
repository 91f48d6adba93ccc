import { useState, type FormEvent } from 'react';
import { api, ApiError } from '../../api/client.ts';
import type { SignedIn } from '../../api/types.ts';
import { ErrorAlert } from '../../components/alerts.tsx';
import { TextField } from '../../components/fields.tsx';
import { Page } from '../../components/page.tsx';
import { useT } from '../../i18n/index.ts';
import { useAction } from '../../lib/use-load.ts';
import { Link, navigate, useLocation } from '../../router.tsx';
import { useSession } from '../../session/session-context.tsx';

/** Only same-site paths may be a redirect target after signing in. */
export function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export function LoginPage() {
  const t = useT();
  const { signedIn, user } = useSession();
  const { query } = useLocation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [totpCode, setTotpCode] = useState('');
  const [askTotp, setAskTotp] = useState(false);
  const action = useAction();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    await action.run(async () => {
      try {
        const body = askTotp ? { email, password, totpCode: totpCode.replace(/\s+/g, '') } : { email, password };
        const result = await api.post<SignedIn>('/api/auth/login', body);
        signedIn(result);
        navigate(result.user.mfaEnrollmentRequired && !result.user.totpEnabled ? '/account' : safeNext(query.get('next')));
      } catch (error) {
        if (error instanceof ApiError && error.code === 'totp_required') {
          const first = !askTotp;
          setAskTotp(true);
          if (first) return; // asking for the code is not an error the first time
        }
        throw error;
      }
    });
  };

  return (
    <Page title={t('login.title')} narrow>
      {user ? (
        <p>
          {t('login.already', { name: user.displayName })} <Link href="/">{t('nav.home')}</Link>
        </p>
      ) : null}
      <form className="form" onSubmit={submit} noValidate>
        <ErrorAlert error={action.error} />
        <TextField label={t('field.email')} type="email" autoComplete="username" required value={email} onValue={setEmail} />
        <TextField
          label={t('field.password')}
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onValue={setPassword}
        />
        {askTotp ? (
          <>
            <p className="hint" role="status">
              {t('login.totpPrompt')}
            </p>
            <TextField
              label={t('field.totpCode')}
              inputMode="numeric"
              autoComplete="one-time-code"
              autoFocus
              required
              value={totpCode}
              onValue={setTotpCode}
            />
          </>
        ) : null}
        <div className="form-actions">
          <button type="submit" disabled={action.pending}>
            {t('login.submit')}
          </button>
          <Link href="/forgot">{t('login.forgot')}</Link>
        </div>
      </form>
    </Page>
  );
}
