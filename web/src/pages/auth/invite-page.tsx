import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api } from '../../api/client.ts';
import type { LinkInfo, SignedIn } from '../../api/types.ts';
import { ErrorAlert, ProblemList } from '../../components/alerts.tsx';
import { SelectField, TextField } from '../../components/fields.tsx';
import { Page } from '../../components/page.tsx';
import { PasswordPair, passwordProblems } from '../../components/password-pair.tsx';
import { isLocale, useI18n } from '../../i18n/index.ts';
import { localeOptions } from '../../lib/options.ts';
import { useHashToken } from '../../lib/use-hash-token.ts';
import { useNavigate } from 'react-router';
import { useSession } from '../../session/session-context.tsx';
import { LinkCheck } from './link-check.tsx';

export function InvitePage() {
  const { t } = useI18n();
  const token = useHashToken();
  return (
    <Page title={t('invite.title')} narrow>
      <LinkCheck token={token} kind="invite">
        {(info) => <InviteForm token={token} info={info} />}
      </LinkCheck>
    </Page>
  );
}

function InviteForm({ token, info }: { token: string; info: LinkInfo }) {
  const navigate = useNavigate();
  const { t, locale: uiLocale } = useI18n();
  const { signedIn } = useSession();
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [chosenLocale, setLocale] = useState<string | null>(null);
  const locale = chosenLocale ?? uiLocale;
  const [problems, setProblems] = useState<string[]>([]);
  const accept = useMutation({
    mutationFn: (body: Record<string, unknown>) => api.post<SignedIn>('/api/auth/invitations/accept', body),
    onSuccess: (result) => {
      signedIn(result);
      void navigate(result.user.mfaEnrollmentRequired && !result.user.totpEnabled ? '/account' : '/');
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = [
      ...(displayName.trim() ? [] : [t('validation.required', { field: t('field.displayName') })]),
      ...passwordProblems(t, password, confirm, t('field.password')),
    ];
    setProblems(found);
    if (found.length > 0) return;
    accept.mutate({ token, displayName: displayName.trim(), password, locale: isLocale(locale) ? locale : 'ja' });
  };

  return (
    <>
      <p>{t('invite.intro', { email: info.email ?? '' })}</p>
      <form className="form" onSubmit={submit} noValidate>
        <ProblemList problems={problems} />
        <ErrorAlert error={accept.error} />
        <TextField label={t('field.displayName')} autoComplete="name" required value={displayName} onValue={setDisplayName} />
        <PasswordPair password={password} confirm={confirm} onPassword={setPassword} onConfirm={setConfirm} label={t('field.password')} />
        <SelectField label={t('field.locale')} value={locale} onValue={setLocale} options={localeOptions(t)} />
        <div className="form-actions">
          <button type="submit" disabled={accept.isPending}>
            {t('invite.submit')}
          </button>
        </div>
      </form>
    </>
  );
}
