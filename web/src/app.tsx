import { lazy, Suspense, useEffect, useRef, type ComponentType, type ReactNode } from 'react';
import { createBrowserRouter, Outlet, useLocation, useNavigate, useNavigationType, useParams } from 'react-router';
import { Header } from './components/header.tsx';
import { ErrorAlert, Loading } from './components/alerts.tsx';
import { useT } from './i18n/index.ts';
import { hasRole, SessionProvider, useSession } from './session/session-context.tsx';
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
import { AdvisoryPage } from './pages/advisories/advisory-page.tsx';
import { GlossaryPage } from './pages/glossary/glossary-page.tsx';
import { LedgerPage } from './pages/ledger/ledger-page.tsx';
import { ReportsPage, TriagePage } from './pages/reports/reports-page.tsx';
import { ReportPage } from './pages/reports/report-page.tsx';
import { AmendPage, EditDraftPage } from './pages/reports/report-edit-page.tsx';
import { NewReportPage } from './pages/reports/new-report-page.tsx';
import { ReportSentPage } from './pages/reports/report-sent-page.tsx';
import { CorrelationPage } from './pages/correlation/correlation-page.tsx';
import { AidDeskPage, AidListPage } from './pages/aid/aid-list-pages.tsx';
import { AidRequestPage } from './pages/aid/aid-request-page.tsx';
import { ResponderHomePage, ResponderProfilePage } from './pages/aid/aid-responder-pages.tsx';
import { AidMetricsPage, AidVettingPage } from './pages/aid/aid-desk-pages.tsx';
import { MonthlyReportPage } from './pages/dashboards/monthly-report-page.tsx';
import { AssetsPage } from './pages/vulns/assets-page.tsx';
import { FindingsPage } from './pages/vulns/findings-page.tsx';
import { OrgChooser } from './pages/vulns/org-chooser.tsx';
import { VulnsSummaryPage } from './pages/vulns/vulns-summary-page.tsx';

// The charting library is loaded only with the page that draws charts.
const CommunityPage = lazy(() => import('./pages/dashboards/community-page.tsx').then((m) => ({ default: m.CommunityPage })));
import { DirectoryPage } from './pages/directory/directory-page.tsx';
import { DirectoryManagePage } from './pages/directory/directory-manage-page.tsx';

interface AppRoute {
  path: string;
  /** Signed-in users only; with roles, only users with one of them. */
  auth?: true | string[];
  element: ReactNode;
}

const ROUTES: AppRoute[] = [
  { path: '/login', element: <LoginPage /> },
  { path: '/forgot', element: <ForgotPage /> },
  { path: '/setup', element: <SetupPage /> },
  { path: '/invite', element: <InvitePage /> },
  { path: '/reset', element: <ResetPage /> },
  { path: '/', auth: true, element: <HomePage /> },
  { path: '/account', auth: true, element: <AccountPage /> },
  { path: '/orgs', auth: true, element: <OrgsPage /> },
  { path: '/orgs/new', auth: ['administrator'], element: <NewOrgPage /> },
  { path: '/orgs/:id', auth: true, element: <WithId page={OrgPage} /> },
  { path: '/users', auth: ['administrator'], element: <UsersPage /> },
  { path: '/users/:id', auth: ['administrator'], element: <WithId page={UserPage} /> },
  { path: '/audit', auth: ['administrator', 'auditor'], element: <AuditPage /> },
  { path: '/outbox', auth: ['administrator'], element: <OutboxPage /> },
  // Not under /ledger: that prefix is the public ledger API.
  { path: '/accountability', auth: ['administrator', 'auditor', 'coordinator'], element: <LedgerPage /> },
  { path: '/intel', auth: true, element: <IntelSearchPage /> },
  { path: '/intel/collections', auth: true, element: <CollectionsPage /> },
  { path: '/intel/objects/:id', auth: true, element: <WithId page={ObjectPage} /> },
  { path: '/advisories/:id', auth: true, element: <WithId page={AdvisoryPage} /> },
  { path: '/reports/:id/publish', auth: ['coordinator'], element: <WithId page={PublishPage} /> },
  // reports
  { path: '/reports', auth: true, element: <ReportsPage /> },
  { path: '/reports/new', auth: true, element: <NewReportPage /> },
  { path: '/reports/:id', auth: true, element: <WithId page={ReportPage} /> },
  { path: '/reports/:id/sent', auth: true, element: <WithId page={ReportSentPage} /> },
  { path: '/reports/:id/edit', auth: true, element: <WithId page={EditDraftPage} /> },
  { path: '/reports/:id/amend', auth: true, element: <WithId page={AmendPage} /> },
  { path: '/triage', auth: ['coordinator'], element: <TriagePage /> },
  { path: '/correlation', auth: true, element: <CorrelationPage /> },
  // mutual aid
  { path: '/aid', auth: true, element: <AidListPage /> },
  { path: '/aid/requests/:id', auth: true, element: <WithId page={AidRequestPage} /> },
  { path: '/aid/responder', auth: ['responder'], element: <ResponderHomePage /> },
  { path: '/aid/profile', auth: ['responder'], element: <ResponderProfilePage /> },
  { path: '/aid/desk', auth: ['coordinator'], element: <AidDeskPage /> },
  { path: '/aid/responders', auth: ['coordinator'], element: <AidVettingPage /> },
  { path: '/aid/metrics', auth: ['coordinator', 'auditor'], element: <AidMetricsPage /> },
  // devices and software, their vulnerability and end-of-life notices (issue 20); the short addresses pick the organisation
  { path: '/orgs/:id/assets', auth: true, element: <WithId page={AssetsPage} /> },
  { path: '/orgs/:id/findings', auth: true, element: <WithId page={FindingsPage} /> },
  { path: '/assets', auth: true, element: <OrgChooser kind="assets" /> },
  { path: '/vulns/findings', auth: true, element: <OrgChooser kind="findings" /> },
  { path: '/vulns', auth: ['coordinator'], element: <VulnsSummaryPage /> },
  { path: '/community', auth: true, element: <Suspense fallback={<Loading />}><CommunityPage /></Suspense> },
  { path: '/community/monthly', auth: true, element: <MonthlyReportPage /> },
  // The contact directory: public, no sign-in; coordinators curate it.
  { path: '/directory', element: <DirectoryPage /> },
  // Plain-language explanations of the field's words: for visitors too.
  { path: '/glossary', element: <GlossaryPage /> },
  { path: '/directory/manage', auth: ['coordinator'], element: <DirectoryManagePage /> },
];

