// /reports/:id/publish — the coordinator's redaction review, then the advisory composed from it.
// The report's state is checked first, so that nobody fills in an advisory that cannot be published yet.
import { useQuery } from '@tanstack/react-query';
import { ErrorAlert, Loading } from '../../components/alerts.tsx';
import { Page } from '../../components/page.tsx';
import { useI18n } from '../../i18n/index.ts';
import { formatDateTime } from '../../lib/format.ts';
import { Link } from 'react-router';
import { reportsApi, type ReportDetail } from '../reports/reports-api.ts';
import { AdvisoryForm } from './advisory-form.tsx';
import { RedactionReview } from './redaction-review.tsx';
import { sharingApi } from './sharing-api.ts';
import './sharing.css';

type Readiness = 'ready' | 'submitted' | 'closed' | 'published';

// Publication is allowed in triage and in progress (publication.service.ts), once.
function readinessOf(report: ReportDetail): Readiness {
  if (report.publishedAt) return 'published';
  if (report.state === 'triage' || report.state === 'in_progress') return 'ready';
  return report.state === 'closed' ? 'closed' : 'submitted';
}

function StateNotice({ report, readiness }: { report: ReportDetail; readiness: Exclude<Readiness, 'ready'> }) {
  const { t, locale } = useI18n();
  if (readiness === 'published') {
    return <p className="alert" id="report-state">{t('sharing.state.published', { date: formatDateTime(report.publishedAt, locale) })}</p>;
  }
  return (
    <div className="alert alert-warning" id="report-state">
      <p>{t(readiness === 'closed' ? 'sharing.state.closed' : 'sharing.state.submitted')}</p>
      <p><Link to={`/reports/${encodeURIComponent(report.id)}`}>{t('sharing.state.toReport')}</Link></p>
    </div>
  );
}

export function PublishPage({ id }: { id: string }) {
  const { t } = useI18n();
  const report = useQuery({ queryKey: ['reports', id], queryFn: () => reportsApi.get(id) });
  const review = useQuery({ queryKey: ['sharing', 'review', id], queryFn: () => sharingApi.review(id) });
  const undecided = review.data?.undecided;
  // The draft depends on the decisions: it is loaded again once the review is complete. The advisory form starts
  // from it, so it is neither kept from an earlier state of the review nor refetched under the person typing.
  const draft = useQuery({
    queryKey: ['sharing', 'draft', id, undecided === 0 ? 'done' : 'open'],
    queryFn: () => sharingApi.draft(id),
    gcTime: 0,
    refetchOnWindowFocus: false,
  });
  const readiness = report.data ? readinessOf(report.data) : null;
  const composable = readiness === 'ready' || readiness === 'published';
  return (
    <Page title={t('sharing.title')}>
      <p><Link to={`/reports/${encodeURIComponent(id)}`}>{t('sharing.backToReport')}</Link></p>
      <ErrorAlert error={report.error ?? review.error} />
      {review.isPending || report.isPending ? <Loading /> : null}
      {report.data && readiness && readiness !== 'ready' ? <StateNotice report={report.data} readiness={readiness} /> : null}
      {review.data && readiness ? (
        <RedactionReview reportId={id} review={review.data} readOnly={readiness === 'published'} />
      ) : null}
      {review.data && readiness && !composable ? <p className="hint">{t('sharing.compose.notYet')}</p> : null}
      {review.data && composable && review.data.undecided > 0 ? <p className="hint">{t('sharing.compose.waiting')}</p> : null}
      {composable && review.data?.undecided === 0 && draft.data && draft.data.undecided === 0 ? (
        <AdvisoryForm key={draft.data.version} reportId={id} draft={draft.data} redactedText={review.data.redactedText} />
      ) : null}
      <ErrorAlert error={draft.error} />
    </Page>
  );
}
