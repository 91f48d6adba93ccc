// The confirmation after sending a report: what happens next, who does what by when (the first-response target of
// the report, the assignment target of the help request asked with it), and the first-aid steps to tick meanwhile.
import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { Link } from 'react-router';
import { ErrorAlert, Loading } from '../../components/alerts.tsx';
import { Page } from '../../components/page.tsx';
import { useI18n } from '../../i18n/index.ts';
import { formatDateTime } from '../../lib/format.ts';
import { aidApi, useAidChange, type AidDetail, type AidSummary } from '../aid/aid-api.ts';
import { firstAidSteps } from './first-aid.ts';
import { reportsApi, type ReportDetail } from './reports-api.ts';
import './reports.css';

export function ReportSentPage({ id }: { id: string }) {
  const { t } = useI18n();
  const report = useQuery({ queryKey: ['reports', id], queryFn: () => reportsApi.get(id) });
  const requests = useQuery({ queryKey: ['aid', 'list', 'mine'], queryFn: () => aidApi.list() });
  const summary = requests.data?.items.find((r) => r.reportId === id && r.status !== 'cancelled');
  const request = useQuery({ queryKey: ['aid', 'request', summary?.id], queryFn: () => aidApi.get(summary?.id ?? ''), enabled: !!summary });
  if (report.error) return <ErrorAlert error={report.error} />;
  if (!report.data || requests.isPending || (summary && request.isPending)) return <Loading />;
  return (
    <Page title={t('report.sent.title')} narrow>
      <p className="lead">{t('report.sent.lead')}</p>
      <WhatNext report={report.data} help={summary ?? null} />
      {request.data?.tasks?.length ? <TasksNow request={request.data} /> : <StepsNow category={report.data.category} />}
      <ul className="plain-list sent-links">
        <li><Link to={`/reports/${encodeURIComponent(id)}`} className="button">{t('report.sent.openReport')}</Link></li>
        {summary ? <li><Link to={`/aid/requests/${encodeURIComponent(summary.id)}`} className="button button-secondary">{t('report.sent.openHelp')}</Link></li> : null}
        {report.data.canWrite && report.data.state !== 'closed' ? (
          <li><Link to={`/reports/${encodeURIComponent(id)}/amend`}>{t('report.sent.addDetails')}</Link></li>
        ) : null}
      </ul>
    </Page>
  );
}

function WhatNext({ report, help }: { report: ReportDetail; help: AidSummary | null }) {
  const { t, locale } = useI18n();
  const id = useId();
  const when = (iso: string) => formatDateTime(iso, locale);
  const latest = report.versions[report.versions.length - 1];
  const asked = latest?.answers.help?.wanted === 'yes';
  let helpLine: string | null = null;
  if (help?.status === 'offered') helpLine = t('report.sent.helpOffered', { time: when(help.dueAt) });
  else if (help?.status === 'open') helpLine = t('report.sent.helpDesk', { time: when(help.dueAt) });
  else if (help && (help.status === 'assigned' || help.status === 'in_progress')) helpLine = t('report.sent.helpAssigned');
  else if (!asked) helpLine = t('report.sent.noHelp');
  return (
    <section className="card sent-next" aria-labelledby={id}>
      <h2 id={id}>{t('report.sent.next')}</h2>
      <ol className="next-steps">
        <li>{report.sla ? t('report.sent.coordinator', { time: when(report.sla.dueAt) }) : t('report.sent.coordinatorSoon')}</li>
        {helpLine ? <li>{helpLine}</li> : null}
        <li>{t('report.sent.follow')}</li>
      </ol>
    </section>
  );
}

/** The help request's checklist: each tick is stored on the request, so the responder sees it. */
function TasksNow({ request }: { request: AidDetail }) {
  const { t, locale } = useI18n();
  const id = useId();
  const tick = useAidChange(({ taskId, done }: { taskId: string; done: boolean }) => aidApi.task(request.id, taskId, done));
  // The box follows the click at once; a refusal puts back what is stored.
  const [pending, setPending] = useState<Record<string, boolean>>({});
  const tasks = (request.tasks ?? []).map((x) => (x.id in pending ? { ...x, done: pending[x.id] === true } : x));
  const editable = request.side === 'victim' && request.status !== 'closed' && request.status !== 'cancelled';
  const toggle = (taskId: string, done: boolean) => {
    setPending((p) => ({ ...p, [taskId]: done }));
    tick.mutate({ taskId, done }, { onError: () => setPending((p) => ({ ...p, [taskId]: !done })) });
  };
  return (
    <section className="card first-aid" aria-labelledby={id}>
      <h2 id={id}>{t('report.sent.firstAid')}</h2>
      <p className="hint">{t('report.sent.tasksNote')}</p>
      <p>{t('aid.tasks.progress', { done: tasks.filter((x) => x.done).length, total: tasks.length })}</p>
      <ErrorAlert error={tick.error} />
      <ul className="plain-list first-aid-tasks">
        {tasks.map((task) => (
          <li key={task.id}>
            <label className="checkbox">
              <input type="checkbox" checked={task.done} disabled={!editable} onChange={(e) => toggle(task.id, e.target.checked)} />
              <span>{task.text[locale]}</span>
            </label>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Without a help request: the category's first-aid steps as text. */
function StepsNow({ category }: { category: string }) {
  const { t, locale } = useI18n();
  const id = useId();
  return (
    <section className="card first-aid" aria-labelledby={id}>
      <h2 id={id}>{t('report.sent.firstAid')}</h2>
      <ol className="first-aid-steps">
        {firstAidSteps(category).map((step) => <li key={step.code}>{step[locale]}</li>)}
      </ol>
    </section>
  );
}
