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
import { useAction } from '../../lib/use-load.ts';
import { navigate } from '../../router.tsx';
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
  const { t, locale: uiLocale } = useI18n();
  const { signedIn } = useSession();
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [chosenLocale, setLocale] = useState<string | null>(null);
  const locale = chosenLocale ?? uiLocale;
  const [problems, setProblems] = useState<string[]>([]);
  const action = useAction();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = [
      ...(displayName.trim() ? [] : [t('validation.required', { field: t('field.displayName') })]),
      ...passwordProblems(t, password, confirm, t('field.password')),
    ];
    setProblems(found);
    if (found.length > 0) return;
    await action.run(async () => {
      const body = { token, displayName: displayName.trim(), password, locale: isLocale(locale) ? locale : 'ja' };
      const result = await api.post<SignedIn>('/api/auth/invitations/accept', body);
      signedIn(result);
      navigate(result.user.mfaEnrollmentRequired && !result.user.totpEnabled ? '/account' : '/');
    });
  };

  return (
    <>
      <p>{t('invite.intro', { email: info.email ?? '' })}</p>
      <form className="form" onSubmit={submit} noValidate>
        <ProblemList problems={problems} />
        <ErrorAlert error={action.error} />
        <TextField label={t('field.displayName')} autoComplete="name" required value={displayName} onValue={setDisplayName} />
        <PasswordPair password={password} confirm={confirm} onPassword={setPassword} onConfirm={setConfirm} label={t('field.password')} />
        <SelectField label={t('field.locale')} value={locale} onValue={setLocale} options={localeOptions(t)} />
        <div className="form-actions">
          <button type="submit" disabled={action.pending}>
            {t('invite.submit')}
          </button>
        </div>
      </form>
    </>
  );
}
