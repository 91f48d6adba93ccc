import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api/client.ts';
import type { Items, OrgMember, OrgRole } from '../../api/types.ts';
import { ErrorAlert, Loading, SuccessNote } from '../../components/alerts.tsx';
import { Card } from '../../components/page.tsx';
import { useI18n, useT } from '../../i18n/index.ts';
import { formatDateTime } from '../../lib/format.ts';
import { orgRoleOptions, roleLabel } from '../../lib/options.ts';

export function MembersSection({ orgId, canManage }: { orgId: string; canManage: boolean }) {
  const { t, locale } = useI18n();
  const base = `/api/orgs/${encodeURIComponent(orgId)}/members`;
  const queryClient = useQueryClient();
  const members = useQuery({ queryKey: ['orgs', orgId, 'members'], queryFn: () => api.get<Items<OrgMember>>(base) });
  const [message, setMessage] = useState('');
  const change = useMutation({
    mutationFn: ({ member, role }: { member: OrgMember; role: OrgRole | null }) => {
      setMessage('');
      const url = `${base}/${encodeURIComponent(member.userId)}`;
      return role ? api.put(url, { role }) : api.delete(url);
    },
    onSuccess: (_, { member, role }) => {
      setMessage(t(role ? 'members.roleChanged' : 'members.removed', { name: member.displayName }));
      return queryClient.invalidateQueries({ queryKey: ['orgs', orgId, 'members'] });
    },
  });
  const changeRole = (member: OrgMember, role: OrgRole) => change.mutate({ member, role });
  const remove = (member: OrgMember) => change.mutate({ member, role: null });

  return (
    <Card title={t('members.title')} id="members">
      <SuccessNote>{message}</SuccessNote>
      <ErrorAlert error={members.error ?? change.error} />
      {members.isPending ? <Loading /> : null}
      {members.data && members.data.items.length === 0 ? <p className="muted">{t('members.none')}</p> : null}
      {members.data && members.data.items.length > 0 ? (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{t('members.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('field.displayName')}</th>
                <th scope="col">{t('field.email')}</th>
                <th scope="col">{t('members.role')}</th>
                <th scope="col">{t('members.since')}</th>
                {canManage ? (
                  <th scope="col">
                    <span className="visually-hidden">{t('common.actions')}</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {members.data.items.map((member) => (
                <tr key={member.userId}>
                  <td>{member.displayName}</td>
                  <td>{member.email}</td>
                  <td>{canManage ? <RoleChanger member={member} onChange={changeRole} pending={change.isPending} /> : roleLabel(t, member.role)}</td>
                  <td>{formatDateTime(member.createdAt, locale)}</td>
                  {canManage ? (
                    <td>
                      <RemoveButton member={member} onRemove={remove} pending={change.isPending} />
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </Card>
  );
}

interface RowProps {
  member: OrgMember;
  pending: boolean;
}

function RoleChanger({ member, onChange, pending }: RowProps & { onChange: (m: OrgMember, role: OrgRole) => void }) {
  const t = useT();
  const [role, setRole] = useState<OrgRole>(member.role);
  const label = t('members.roleFor', { name: member.displayName });
  return (
    <div className="inline-control">
      <select aria-label={label} value={role} onChange={(event) => setRole(event.target.value as OrgRole)}>
        {orgRoleOptions(t).map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <button
        type="button"
        className="button-small"
        disabled={pending || role === member.role}
        onClick={() => onChange(member, role)}
        aria-label={t('members.changeRoleFor', { name: member.displayName })}
      >
        {t('members.changeRole')}
      </button>
    </div>
  );
}

function RemoveButton({ member, onRemove, pending }: RowProps & { onRemove: (m: OrgMember) => void }) {
  const t = useT();
  const [confirming, setConfirming] = useState(false);
  if (!confirming) {
    return (
      <button
        type="button"
        className="button-danger button-small"
        onClick={() => setConfirming(true)}
        aria-label={t('members.removeFor', { name: member.displayName })}
      >
        {t('members.remove')}
      </button>
    );
  }
  return (
    <div className="inline-control" role="group" aria-label={t('members.confirmRemove', { name: member.displayName })}>
      <span>{t('members.confirmRemove', { name: member.displayName })}</span>
      <button type="button" className="button-danger button-small" disabled={pending} onClick={() => onRemove(member)}>
        {t('members.confirmYes')}
      </button>
      <button type="button" className="button-secondary button-small" onClick={() => setConfirming(false)}>
        {t('common.cancel')}
      </button>
    </div>
  );
}


