import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
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
import { Link } from 'react-router';

export function UserPage({ id }: { id: string }) {
  const { t, locale } = useI18n();
  const queryClient = useQueryClient();
  const user = useQuery({ queryKey: ['users', id], queryFn: () => api.get<UserDetail>(`/api/users/${encodeURIComponent(id)}`) });
  const reset = useMutation({ mutationFn: () => api.post<void>(`/api/users/${encodeURIComponent(id)}/password-reset`) });
  const unlock = useMutation({
    mutationFn: () => api.post<void>(`/api/users/${encodeURIComponent(id)}/unlock`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['users'] }),
  });

  if (user.isPending) return <Loading />;
  if (!user.data) {
    return (
      <Page title={t('user.title')}>
        <ErrorAlert error={user.error} />
      </Page>
    );
  }
  const current = user.data;


  return (
    <Page title={current.displayName}>
      <p>
        <Link to="/users">{t('user.back')}</Link>
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
                <button type="button" onClick={() => unlock.mutate()} disabled={unlock.isPending}>
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
                    <Link to={`/orgs/${encodeURIComponent(m.orgId)}`}>{membershipName(m, locale)}</Link>{' '}
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
        <UserEditForm user={current} />
      </Card>
      <Card title={t('user.passwordReset')} id="user-reset">
        <p>{t('user.passwordResetIntro')}</p>
        <ErrorAlert error={reset.error} />
        {reset.isSuccess ? <SuccessNote>{t('user.passwordResetSent', { email: current.email })}</SuccessNote> : null}
        <button type="button" onClick={() => reset.mutate()} disabled={reset.isPending}>
          {t('user.sendPasswordReset')}
        </button>
      </Card>
    </Page>
  );
}

function UserEditForm({ user }: { user: UserDetail }) {
  const t = useI18n().t;
  const queryClient = useQueryClient();
  const [displayName, setDisplayName] = useState(user.displayName);
  const [status, setStatus] = useState<string>(user.status);
  const [roles, setRoles] = useState<string[]>(user.platformRoles);
  const [problem, setProblem] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: (body: { displayName: string; status: string; platformRoles: string[] }) =>
      api.patch<unknown>(`/api/users/${encodeURIComponent(user.id)}`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['users'] }),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    if (!displayName.trim()) {
      save.reset();
      setProblem(t('validation.required', { field: t('field.displayName') }));
      return;
    }
    save.mutate({ displayName: displayName.trim(), status, platformRoles: roles });
  };

  return (
    <form className="form" onSubmit={submit} noValidate>
      <ErrorAlert error={problem ?? save.error} />
      {save.isSuccess ? <SuccessNote>{t('common.saved')}</SuccessNote> : null}
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
        <button type="submit" disabled={save.isPending}>
          {t('common.save')}
        </button>
      </div>
    </form>
  );
}
