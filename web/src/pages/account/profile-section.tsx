import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api } from '../../api/client.ts';
import type { Me } from '../../api/types.ts';
import { ErrorAlert, SuccessNote } from '../../components/alerts.tsx';
import { SelectField, TextField } from '../../components/fields.tsx';
import { Card } from '../../components/page.tsx';
import { isLocale, useT } from '../../i18n/index.ts';
import { localeOptions } from '../../lib/options.ts';
import { useSession } from '../../session/session-context.tsx';

export function ProfileSection() {
  const t = useT();
  const { user, updateUser } = useSession();
  const [displayName, setDisplayName] = useState(user?.displayName ?? '');
  const [locale, setLocale] = useState<string>(user?.locale ?? 'ja');
  const [problem, setProblem] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: (body: { displayName: string; locale: string }) => api.patch<Me>('/api/account', body),
    onSuccess: updateUser,
  });
  if (!user) return null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    if (!displayName.trim()) {
      save.reset();
      setProblem(t('validation.required', { field: t('field.displayName') }));
      return;
    }
    save.mutate({ displayName: displayName.trim(), locale: isLocale(locale) ? locale : user.locale });
  };

  return (
    <Card title={t('account.profile')} id="profile">
      <form className="form" onSubmit={submit} noValidate>
        <ErrorAlert error={problem ?? save.error} />
        {save.isSuccess ? <SuccessNote>{t('common.saved')}</SuccessNote> : null}
        <TextField label={t('field.email')} value={user.email} onValue={() => undefined} readOnly />
        <TextField label={t('field.displayName')} autoComplete="name" required value={displayName} onValue={setDisplayName} />
        <SelectField label={t('field.locale')} value={locale} onValue={setLocale} options={localeOptions(t)} />
        <div className="form-actions">
          <button type="submit" disabled={save.isPending}>
            {t('account.saveProfile')}
          </button>
        </div>
      </form>
    </Card>
  );
}
