// One help request, as the caller's side sees it: the victim, the desk, or an offered/assigned responder.
import { useQuery } from '@tanstack/react-query';
import { ErrorAlert, Loading } from '../../components/alerts.tsx';
import { Card, Page } from '../../components/page.tsx';
import { categoryLabel, useI18n } from '../../i18n/index.ts';
import { formatDateTime } from '../../lib/format.ts';
import { labelOf, PREFECTURES } from '../../lib/reference.ts';
import { aidApi, useAidChange, type AidDetail } from './aid-api.ts';
import { k, RiskTag, StatusTag } from './aid-bits.tsx';
import { ClosePanel, MessagesPanel, NotesPanel, ReportPanel, TasksPanel } from './aid-case-panels.tsx';
import { MatchesPanel, OfferAnswerPanel } from './aid-offer-panels.tsx';

function Summary({ request }: { request: AidDetail }) {
  const { t, locale } = useI18n();
  const action = useAidChange((step: 'start' | 'cancel') => (step === 'start' ? aidApi.start(request.id) : aidApi.cancel(request.id)));
  const final = request.status === 'closed' || request.status === 'cancelled';
  const cancel = () => {
    if (window.confirm(t('aid.request.cancelConfirm'))) action.mutate('cancel');
  };
  return (
    <Card title={t('aid.request.summary')} id="aid-summary">
      <dl className="aid-facts">
        <dt>{t('aid.col.status')}</dt><dd><StatusTag status={request.status} /> <RiskTag risk={request.risk} /></dd>
        {request.orgName ? <><dt>{t('aid.col.org')}</dt><dd>{request.orgName[locale]}</dd></> : null}
        <dt>{t('aid.col.urgency')}</dt><dd>{t(k(`aid.urgency.${request.urgency}`))}</dd>
        <dt>{t('aid.request.place')}</dt><dd>{request.onSite ? t('aid.request.onSite') : t('aid.request.remote')} · {labelOf(PREFECTURES, request.prefecture, locale)}</dd>
        <dt>{t('aid.form.language')}</dt><dd>{t(k(`aid.language.${request.language}`))}</dd>
        <dt>{t('aid.request.skills')}</dt><dd>{request.skills.map((s) => t(k(`aid.skill.${s}`))).join('、') || t('aid.none')}</dd>
        <dt>{t('aid.request.created')}</dt><dd>{formatDateTime(request.createdAt, locale)}</dd>
        <dt>{t('aid.request.due')}</dt><dd>{formatDateTime(request.dueAt, locale)}</dd>
        {request.ackDueAt && !request.acknowledgedAt ? <><dt>{t('aid.request.ackDue')}</dt><dd>{formatDateTime(request.ackDueAt, locale)}</dd></> : null}
      </dl>
      <p className="aid-post-body">{request.description}</p>
      {request.escalatedAt && !final ? <p>{t('aid.request.escalated', { time: formatDateTime(request.escalatedAt, locale) })}</p> : null}
      <ErrorAlert error={action.error} />
      <div className="aid-actions">
        {request.side === 'responder' && request.status === 'assigned' ? (
          <button type="button" disabled={action.isPending} onClick={() => action.mutate('start')}>{t('aid.request.start')}</button>
        ) : null}
        {!final && request.side !== 'responder' ? <button type="button" className="button-danger" disabled={action.isPending} onClick={cancel}>{t('aid.request.cancel')}</button> : null}
      </div>
    </Card>
  );
}

function ResponderCard({ request }: { request: AidDetail }) {
  const { t } = useI18n();
  if (request.responder === undefined) return null;
  const r = request.responder;
  return (
    <Card title={t('aid.request.responder')} id="aid-responder">
      {r ? (
        <dl className="aid-facts">
          <dt>{t('aid.profile.displayName')}</dt><dd>{r.displayName}</dd>
          <dt>{t('aid.request.serviceType')}</dt><dd>{t(k(`aid.profile.serviceType.${r.serviceType}`))}{r.priceTerms ? `（${r.priceTerms}）` : ''}</dd>
          {r.certifications.length > 0 ? <><dt>{t('aid.request.certifications')}</dt><dd>{r.certifications.join('、')}</dd></> : null}
          {r.hours ? <><dt>{t('aid.profile.hours')}</dt><dd>{r.hours}</dd></> : null}
        </dl>
      ) : <p className="muted">{t('aid.request.noResponder')}</p>}
    </Card>
  );
}

export function AidRequestPage({ id }: { id: string }) {
  const { t } = useI18n();
  const loaded = useQuery({ queryKey: ['aid', 'request', id], queryFn: () => aidApi.get(id) });
  const request = loaded.data;
  return (
    <Page title={request ? t('aid.request.title', { category: categoryLabel(t, request.category) }) : t('aid.list.title')}>
      <ErrorAlert error={loaded.error} />
      {loaded.isPending && !request ? <Loading /> : null}
      {request ? (
        <>
          <OfferAnswerPanel request={request} />
          <Summary request={request} />
          <ResponderCard request={request} />
          {request.side === 'coordinator' ? <MatchesPanel request={request} /> : null}
          <ReportPanel request={request} />
          <TasksPanel request={request} />
          <MessagesPanel request={request} />
          <NotesPanel request={request} />
          <ClosePanel request={request} />
        </>
      ) : null}
    </Page>
  );
}
