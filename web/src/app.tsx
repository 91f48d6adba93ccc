import { lazy, Suspense, useEffect, useRef, type ReactNode } from 'react';
import { Header } from './components/header.tsx';
import { ErrorAlert, Loading } from './components/alerts.tsx';
import { useT } from './i18n/index.ts';
import { navigate, matchPath, useLocation } from './router.tsx';
import { hasRole, useSession } from './session/session-context.tsx';
import { LoginPage } from './pages/auth/login-page.tsx';
import { ForgotPage } from './pages/auth/forgot-page.tsx';
import { SetupPage } from './pages/auth/setup-page.tsx';
import { InvitePage } from './pages/auth/invite-page.tsx';
import { ResetPage } from './pages/auth/reset-page.tsx';
import { HomePage } from './pages/home-page.tsx';
import { AccountPage } from './pages/account/account-page.tsx';
import { OrgsPage } from './pages/orgs/orgs-page.tsx';
import { OrgPage } from './pages/orgs/org-page.tsx';
import { NewOrgPage } from './pages/orgs/new-org-page.tsx';
import { UsersPage } from './pages/users/users-page.tsx';
import { UserPage } from './pages/users/user-page.tsx';
import { AuditPage } from './pages/admin/audit-page.tsx';
import { OutboxPage } from './pages/admin/outbox-page.tsx';
import { IntelSearchPage } from './pages/intel/intel-search-page.tsx';
import { ObjectPage } from './pages/intel/object-page.tsx';
import { CollectionsPage } from './pages/intel/collections-page.tsx';
import { NotFoundPage } from './pages/not-found-page.tsx';
import { PublishPage } from './pages/sharing/publish-page.tsx';
import { LedgerPage } from './pages/ledger/ledger-page.tsx';
import { ReportsPage, TriagePage } from './pages/reports/reports-page.tsx';
import { ReportPage } from './pages/reports/report-page.tsx';
import { AmendPage, EditDraftPage, NewReportPage } from './pages/reports/report-edit-page.tsx';
import { CorrelationPage } from './pages/correlation/correlation-page.tsx';
import { AidDeskPage, AidListPage } from './pages/aid/aid-list-pages.tsx';
import { AidNewPage } from './pages/aid/aid-new-page.tsx';
import { AidRequestPage } from './pages/aid/aid-request-page.tsx';
import { ResponderHomePage, ResponderProfilePage } from './pages/aid/aid-responder-pages.tsx';
import { AidMetricsPage, AidVettingPage } from './pages/aid/aid-desk-pages.tsx';
import { MonthlyReportPage } from './pages/dashboards/monthly-report-page.tsx';

// The charting library is loaded only with the page that draws charts.
const CommunityPage = lazy(() => import('./pages/dashboards/community-page.tsx').then((m) => ({ default: m.CommunityPage })));
import { DirectoryPage } from './pages/directory/directory-page.tsx';
import { DirectoryManagePage } from './pages/directory/directory-manage-page.tsx';

interface Route {
  pattern: string;
  /** Signed-in users only; with roles, only users with one of them. */
  auth?: true | string[];
  render: (params: Record<string, string>) => ReactNode;
}

