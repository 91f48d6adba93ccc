// The addresses without an organisation in them (/assets, /vulns/findings, /vulns/findings/:id, which the server's
// home block and mails link to): a member of one organisation goes straight to its page; a member of several chooses.
// A notice's own address finds the organisation whose list holds it and opens that list at the notice.
import { useQueries } from '@tanstack/react-query';
import { Link, Navigate } from 'react-router';
import { Loading } from '../../components/alerts.tsx';
import { Page } from '../../components/page.tsx';
import { useI18n } from '../../i18n/index.ts';
import { membershipName } from '../../lib/reference.ts';
import { useSession } from '../../session/session-context.tsx';
import { vulnKeys, vulnsApi } from './vulns-api.ts';

const pageOf = (orgId: string, kind: 'assets' | 'findings') => `/orgs/${encodeURIComponent(orgId)}/${kind}`;

export function OrgChooser({ kind }: { kind: 'assets' | 'findings' }) {
  const { t, locale } = useI18n();
  const { user } = useSession();
  const memberships = user?.memberships ?? [];
  const title = kind === 'assets' ? t('assets.title') : t('findings.title');
  if (memberships.length === 1 && memberships[0]) return <Navigate to={pageOf(memberships[0].orgId, kind)} replace />;
  return (
    <Page title={title} narrow>
      {memberships.length === 0 ? <p>{t('assets.noOrg')}</p> : (
        <>
          <p>{t('assets.chooseOrg')}</p>
          <ul className="plain-list">
            {memberships.map((m) => <li key={m.orgId}><Link to={pageOf(m.orgId, kind)}>{membershipName(m, locale)}</Link></li>)}
          </ul>
        </>
      )}
    </Page>
  );
}

/** /vulns/findings/:id → /orgs/:orgId/findings#finding-:id, the organisation found among the member's own. */
export function FindingRedirect({ id }: { id: string }) {
  const { user } = useSession();
  const memberships = user?.memberships ?? [];
  const lists = useQueries({
    queries: memberships.map((m) => ({ queryKey: vulnKeys.findings(m.orgId), queryFn: () => vulnsApi.findings(m.orgId) })),
  });
  const holder = memberships.find((_, i) => {
    const data = lists[i]?.data;
    return !!data && [...data.findings, ...data.checkVersion].some((f) => f.id === id);
  });
  if (holder) return <Navigate to={`${pageOf(holder.orgId, 'findings')}#finding-${encodeURIComponent(id)}`} replace />;
  if (lists.some((q) => q.isPending)) return <Loading />;
  return <OrgChooser kind="findings" />;
}
