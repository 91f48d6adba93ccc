// Every main page of the web UI, for the accessibility run (a11y.test.ts): adding a page is one line.
// `:name` parts of a path are filled from the fixture ids the test creates (see A11yFixture).

/** Who visits the page: a demo sign-in (src/demo/demo.ts), or nobody. */
export type PageRole = 'anonymous' | 'admin' | 'auditor' | 'coordinator' | 'responder' | 'hospital-admin' | 'hospital-staff';

export interface MainPage {
  path: string;
  role: PageRole;
  /** File name of the screenshots and the name in failure messages. */
  name: string;
}

export const MAIN_PAGES: MainPage[] = [
  { path: '/login', role: 'anonymous', name: 'sign-in' },
  { path: '/forgot', role: 'anonymous', name: 'forgot-password' },
  { path: '/setup', role: 'anonymous', name: 'set-up' },
  { path: '/invite', role: 'anonymous', name: 'invitation' },
  { path: '/reset', role: 'anonymous', name: 'password-reset' },
  { path: '/', role: 'hospital-staff', name: 'home-member' },
  { path: '/', role: 'hospital-admin', name: 'home-org-admin' },
  { path: '/', role: 'coordinator', name: 'home-coordinator' },
  { path: '/', role: 'responder', name: 'home-responder' },
  { path: '/', role: 'admin', name: 'home-admin' },
  { path: '/', role: 'auditor', name: 'home-auditor' },
  { path: '/orgs', role: 'admin', name: 'organisations' },
  { path: '/orgs/new', role: 'admin', name: 'organisation-new' },
  { path: '/orgs/:hospital', role: 'hospital-admin', name: 'organisation-org-admin' },
  { path: '/orgs/:hospital', role: 'admin', name: 'organisation-admin' },
  { path: '/orgs/:hospital', role: 'coordinator', name: 'organisation-coordinator' },
  { path: '/users', role: 'admin', name: 'users' },
  { path: '/users/:staffUser', role: 'admin', name: 'user' },
  { path: '/intel', role: 'hospital-staff', name: 'intel-browse' },
  { path: '/intel/objects/:indicator', role: 'hospital-staff', name: 'intel-object' },
  { path: '/intel/collections', role: 'hospital-staff', name: 'intel-collections' },
  { path: '/reports', role: 'hospital-staff', name: 'reports' },
  { path: '/reports/new', role: 'hospital-staff', name: 'report-new' },
  { path: '/reports/:draft/edit', role: 'hospital-staff', name: 'report-draft-edit' },
  { path: '/reports/:submitted/sent', role: 'hospital-staff', name: 'report-sent' },
  { path: '/reports/:submitted', role: 'hospital-staff', name: 'report-member' },
  { path: '/reports/:submitted/amend', role: 'hospital-staff', name: 'report-amend' },
  { path: '/triage', role: 'coordinator', name: 'triage' },
  { path: '/reports/:submitted', role: 'coordinator', name: 'report-coordinator' },
  { path: '/reports/:submitted/publish', role: 'coordinator', name: 'publication-review' },
  { path: '/correlation', role: 'coordinator', name: 'correlation' },
  { path: '/community', role: 'coordinator', name: 'community-picture' },
  { path: '/community', role: 'hospital-staff', name: 'community-picture-member' },
  { path: '/community/monthly', role: 'hospital-staff', name: 'monthly-report' },
  { path: '/accountability', role: 'auditor', name: 'accountability-ledger' },
  { path: '/audit', role: 'auditor', name: 'audit' },
  { path: '/outbox', role: 'admin', name: 'outbox' },
  { path: '/aid', role: 'hospital-staff', name: 'aid-requests' },
  { path: '/aid/requests/:aidRequest', role: 'hospital-staff', name: 'aid-request-member' },
  { path: '/aid/requests/:aidRequest', role: 'coordinator', name: 'aid-request-coordinator' },
  { path: '/aid/requests/:aidRequest', role: 'responder', name: 'aid-request-responder' },
  { path: '/aid/responder', role: 'responder', name: 'aid-responder-home' },
  { path: '/aid/profile', role: 'responder', name: 'aid-profile' },
  { path: '/aid/desk', role: 'coordinator', name: 'aid-desk' },
  { path: '/aid/responders', role: 'coordinator', name: 'aid-vetting' },
  { path: '/aid/metrics', role: 'auditor', name: 'aid-metrics' },
  { path: '/account', role: 'hospital-staff', name: 'account' },
  { path: '/users', role: 'hospital-staff', name: 'forbidden' },
  { path: '/no-such-page', role: 'hospital-staff', name: 'not-found' },
  // devices and software, vulnerability notices, the coordinators' summary (issue 20)
  { path: '/orgs/:hospital/assets', role: 'hospital-staff', name: 'assets' },
  { path: '/orgs/:hospital/findings', role: 'hospital-staff', name: 'findings' },
  { path: '/vulns', role: 'coordinator', name: 'vulns-summary' },
  // contact directory
  { path: '/directory', role: 'anonymous', name: 'directory' },
  { path: '/directory/manage', role: 'coordinator', name: 'directory-manage' },
  { path: '/public/directory', role: 'anonymous', name: 'public-directory' },
  // plain-language explanations of the field's words
  { path: '/glossary', role: 'anonymous', name: 'glossary' },
  { path: '/glossary', role: 'hospital-staff', name: 'glossary-member' },
];

/** The pages also checked in English (the UI language is switched for that run). */
export const ENGLISH_PAGES: string[] = ['sign-in', 'home-member', 'home-coordinator', 'reports', 'report-new', 'report-coordinator', 'triage', 'intel-browse', 'account', 'not-found', 'report-sent', 'aid-request-member', 'aid-desk', 'directory', 'glossary', 'assets', 'findings'];

/** Fills `:name` parts from the fixture ids; fails loudly on a name the fixture does not have. */
export function resolvePath(path: string, ids: Record<string, string>): string {
  return path.replace(/:(\w+)/g, (_, name: string) => {
    const id = ids[name];
    if (!id) throw new Error(`pages.ts: no fixture id "${name}" for ${path}`);
    return encodeURIComponent(id);
  });
}
