import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, ApiError } from '../../api/client.ts';
import type { SignedIn } from '../../api/types.ts';
import { ErrorAlert } from '../../components/alerts.tsx';
import { TextField } from '../../components/fields.tsx';
import { Page } from '../../components/page.tsx';
import { useT } from '../../i18n/index.ts';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useSession } from '../../session/session-context.tsx';

/** Only same-site paths may be a redirect target after signing in. */
export function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export function LoginPage() {
  const navigate = useNavigate();
  const t = useT();
  const { signedIn, user } = useSession();
  const [query] = useSearchParams();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [totpCode, setTotpCode] = useState('');
  const [askTotp, setAskTotp] = useState(false);
  const login = useMutation({
    mutationFn: async (body: Record<string, string>): Promise<SignedIn | null> => {
      try {
        return await api.post<SignedIn>('/api/auth/login', body);
      } catch (error) {
        if (error instanceof ApiError && error.code === 'totp_required') {
          const first = !askTotp;
          setAskTotp(true);
          if (first) return null; // asking for the code is not an error the first time
        }
        throw error;
      }
    },
    onSuccess: (result) => {
      if (!result) return;
      signedIn(result);
      void navigate(result.user.mfaEnrollmentRequired && !result.user.totpEnabled ? '/account' : safeNext(query.get('next')));
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    login.mutate(askTotp ? { email, password, totpCode: totpCode.replace(/\s+/g, '') } : { email, password });
  };

  return (
    <Page title={t('login.title')} narrow>
      {user ? (
        <p>
          {t('login.already', { name: user.displayName })} <Link to="/">{t('nav.home')}</Link>
        </p>
      ) : null}
      <form className="form" onSubmit={submit} noValidate>
        <ErrorAlert error={login.error} />
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
          <button type="submit" disabled={login.isPending}>
            {t('login.submit')}
          </button>
          <Link to="/forgot">{t('login.forgot')}</Link>
        </div>
      </form>
    </Page>
  );
}
