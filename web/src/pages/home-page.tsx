import { Card, Page } from '../components/page.tsx';
import { useI18n } from '../i18n/index.ts';
import { roleLabel } from '../lib/options.ts';
import { membershipName } from '../lib/reference.ts';
import { Link } from 'react-router';
import { hasRole, useSession } from '../session/session-context.tsx';
import type { MessageKey } from '../i18n/index.ts';
import { CoordinatorDashboard, MemberDashboard, ResponderDashboard } from './dashboards/home-dashboards.tsx';
import './reports/reports.css';

interface Shortcut {
  href: string;
  title: MessageKey;
  text: MessageKey;
}

export function HomePage() {
  const { t, locale } = useI18n();
  const { user } = useSession();
  if (!user) return null;

  const shortcuts: Shortcut[] = [];
  if (hasRole(user, 'administrator')) {
    shortcuts.push(
      { href: '/orgs', title: 'nav.orgs', text: 'home.orgsText' },
      { href: '/users', title: 'nav.users', text: 'home.usersText' },
      { href: '/outbox', title: 'nav.outbox', text: 'home.outboxText' },
    );
  }
  if (hasRole(user, 'administrator', 'auditor')) shortcuts.push({ href: '/audit', title: 'nav.audit', text: 'home.auditText' });
  shortcuts.push({ href: '/account', title: 'nav.account', text: 'home.accountText' });

  return (
    <Page title={t('home.title', { name: user.displayName })}>
      {user.memberships.length > 0 ? (
        // The one action for a member in trouble comes first (issue 19).
        <div className="report-action">
          <Link to="/reports/new" className="button report-action-link" aria-describedby="report-action-hint">{t('report.path.action')}</Link>
          <p className="hint" id="report-action-hint">{t('report.path.actionHint')}</p>
        </div>
      ) : null}
      <p className="lead">{t('home.intro')}</p>
      {/* What needs action now comes before who I am: each role's blocks, then the roles and organisations. */}
      {user.memberships.length > 0 ? <MemberDashboard /> : null}
      {hasRole(user, 'coordinator') ? <CoordinatorDashboard /> : null}
      {hasRole(user, 'responder') ? <ResponderDashboard /> : null}
      <div className="grid-2">
        <Card title={t('home.roles')} id="home-roles">
          {user.platformRoles.length > 0 ? (
            <ul className="tag-list">
              {user.platformRoles.map((role) => (
                <li key={role} className="tag">
                  {roleLabel(t, role)}
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">{t('home.noRoles')}</p>
          )}
        </Card>
        <Card title={t('home.orgs')} id="home-orgs">
          {user.memberships.length > 0 ? (
            <ul className="plain-list">
              {user.memberships.map((m) => (
                <li key={m.orgId}>
                  <Link to={`/orgs/${encodeURIComponent(m.orgId)}`}>{membershipName(m, locale)}</Link>{' '}
                  <span className="tag">{roleLabel(t, m.role)}</span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">{t('home.noOrgs')}</p>
          )}
        </Card>
      </div>
      <p><Link to="/community">{t('dash.communityLink')}</Link></p>
      <h2>{t('home.shortcuts')}</h2>
      <ul className="shortcut-list">
        {shortcuts.map((s) => (
          <li key={s.href}>
            <Link to={s.href} className="shortcut">
              <strong>{t(s.title)}</strong>
              <span>{t(s.text)}</span>
            </Link>
          </li>
        ))}
      </ul>
      {!user.totpEnabled ? (
        <p className="alert alert-info">
          {t('home.totpHint')} <Link to="/account">{t('nav.account')}</Link>
        </p>
      ) : null}
    </Page>
  );
}
