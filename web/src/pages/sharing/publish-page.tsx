// /reports/:id/publish — the coordinator's redaction review, then the advisory composed from it.
import { ErrorAlert, Loading } from '../../components/alerts.tsx';
import { Page } from '../../components/page.tsx';
import { useI18n } from '../../i18n/index.ts';
import { useLoad } from '../../lib/use-load.ts';
import { Link } from '../../router.tsx';
import { AdvisoryForm } from './advisory-form.tsx';
import { RedactionReview } from './redaction-review.tsx';
import { sharingApi } from './sharing-api.ts';
import './sharing.css';

export function PublishPage({ id }: { id: string }) {
  const { t } = useI18n();
  const review = useLoad(() => sharingApi.review(id), `review-${id}`);
  const undecided = review.data?.undecided;
  // The draft depends on the decisions: it is loaded again once the review is complete.
  const draft = useLoad(() => sharingApi.draft(id), `draft-${id}-${undecided === 0 ? 'done' : 'open'}`);
  return (
    <Page title={t('sharing.title')}>
      <p><Link href={`/reports/${encodeURIComponent(id)}`}>{t('sharing.backToReport')}</Link></p>
      <ErrorAlert error={review.error} />
      {review.loading && !review.data ? <Loading /> : null}
      {review.data ? <RedactionReview reportId={id} review={review.data} onChange={review.setData} /> : null}
      {review.data && review.data.undecided > 0 ? <p className="hint">{t('sharing.compose.waiting')}</p> : null}
      {review.data?.undecided === 0 && draft.data && draft.data.undecided === 0 ? <AdvisoryForm key={draft.data.version} reportId={id} draft={draft.data} /> : null}
      <ErrorAlert error={draft.error} />
    </Page>
  );
}
