// The addresses without an organisation in them (/assets, /vulns/findings: the menu and the home block when there is
// nothing to show): a member of one organisation goes straight to its page; a member of several chooses.
import { Link, Navigate } from 'react-router';
import { Page } from '../../components/page.tsx';
import { useI18n } from '../../i18n/index.ts';
import { membershipName } from '../../lib/reference.ts';
import { useSession } from '../../session/session-context.tsx';

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
