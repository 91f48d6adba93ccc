import { useState, type FormEvent } from 'react';
import { api } from '../../api/client.ts';
import type { Me } from '../../api/types.ts';
import { ErrorAlert, SuccessNote } from '../../components/alerts.tsx';
import { SelectField, TextField } from '../../components/fields.tsx';
import { Card } from '../../components/page.tsx';
import { isLocale, useT } from '../../i18n/index.ts';
import { localeOptions } from '../../lib/options.ts';
import { useAction } from '../../lib/use-load.ts';
import { useSession } from '../../session/session-context.tsx';

export function ProfileSection() {
  const t = useT();
  const { user, updateUser } = useSession();
  const [displayName, setDisplayName] = useState(user?.displayName ?? '');
  const [locale, setLocale] = useState<string>(user?.locale ?? 'ja');
  const [saved, setSaved] = useState(false);
  const action = useAction();
  if (!user) return null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    if (!displayName.trim()) {
      action.setError(t('validation.required', { field: t('field.displayName') }));
      return;
    }
    const ok = await action.run(async () => {
      const body = { displayName: displayName.trim(), locale: isLocale(locale) ? locale : user.locale };
      updateUser(await api.patch<Me>('/api/account', body));
    });
    setSaved(ok);
  };

  return (
    <Card title={t('account.profile')} id="profile">
      <form className="form" onSubmit={submit} noValidate>
        <ErrorAlert error={action.error} />
        {saved ? <SuccessNote>{t('common.saved')}</SuccessNote> : null}
        <TextField label={t('field.email')} value={user.email} onValue={() => undefined} readOnly />
        <TextField label={t('field.displayName')} autoComplete="name" required value={displayName} onValue={setDisplayName} />
        <SelectField label={t('field.locale')} value={locale} onValue={setLocale} options={localeOptions(t)} />
        <div className="form-actions">
          <button type="submit" disabled={action.pending}>
            {t('account.saveProfile')}
          </button>
        </div>
      </form>
    </Card>
  );
}