/** The router of the whole UI: the shell around every page, each page behind its Guard, and "not found" for the rest. */
export function createAppRouter() {
  return createBrowserRouter([
    {
      element: <Shell />,
      children: [
        ...ROUTES.map(({ path, auth, element }) => ({ path, element: <Guard auth={auth}>{element}</Guard> })),
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ]);
}

/** A page about one thing (`/orgs/:id`): a new id is a new page, so no state carries over from the previous one. */
function WithId({ page: PageWithId }: { page: ComponentType<{ id: string }> }) {
  const { id = '' } = useParams();
  return <PageWithId key={id} id={id} />;
}

function Shell() {
  return (
    <SessionProvider>
      <App />
    </SessionProvider>
  );
}

function App() {
  const t = useT();
  const { pathname, hash } = useLocation();
  const { loading, loadError, notice } = useSession();
  useFocusOnNavigation(pathname, hash);
  useScrollToTopOnNavigation();

  return (
    <>
      <a className="skip-link" href="#main">
        {t('nav.skip')}
      </a>
      <Header />
      <main id="main" tabIndex={-1}>
        {notice && pathname === '/account' ? (
          <div className="alert alert-warning" role="alert">
            {notice}
          </div>
        ) : null}
        {loading ? <Loading /> : loadError ? <ErrorAlert error={t('error.sessionLoad')} /> : <Outlet />}
      </main>
    </>
  );
}

function Guard({ auth, children }: { auth: AppRoute['auth']; children: ReactNode }) {
  const t = useT();
  const { user } = useSession();
  const { pathname, search } = useLocation();
  const navigate = useNavigate();
  const needsAuth = !!auth;
  const here = pathname + search;

  useEffect(() => {
    if (needsAuth && !user) void navigate(`/login?next=${encodeURIComponent(here)}`, { replace: true });
    else if (needsAuth && user?.mfaEnrollmentRequired && !user.totpEnabled && pathname !== '/account') {
      void navigate('/account', { replace: true });
    }
  }, [needsAuth, user, pathname, here, navigate]);

  if (needsAuth && !user) return <Loading />;
  if (Array.isArray(auth) && !hasRole(user, ...auth)) {
    return (
      <section className="page">
        <h1>{t('error.forbiddenTitle')}</h1>
        <p>{t('error.forbidden')}</p>
      </section>
    );
  }
  return <>{children}</>;
}

/**
 * After a client-side navigation, move focus to the main content so screen readers start at the new page; a link to a
 * place in a page (/glossary#tlp) brings that place into view and focuses it instead.
 */
function useFocusOnNavigation(path: string, hash: string) {
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const target = hash.length > 1 ? document.getElementById(decodeURIComponent(hash.slice(1))) : null;
    if (target) {
      target.scrollIntoView();
      target.focus({ preventScroll: true });
    } else document.getElementById('main')?.focus({ preventScroll: true });
  }, [path, hash]);
}

/** A followed link or a redirect starts at the top of the new page; back and forward leave the scrolling to the browser. */
function useScrollToTopOnNavigation() {
  const location = useLocation();
  const type = useNavigationType();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    if (type !== 'POP' && !location.hash) window.scrollTo(0, 0);
  }, [location, type]);
}
