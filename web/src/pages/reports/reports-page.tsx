// My organisations' reports (members), and the triage queue (coordinators).
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ErrorAlert, Loading } from '../../components/alerts.tsx';
import { SelectField } from '../../components/fields.tsx';
import { Page } from '../../components/page.tsx';
import { categoryLabel, useI18n, type MessageKey } from '../../i18n/index.ts';
import { formatDateTime } from '../../lib/format.ts';
import { Link } from 'react-router';
import { membershipName } from '../../lib/reference.ts';
import { isOrgAdmin, useSession } from '../../session/session-context.tsx';
import { RegimesCard } from './regimes-card.tsx';
import { durationText } from './report-answers-view.tsx';
import { STATES, reportsApi, type ReportSummary, type Sla } from './reports-api.ts';
import './reports.css';

export function SlaText({ sla }: { sla: Sla }) {
  const { t } = useI18n();
  if (sla.respondedAt) return sla.overdue ? <span className="tag tag-warn">{t('triage.sla.metLate')}</span> : <span className="tag tag-ok">{t('triage.sla.met')}</span>;
  const remaining = Date.parse(sla.dueAt) - Date.now();
  return remaining < 0
    ? <span className="tag tag-bad">{t('triage.sla.overdue', { time: durationText(t, remaining) })}</span>
    : <span className="tag">{t('triage.sla.remaining', { time: durationText(t, remaining) })}</span>;
}

function ReportTable({ items, queue }: { items: ReportSummary[]; queue: boolean }) {
  const { t, locale } = useI18n();
  return (
    <div className="table-wrap">
      <table>
        <caption className="visually-hidden">{queue ? t('triage.title') : t('reports.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('reports.col.category')}</th>
            {queue ? <th scope="col">{t('reports.col.org')}</th> : null}
            <th scope="col">{t('reports.col.state')}</th>
            <th scope="col">{t('reports.col.submitted')}</th>
            {queue ? <th scope="col">{t('reports.col.assignee')}</th> : null}
            {queue ? <th scope="col">{t('reports.col.sla')}</th> : <th scope="col">{t('reports.col.updated')}</th>}
          </tr>
        </thead>
        <tbody>
          {items.map((r) => (
            <tr key={r.id}>
              <td><Link to={`/reports/${r.id}`}>{categoryLabel(t, r.category)}</Link></td>
              {queue ? <td>{r.orgName[locale]}</td> : null}
              <td>{t(`report.state.${r.state}` as MessageKey)}{r.outcome ? ` (${t(`report.outcome.${r.outcome}` as MessageKey)})` : ''}</td>
              <td>{formatDateTime(r.submittedAt, locale) || '—'}</td>
              {queue ? <td>{r.assignee?.displayName ?? t('triage.unassigned')}</td> : null}
              {queue ? <td>{r.sla ? <SlaText sla={r.sla} /> : '—'}</td> : <td>{formatDateTime(r.updatedAt, locale)}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function ReportsPage() {
  const { t, locale } = useI18n();
  const { user } = useSession();
  const reports = useQuery({ queryKey: ['reports', 'list', 'mine'], queryFn: () => reportsApi.list() });
  const mine = reports.data?.items ?? [];
  return (
    <Page title={t('reports.title')} actions={<Link to="/reports/new" className="button">{t('reports.new')}</Link>}>
      <p className="lead">{t('reports.lead')}</p>
      <ErrorAlert error={reports.error} />
      {reports.isPending ? <Loading /> : null}
      {reports.data && mine.length === 0 ? <p className="muted">{t('reports.none')}</p> : null}
      {mine.length > 0 ? <ReportTable items={mine} queue={false} /> : null}
      {(user?.memberships ?? []).map((m) => (
        <RegimesCard key={m.orgId} orgId={m.orgId} orgName={membershipName(m, locale)} canManage={isOrgAdmin(user, m.orgId)} />
      ))}
    </Page>
  );
}

export function TriagePage() {
  const { t } = useI18n();
  const [state, setState] = useState('');
  const reports = useQuery({ queryKey: ['reports', 'list', state], queryFn: () => reportsApi.list(state) });
  return (
    <Page title={t('triage.title')}>
      {reports.data ? <p className="lead">{t('triage.lead', { hours: reports.data.slaHours })}</p> : null}
      <div className="filters">
        <SelectField label={t('triage.filter.state')} value={state} onValue={setState} empty={t('common.any')}
          options={STATES.filter((s) => s !== 'draft').map((s) => ({ value: s, label: t(`report.state.${s}` as MessageKey) }))} />
      </div>
      <ErrorAlert error={reports.error} />
      {reports.isPending ? <Loading /> : null}
      {reports.data && reports.data.items.length === 0 ? <p className="muted">{t('triage.none')}</p> : null}
      {reports.data && reports.data.items.length > 0 ? <ReportTable items={reports.data.items} queue /> : null}
    </Page>
  );
}
