// The desk's pages: vetting responders, and the metrics (also for auditors).
import { useQuery } from '@tanstack/react-query';
import { ErrorAlert, Loading } from '../../components/alerts.tsx';
import { Card, Page } from '../../components/page.tsx';
import { useI18n } from '../../i18n/index.ts';
import { labelOf, PREFECTURES } from '../../lib/reference.ts';
import { aidApi, useAidChange } from './aid-api.ts';
import { k, minutesText, RequestTable } from './aid-bits.tsx';

export function AidVettingPage() {
  const { t, locale } = useI18n();
  const list = useQuery({ queryKey: ['aid', 'responders'], queryFn: () => aidApi.responders() });
  const action = useAidChange(({ id, decision }: { id: string; decision: string }) => aidApi.vet(id, decision));
  const items = list.data?.items ?? [];
  const decide = (id: string, decision: string) => action.mutate({ id, decision });
  return (
    <Page title={t('aid.vetting.title')}>
      <p className="lead">{t('aid.vetting.lead')}</p>
      <ErrorAlert error={list.error ?? action.error} />
      {list.isPending ? <Loading /> : null}
      {list.data && items.length === 0 ? <p className="muted">{t('aid.vetting.none')}</p> : null}
      {items.map((r) => (
        <Card key={r.id} title={r.displayName} id={`responder-${r.id}`}>
          <dl className="aid-facts">
            <dt>{t('aid.vetting.label')}</dt><dd>{t(k(`aid.vetting.${r.vetting}`))}</dd>
            <dt>{t('aid.profile.kind')}</dt><dd>{t(k(`aid.profile.kind.${r.kind}`))}{r.orgName ? `（${r.orgName[locale]}）` : ''}</dd>
            <dt>{t('aid.profile.skills')}</dt><dd>{r.skills.map((s) => t(k(`aid.skill.${s}`))).join('、') || t('aid.none')}</dd>
            <dt>{t('aid.profile.languages')}</dt><dd>{r.languages.map((l) => t(k(`aid.language.${l}`))).join('、')}</dd>
            <dt>{t('aid.profile.prefectures')}</dt><dd>{r.prefectures.map((p) => labelOf(PREFECTURES, p, locale)).join('、') || t('aid.none')}</dd>
            <dt>{t('aid.profile.onSite')}</dt><dd>{r.onSite ? t('aid.yes') : t('aid.no')}</dd>
            <dt>{t('aid.request.certifications')}</dt><dd>{r.certifications.join('、') || t('aid.none')}</dd>
            <dt>{t('aid.profile.capacity')}</dt><dd>{t('aid.vetting.load', { active: r.activeCases, capacity: r.capacity })}</dd>
            <dt>{t('aid.profile.serviceType')}</dt><dd>{t(k(`aid.profile.serviceType.${r.serviceType}`))}{r.priceTerms ? `（${r.priceTerms}）` : ''}</dd>
          </dl>
          <div className="aid-actions">
            {r.vetting !== 'vetted' ? <button type="button" disabled={action.isPending} aria-label={`${t('aid.vetting.approve')}: ${r.displayName}`} onClick={() => decide(r.id, 'vetted')}>{t('aid.vetting.approve')}</button> : null}
            {r.vetting !== 'rejected' ? <button type="button" className="button-danger" disabled={action.isPending} aria-label={`${t('aid.vetting.reject')}: ${r.displayName}`} onClick={() => decide(r.id, 'rejected')}>{t('aid.vetting.reject')}</button> : null}
          </div>
        </Card>
      ))}
    </Page>
  );
}

export function AidMetricsPage() {
  const { t } = useI18n();
  const loaded = useQuery({ queryKey: ['aid', 'metrics'], queryFn: () => aidApi.metrics() });
  const m = loaded.data;
  const target = (urgency: string) => !m ? '' : urgency === 'critical' ? minutesText(t, m.targets.criticalMinutes) : urgency === 'high' ? minutesText(t, m.targets.highMinutes) : t(k(`aid.urgency.normal`));
  return (
    <Page title={t('aid.metrics.title')}>
      <ErrorAlert error={loaded.error} />
      {loaded.isPending && !m ? <Loading /> : null}
      {m ? (
        <>
          <Card title={t('aid.metrics.times')} id="aid-times">
            {/* Focusable, so a keyboard can scroll the table on a phone (it has no links of its own). */}
            <div className="table-wrap" tabIndex={0} role="region" aria-label={t('aid.metrics.times')}>
              <table>
                <caption className="visually-hidden">{t('aid.metrics.times')}</caption>
                <thead><tr>
                  <th scope="col">{t('aid.col.urgency')}</th><th scope="col">{t('aid.metrics.count')}</th><th scope="col">{t('aid.metrics.target')}</th>
                  <th scope="col">{t('aid.metrics.assign')}</th><th scope="col">{t('aid.metrics.acknowledge')}</th><th scope="col">{t('aid.metrics.resolve')}</th>
                </tr></thead>
                <tbody>
                  {m.times.map((row) => (
                    <tr key={row.urgency}>
                      <th scope="row">{t(k(`aid.urgency.${row.urgency}`))}</th><td>{row.count}</td><td>{target(row.urgency)}</td>
                      <td>{minutesText(t, row.assignMinutes)}</td><td>{minutesText(t, row.acknowledgeMinutes)}</td><td>{minutesText(t, row.resolveMinutes)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <p>{m.averageRating === null ? t('aid.metrics.noRating') : t('aid.metrics.rating', { rating: m.averageRating })}</p>
            <p>{t('aid.metrics.byStatus')}: {Object.entries(m.byStatus).map(([s, n]) => `${t(k(`aid.status.${s}`))} ${n}`).join('、') || t('aid.none')}</p>
          </Card>
          <Card title={t('aid.metrics.load')} id="aid-load">
            <ul className="plain-list">
              {m.load.map((r) => (
                <li key={r.responderId}>{r.displayName}: {t('aid.vetting.load', { active: r.activeCases, capacity: r.capacity })} · {t(k(`aid.vetting.${r.vetting}`))}</li>
              ))}
            </ul>
          </Card>
          <Card title={t('aid.desk.atRisk')} id="aid-metrics-risk">
            {m.atRisk.length === 0 ? <p className="muted">{t('aid.desk.noneAtRisk')}</p> : <RequestTable items={m.atRisk} caption={t('aid.desk.atRisk')} showOrg linked={false} />}
          </Card>
        </>
      ) : null}
    </Page>
  );
}
