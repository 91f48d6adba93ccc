import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api/client.ts';
import type { Org, OrgInput } from '../../api/types.ts';
import { ErrorAlert, Loading, SuccessNote } from '../../components/alerts.tsx';
import { Card, Page } from '../../components/page.tsx';
import { useI18n } from '../../i18n/index.ts';
import { orgName } from '../../lib/reference.ts';
import { Link, useSearchParams } from 'react-router';
import { hasRole, isOrgAdmin, useSession } from '../../session/session-context.tsx';
import { InviteForm } from '../users/invite-form.tsx';
import { MembersSection } from './members-section.tsx';
import { draftOf } from './org-draft.ts';
import { OrgForm } from './org-form.tsx';
import { OrgSummary } from './org-summary.tsx';
import { RememberedRedactions } from './remembered-redactions.tsx';

export function OrgPage({ id }: { id: string }) {
  const { t, locale } = useI18n();
  const { user } = useSession();
  const [query] = useSearchParams();
  const queryClient = useQueryClient();
  const org = useQuery({ queryKey: ['orgs', id], queryFn: () => api.get<Org>(`/api/orgs/${encodeURIComponent(id)}`) });
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);

  const admin = hasRole(user, 'administrator');
  const canManage = admin || isOrgAdmin(user, id);
  const isMember = admin || !!user?.memberships.some((m) => m.orgId === id);

  if (org.isPending) return <Loading />;
  if (!org.data) {
    return (
      <Page title={t('org.title')}>
        <ErrorAlert error={org.error} />
      </Page>
    );
  }
  const current = org.data;

  const save = async (input: OrgInput) => {
    // only administrators may change the status, so others do not send it
    const body: Partial<OrgInput> = { ...input };
    if (!admin) delete body.status;
    await api.patch<Org>(`/api/orgs/${encodeURIComponent(id)}`, body);
    await queryClient.invalidateQueries({ queryKey: ['orgs'] });
    setEditing(false);
    setSaved(true);
  };

  return (
    <Page
      title={orgName(current, locale)}
      actions={
        canManage && !editing ? (
          <button type="button" onClick={() => {
              setSaved(false);
              setEditing(true);
            }}>
            {t('org.edit')}
          </button>
        ) : null
      }
    >
      {query.get('created') && !editing && !saved ? <SuccessNote>{t('orgs.created')}</SuccessNote> : null}
      {saved ? <SuccessNote>{t('common.saved')}</SuccessNote> : null}
      <Card title={t('org.profile')} id="org-profile">
        {editing ? (
          <OrgForm
            initial={draftOf(current)}
            canSetStatus={admin}
            submitLabel={t('common.save')}
            onSubmit={save}
            onCancel={() => setEditing(false)}
          />
        ) : (
          <OrgSummary org={current} />
        )}
      </Card>
      {user?.memberships.some((m) => m.orgId === id) ? (
        <Card title={t('assets.title')} id="org-assets">
          <p>{t('assets.intro')}</p>
          <ul className="plain-list">
            <li><Link to={`/orgs/${encodeURIComponent(id)}/assets`}>{t('assets.title')}</Link></li>
            <li><Link to={`/orgs/${encodeURIComponent(id)}/findings`}>{t('findings.title')}</Link></li>
          </ul>
        </Card>
      ) : hasRole(user, 'coordinator') ? (
        <p><Link to={`/orgs/${encodeURIComponent(id)}/assets`}>{t('assets.title')}</Link></p>
      ) : null}
      {isMember ? <MembersSection orgId={id} canManage={canManage} /> : null}
      {hasRole(user, 'coordinator') ? <RememberedRedactions orgId={id} /> : null}
      {canManage ? (
        <Card title={t('invite.formTitle')} id="org-invite">
          <InviteForm fixedOrgId={id} />
        </Card>
      ) : null}
    </Page>
  );
}
