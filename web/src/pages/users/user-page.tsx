import { useState, type FormEvent } from 'react';
import { api } from '../../api/client.ts';
import type { UserDetail } from '../../api/types.ts';
import { ErrorAlert, Loading, SuccessNote } from '../../components/alerts.tsx';
import { CheckboxGroup, SelectField, TextField } from '../../components/fields.tsx';
import { Card, Page } from '../../components/page.tsx';
import { useI18n } from '../../i18n/index.ts';
import { formatDateTime } from '../../lib/format.ts';
import { platformRoleOptions, roleLabel } from '../../lib/options.ts';
import { membershipName } from '../../lib/reference.ts';
import { useAction, useLoad } from '../../lib/use-load.ts';
import { Link } from '../../router.tsx';

export function UserPage({ id }: { id: string }) {
  const { t, locale } = useI18n();
  const user = useLoad(() => api.get<UserDetail>(`/api/users/${encodeURIComponent(id)}`), id);
  const reset = useAction();
  const [resetSent, setResetSent] = useState(false);
  const unlock = useAction();

  if (user.loading && !user.data) return <Loading />;
  if (!user.data) {
    return (
      <Page title={t('user.title')}>
        <ErrorAlert error={user.error} />
      </Page>
    );
  }
  const current = user.data;

  const sendReset = async () => {
    setResetSent(false);
    setResetSent(await reset.run(() => api.post<void>(`/api/users/${encodeURIComponent(id)}/password-reset`)));
  };

  const unlockAccount = async () => {
    if (await unlock.run(() => api.post<void>(`/api/users/${encodeURIComponent(id)}/unlock`))) {
      user.setData({ ...current, lockedUntil: null });
    }
  };

  return (
    <Page title={current.displayName}>
      <p>
        <Link href="/users">{t('user.back')}</Link>
      </p>
      <Card title={t('user.facts')} id="user-facts">
        <dl className="summary">
          <dt>{t('field.email')}</dt>
          <dd>{current.email}</dd>
          <dt>{t('field.locale')}</dt>
          <dd>{t(`locale.${current.locale}`)}</dd>
          <dt>{t('users.created')}</dt>
          <dd>{formatDateTime(current.createdAt, locale)}</dd>
          <dt>{t('totp.title')}</dt>
          <dd>{current.totpEnabled ? t('totp.statusOn') : t('totp.statusOff')}</dd>
          <dt>{t('user.lockedUntil')}</dt>
          <dd>
            {current.lockedUntil ? formatDateTime(current.lockedUntil, locale) : t('user.notLocked')}
            {current.lockedUntil ? (
              <>
                {' '}
                <button type="button" onClick={() => void unlockAccount()} disabled={unlock.pending}>
                  {t('user.unlock')}
                </button>
              </>
            ) : null}
            <ErrorAlert error={unlock.error} />
          </dd>
          <dt>{t('home.orgs')}</dt>
          <dd>
            {current.memberships.length > 0 ? (
              <ul className="plain-list">
                {current.memberships.map((m) => (
                  <li key={m.orgId}>
                    <Link href={`/orgs/${encodeURIComponent(m.orgId)}`}>{membershipName(m, locale)}</Link>{' '}
                    <span className="tag">{roleLabel(t, m.role)}</span>
                  </li>
                ))}
              </ul>
            ) : (
              <span className="muted">{t('common.none')}</span>
            )}
          </dd>
        </dl>
      </Card>
      <Card title={t('user.edit')} id="user-edit">
        <UserEditForm user={current} onSaved={user.setData} />
      </Card>
      <Card title={t('user.passwordReset')} id="user-reset">
        <p>{t('user.passwordResetIntro')}</p>
        <ErrorAlert error={reset.error} />
        {resetSent ? <SuccessNote>{t('user.passwordResetSent', { email: current.email })}</SuccessNote> : null}
        <button type="button" onClick={() => void sendReset()} disabled={reset.pending}>
          {t('user.sendPasswordReset')}
        </button>
      </Card>
    </Page>
  );
}

function UserEditForm({ user, onSaved }: { user: UserDetail; onSaved: (user: UserDetail) => void }) {
  const t = useI18n().t;
  const [displayName, setDisplayName] = useState(user.displayName);
  const [status, setStatus] = useState<string>(user.status);
  const [roles, setRoles] = useState<string[]>(user.platformRoles);
  const [saved, setSaved] = useState(false);
  const action = useAction();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    if (!displayName.trim()) {
      action.setError(t('validation.required', { field: t('field.displayName') }));
      return;
    }
    const ok = await action.run(async () => {
      const body = { displayName: displayName.trim(), status, platformRoles: roles };
      const updated = await api.patch<Partial<UserDetail>>(`/api/users/${encodeURIComponent(user.id)}`, body);
      // the response may be the summary shape; keep what it does not carry
      onSaved({ ...user, ...updated });
    });
    setSaved(ok);
  };

  return (
    <form className="form" onSubmit={submit} noValidate>
      <ErrorAlert error={action.error} />
      {saved ? <SuccessNote>{t('common.saved')}</SuccessNote> : null}
      <TextField label={t('field.displayName')} required value={displayName} onValue={setDisplayName} />
      <SelectField
        label={t('users.status')}
        value={status}
        onValue={setStatus}
        options={[
          { value: 'active', label: t('userStatus.active') },
          { value: 'disabled', label: t('userStatus.disabled') },
        ]}
      />
      <CheckboxGroup legend={t('users.roles')} options={platformRoleOptions(t)} values={roles} onValues={setRoles} />
      <div className="form-actions">
        <button type="submit" disabled={action.pending}>
          {t('common.save')}
        </button>
      </div>
    </form>
  );
}
