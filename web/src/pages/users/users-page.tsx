import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api } from '../../api/client.ts';
import type { Items, UserSummary } from '../../api/types.ts';
import { ErrorAlert, Loading } from '../../components/alerts.tsx';
import { TextField } from '../../components/fields.tsx';
import { Card, Page } from '../../components/page.tsx';
import { useI18n } from '../../i18n/index.ts';
import { formatDateTime } from '../../lib/format.ts';
import { roleLabel } from '../../lib/options.ts';
import { Link } from 'react-router';
import { InviteForm } from './invite-form.tsx';

export function UsersPage() {
  const { t, locale } = useI18n();
  const [draft, setDraft] = useState('');
  const [q, setQ] = useState('');
  const users = useQuery({ queryKey: ['users', 'list', q], queryFn: () => api.get<Items<UserSummary>>('/api/users', { q }) });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setQ(draft.trim());
  };

  return (
    <Page title={t('users.title')}>
      <form className="filters" onSubmit={submit} role="search" aria-label={t('users.search')}>
        <TextField label={t('users.q')} type="search" value={draft} onValue={setDraft} />
        <div className="filter-actions">
          <button type="submit">{t('common.search')}</button>
        </div>
      </form>
      <ErrorAlert error={users.error} />
      {users.isPending ? <Loading /> : null}
      {users.data && users.data.items.length === 0 ? <p className="muted">{t('users.none')}</p> : null}
      {users.data && users.data.items.length > 0 ? (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{t('users.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('field.displayName')}</th>
                <th scope="col">{t('field.email')}</th>
                <th scope="col">{t('users.roles')}</th>
                <th scope="col">{t('users.status')}</th>
                <th scope="col">{t('users.created')}</th>
              </tr>
            </thead>
            <tbody>
              {users.data.items.map((user) => (
                <tr key={user.id}>
                  <td>
                    <Link to={`/users/${encodeURIComponent(user.id)}`}>{user.displayName}</Link>
                  </td>
                  <td>{user.email}</td>
                  <td>{user.platformRoles.map((role) => roleLabel(t, role)).join(', ') || '—'}</td>
                  <td>
                    <span className={`tag user-${user.status}`}>{t(`userStatus.${user.status}`)}</span>
                  </td>
                  <td>{formatDateTime(user.createdAt, locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <Card title={t('invite.formTitle')} id="users-invite">
        <InviteForm />
      </Card>
    </Page>
  );
}
