import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api } from '../../api/client.ts';
import type { LinkInfo } from '../../api/types.ts';
import { ErrorAlert, ProblemList, SuccessNote } from '../../components/alerts.tsx';
import { Page } from '../../components/page.tsx';
import { PasswordPair, passwordProblems } from '../../components/password-pair.tsx';
import { useT } from '../../i18n/index.ts';
import { useHashToken } from '../../lib/use-hash-token.ts';
import { Link } from 'react-router';
import { LinkCheck } from './link-check.tsx';

export function ResetPage() {
  const t = useT();
  const token = useHashToken();
  const [done, setDone] = useState(false);
  return (
    <Page title={t('reset.title')} narrow>
      {done ? (
        <>
          <SuccessNote>{t('reset.done')}</SuccessNote>
          <p>
            <Link to="/login">{t('common.backToLogin')}</Link>
          </p>
        </>
      ) : (
        <LinkCheck token={token} kind="reset">
          {(info) => <ResetForm token={token} info={info} onDone={() => setDone(true)} />}
        </LinkCheck>
      )}
    </Page>
  );
}

function ResetForm({ token, info, onDone }: { token: string; info: LinkInfo; onDone: () => void }) {
  const t = useT();
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [problems, setProblems] = useState<string[]>([]);
  const complete = useMutation({
    mutationFn: () => api.post<void>('/api/auth/password-reset/complete', { token, password }),
    onSuccess: onDone,
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = passwordProblems(t, password, confirm);
    setProblems(found);
    if (found.length > 0) return;
    complete.mutate();
  };

  return (
    <>
      <p>{t('reset.intro', { email: info.email ?? '' })}</p>
      <form className="form" onSubmit={submit} noValidate>
        <ProblemList problems={problems} />
        <ErrorAlert error={complete.error} />
        <PasswordPair password={password} confirm={confirm} onPassword={setPassword} onConfirm={setConfirm} />
        <div className="form-actions">
          <button type="submit" disabled={complete.isPending}>
            {t('reset.submit')}
          </button>
        </div>
      </form>
    </>
  );
}
