import { useState, type FormEvent } from 'react';
import { api } from '../../api/client.ts';
import type { LinkInfo } from '../../api/types.ts';
import { ErrorAlert, ProblemList, SuccessNote } from '../../components/alerts.tsx';
import { Page } from '../../components/page.tsx';
import { PasswordPair, passwordProblems } from '../../components/password-pair.tsx';
import { useT } from '../../i18n/index.ts';
import { useHashToken } from '../../lib/use-hash-token.ts';
import { useAction } from '../../lib/use-load.ts';
import { Link } from '../../router.tsx';
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
            <Link href="/login">{t('common.backToLogin')}</Link>
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
  const action = useAction();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = passwordProblems(t, password, confirm);
    setProblems(found);
    if (found.length > 0) return;
    const ok = await action.run(() => api.post<void>('/api/auth/password-reset/complete', { token, password }));
    if (ok) onDone();
  };

  return (
    <>
      <p>{t('reset.intro', { email: info.email ?? '' })}</p>
      <form className="form" onSubmit={submit} noValidate>
        <ProblemList problems={problems} />
        <ErrorAlert error={action.error} />
        <PasswordPair password={password} confirm={confirm} onPassword={setPassword} onConfirm={setConfirm} />
        <div className="form-actions">
          <button type="submit" disabled={action.pending}>
            {t('reset.submit')}
          </button>
        </div>
      </form>
    </>
  );
}
