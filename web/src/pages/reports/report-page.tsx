// One report: the member's view, and the case page for coordinators (with the triage panel).
import { useQuery } from '@tanstack/react-query';
import { ErrorAlert, Loading } from '../../components/alerts.tsx';
import { Card, Page } from '../../components/page.tsx';
import { categoryLabel, useI18n, type MessageKey } from '../../i18n/index.ts';
import { formatDateTime } from '../../lib/format.ts';
import { Link } from 'react-router';
import { AnswersView, DeadlinesView } from './report-answers-view.tsx';
import { AttachmentsView } from './report-attachments.tsx';
import { TimelineView } from './report-timeline.tsx';
import { reportsApi, type ReportDetail } from './reports-api.ts';
import { SlaText } from './reports-page.tsx';
import { TriagePanel } from './triage-panel.tsx';
import './reports.css';

export function ReportPage({ id }: { id: string }) {
  const { t } = useI18n();
  const report = useQuery({ queryKey: ['reports', id], queryFn: () => reportsApi.get(id) });
  if (report.isPending) return <Loading />;
  if (!report.data) return <ErrorAlert error={report.error} />;
  return <ReportView report={report.data} title={t('reports.title')} />;
}

function ReportView({ report }: { report: ReportDetail; title: string }) {
  const { t, locale } = useI18n();
  const latest = report.versions[report.versions.length - 1];
  const open = report.state !== 'closed';
  const category = categoryLabel(t, report.category);
  const actions = report.canWrite && report.state === 'draft'
    ? <Link to={`/reports/${report.id}/edit`} className="button">{t('report.page.edit')}</Link>
    : report.canWrite && open ? <Link to={`/reports/${report.id}/amend`} className="button button-secondary">{t('report.page.amend')}</Link> : null;
  return (
    <Page title={`${category} — ${t(`report.state.${report.state}` as MessageKey)}`} actions={actions}>
      <dl className="summary">
        <div><dt>{t('report.page.org')}</dt><dd>{report.orgName[locale]}</dd></div>
        <div><dt>{t('reports.col.state')}</dt><dd>{t(`report.state.${report.state}` as MessageKey)}</dd></div>
        {report.outcome ? <div><dt>{t('report.page.outcome')}</dt><dd>{t(`report.outcome.${report.outcome}` as MessageKey)}</dd></div> : null}
        {report.publishedAt ? <div><dt>{t('report.page.published')}</dt><dd>{formatDateTime(report.publishedAt, locale)}</dd></div> : null}
        <div><dt>{t('reports.col.submitted')}</dt><dd>{formatDateTime(report.submittedAt, locale) || '—'}</dd></div>
        <div><dt>{t('reports.col.assignee')}</dt><dd>{report.assignee?.displayName ?? t('triage.unassigned')}</dd></div>
        {report.canTriage && report.sla ? <div><dt>{t('reports.col.sla')}</dt><dd><SlaText sla={report.sla} /></dd></div> : null}
      </dl>
      {report.canTriage ? (
        <Card title={t('triage.panel')} id="triage">
          <TriagePanel key={`${report.state}-${report.assignee?.id ?? ''}`} report={report} />
          {report.state !== 'draft' ? (
            <p><Link to={`/reports/${encodeURIComponent(report.id)}/publish`} className="button button-secondary">{t('sharing.openPublish')}</Link></p>
          ) : null}
        </Card>
      ) : null}
      <Card title={t('report.deadlines.title')} id="deadlines">
        <DeadlinesView deadlines={report.deadlines} awareAt={report.awareAt} />
      </Card>
      <Card title={t('report.page.summary')} id="summary">
        {latest ? (
          <>
            <p className="muted">{t('report.page.version', { version: latest.version, date: formatDateTime(latest.createdAt, locale), name: latest.createdBy })}</p>
            <AnswersView text={latest.text} answers={latest.answers} />
          </>
        ) : report.draft ? <AnswersView text={report.draft.text} answers={report.draft.answers} /> : <p>{t('report.page.noCurrent')}</p>}
      </Card>
      {report.versions.length > 1 ? (
        <Card title={t('report.page.versions')} id="versions">
          {report.versions.slice(0, -1).reverse().map((v) => (
            <details key={v.version}>
              <summary>
                {t(`report.page.versionKind.${v.kind}` as MessageKey)} — {t('report.page.version', { version: v.version, date: formatDateTime(v.createdAt, locale), name: v.createdBy })}
              </summary>
              <AnswersView text={v.text} answers={v.answers} />
            </details>
          ))}
          {report.versions.slice(1).map((v) => (v.note ? <p key={`note-${v.version}`} className="muted">{`v${v.version}: ${v.note}`}</p> : null))}
        </Card>
      ) : null}
      <Card title={t('report.attachments.title')} id="attachments">
        <AttachmentsView reportId={report.id} attachments={report.attachments} canUpload={report.canWrite && open} maxBytes={report.limits.attachmentMaxBytes} />
      </Card>
      <Card title={t('report.timeline.title')} id="timeline">
        <TimelineView reportId={report.id} entries={report.timeline} canComment={report.canWrite || report.canTriage} canInternal={report.canTriage} />
      </Card>
    </Page>
  );
}
