// /reports/:id/publish — the coordinator's redaction review, then the advisory composed from it.
// The report's state is checked first, so that nobody fills in an advisory that cannot be published yet.
import { ErrorAlert, Loading } from '../../components/alerts.tsx';
import { Page } from '../../components/page.tsx';
import { useI18n } from '../../i18n/index.ts';
import { formatDateTime } from '../../lib/format.ts';
import { useLoad } from '../../lib/use-load.ts';
import { Link } from '../../router.tsx';
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
      <p><Link href={`/reports/${encodeURIComponent(report.id)}`}>{t('sharing.state.toReport')}</Link></p>
    </div>
  );
}

export function PublishPage({ id }: { id: string }) {
  const { t } = useI18n();
  const report = useLoad(() => reportsApi.get(id), `report-${id}`);
  const review = useLoad(() => sharingApi.review(id), `review-${id}`);
  const undecided = review.data?.undecided;
  // The draft depends on the decisions: it is loaded again once the review is complete.
  const draft = useLoad(() => sharingApi.draft(id), `draft-${id}-${undecided === 0 ? 'done' : 'open'}`);
  const readiness = report.data ? readinessOf(report.data) : null;
  const composable = readiness === 'ready' || readiness === 'published';
  return (
    <Page title={t('sharing.title')}>
      <p><Link href={`/reports/${encodeURIComponent(id)}`}>{t('sharing.backToReport')}</Link></p>
      <ErrorAlert error={report.error ?? review.error} />
      {(review.loading && !review.data) || (report.loading && !report.data) ? <Loading /> : null}
      {report.data && readiness && readiness !== 'ready' ? <StateNotice report={report.data} readiness={readiness} /> : null}
      {review.data && readiness ? (
        <RedactionReview reportId={id} review={review.data} onChange={review.setData} readOnly={readiness === 'published'} />
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