const ROUTES: Route[] = [
  { pattern: '/login', render: () => <LoginPage /> },
  { pattern: '/forgot', render: () => <ForgotPage /> },
  { pattern: '/setup', render: () => <SetupPage /> },
  { pattern: '/invite', render: () => <InvitePage /> },
  { pattern: '/reset', render: () => <ResetPage /> },
  { pattern: '/', auth: true, render: () => <HomePage /> },
  { pattern: '/account', auth: true, render: () => <AccountPage /> },
  { pattern: '/orgs', auth: true, render: () => <OrgsPage /> },
  { pattern: '/orgs/new', auth: ['administrator'], render: () => <NewOrgPage /> },
  { pattern: '/orgs/:id', auth: true, render: ({ id = '' }) => <OrgPage key={id} id={id} /> },
  { pattern: '/users', auth: ['administrator'], render: () => <UsersPage /> },
  { pattern: '/users/:id', auth: ['administrator'], render: ({ id = '' }) => <UserPage key={id} id={id} /> },
  { pattern: '/audit', auth: ['administrator', 'auditor'], render: () => <AuditPage /> },
  { pattern: '/outbox', auth: ['administrator'], render: () => <OutboxPage /> },
  // Not under /ledger: that prefix is the public ledger API.
  { pattern: '/accountability', auth: ['administrator', 'auditor', 'coordinator'], render: () => <LedgerPage /> },
  { pattern: '/intel', auth: true, render: () => <IntelSearchPage /> },
  { pattern: '/intel/collections', auth: true, render: () => <CollectionsPage /> },
  { pattern: '/intel/objects/:id', auth: true, render: ({ id = '' }) => <ObjectPage key={id} id={id} /> },
  { pattern: '/reports/:id/publish', auth: ['coordinator'], render: ({ id = '' }) => <PublishPage key={id} id={id} /> },
  // reports
  { pattern: '/reports', auth: true, render: () => <ReportsPage /> },
  { pattern: '/reports/new', auth: true, render: () => <NewReportPage /> },
  { pattern: '/reports/:id', auth: true, render: ({ id = '' }) => <ReportPage key={id} id={id} /> },
  { pattern: '/reports/:id/edit', auth: true, render: ({ id = '' }) => <EditDraftPage key={id} id={id} /> },
  { pattern: '/reports/:id/amend', auth: true, render: ({ id = '' }) => <AmendPage key={id} id={id} /> },
  { pattern: '/triage', auth: ['coordinator'], render: () => <TriagePage /> },
  { pattern: '/correlation', auth: true, render: () => <CorrelationPage /> },
  // mutual aid
  { pattern: '/aid', auth: true, render: () => <AidListPage /> },
  { pattern: '/aid/new', auth: true, render: () => <AidNewPage /> },
  { pattern: '/aid/requests/:id', auth: true, render: ({ id = '' }) => <AidRequestPage key={id} id={id} /> },
  { pattern: '/aid/responder', auth: ['responder'], render: () => <ResponderHomePage /> },
  { pattern: '/aid/profile', auth: ['responder'], render: () => <ResponderProfilePage /> },
  { pattern: '/aid/desk', auth: ['coordinator'], render: () => <AidDeskPage /> },
  { pattern: '/aid/responders', auth: ['coordinator'], render: () => <AidVettingPage /> },
  { pattern: '/aid/metrics', auth: ['coordinator', 'auditor'], render: () => <AidMetricsPage /> },
  { pattern: '/community', auth: true, render: () => <Suspense fallback={<Loading />}><CommunityPage /></Suspense> },
  { pattern: '/community/monthly', auth: true, render: () => <MonthlyReportPage /> },
  // The contact directory: public, no sign-in; coordinators curate it.
  { pattern: '/directory', render: () => <DirectoryPage /> },
  { pattern: '/directory/manage', auth: ['coordinator'], render: () => <DirectoryManagePage /> },
];

export function App() {
  const t = useT();
  const { path } = useLocation();
  const { loading, loadError, notice } = useSession();
  useFocusOnNavigation(path);

  let page: ReactNode = <NotFoundPage />;
  let route: Route | undefined;
  for (const candidate of ROUTES) {
    const params = matchPath(candidate.pattern, path);
    if (params) {
      route = candidate;
      page = candidate.render(params);
      break;
    }
  }

  return (
    <>
      <a className="skip-link" href="#main">
        {t('nav.skip')}
      </a>
      <Header />
      <main id="main" tabIndex={-1}>
        {notice && path === '/account' ? (
          <div className="alert alert-warning" role="alert">
            {notice}
          </div>
        ) : null}
        {loading ? <Loading /> : loadError ? <ErrorAlert error={t('error.sessionLoad')} /> : <Guard route={route}>{page}</Guard>}
      </main>
    </>
  );
}

function Guard({ route, children }: { route: Route | undefined; children: ReactNode }) {
  const t = useT();
  const { user } = useSession();
  const { path, query } = useLocation();
  const needsAuth = !!route?.auth;
  const here = path + (query.size ? `?${query.toString()}` : '');

  useEffect(() => {
    if (needsAuth && !user) navigate(`/login?next=${encodeURIComponent(here)}`, { replace: true });
    else if (needsAuth && user?.mfaEnrollmentRequired && !user.totpEnabled && path !== '/account') {
      navigate('/account', { replace: true });
    }
  }, [needsAuth, user, path, here]);

  if (needsAuth && !user) return <Loading />;
  if (Array.isArray(route?.auth) && !hasRole(user, ...route.auth)) {
    return (
      <section className="page">
        <h1>{t('error.forbiddenTitle')}</h1>
        <p>{t('error.forbidden')}</p>
      </section>
    );
  }
  return <>{children}</>;
}

/** After a client-side navigation, move focus to the main content so screen readers start at the new page. */
function useFocusOnNavigation(path: string) {
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    document.getElementById('main')?.focus({ preventScroll: true });
  }, [path]);
}
