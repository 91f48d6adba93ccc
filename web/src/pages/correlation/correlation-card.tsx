// On the intel object page: the object's values, the readable objects sharing them and, for an
// indicator, how many organisations saw it (or "fewer than k"), its confidence and "we saw this too".
import { useQuery } from '@tanstack/react-query';
import { ErrorAlert, Loading } from '../../components/alerts.tsx';
import { Card } from '../../components/page.tsx';
import { useI18n, type Translate } from '../../i18n/index.ts';
import { formatDateTime } from '../../lib/format.ts';
import { correlationApi, type ObjectCorrelation, type Standing } from './correlation-api.ts';
import { SourceLink, ValueText } from './correlation-parts.tsx';
import { SightingForm } from './sighting-form.tsx';
import './correlation.css';

export function CorrelationCard({ id }: { id: string }) {
  const { t } = useI18n();
  const loaded = useQuery({ queryKey: ['correlation', 'object', id], queryFn: () => correlationApi.object(id) });
  const data = loaded.data;
  return (
    <Card title={t('corr.card.title')} id="intel-correlation">
      {loaded.isPending ? <Loading /> : null}
      <ErrorAlert error={loaded.error} />
      {data ? (
        <>
          {data.sightings && data.confidence ? <StandingView data={data} t={t} /> : null}
          {data.sightings && data.confidence ? (
            <SightingForm indicatorId={id} sightings={data.sightings} />
          ) : null}
          <ValuesView data={data} t={t} />
        </>
      ) : null}
    </Card>
  );
}

function StandingView({ data, t }: { data: ObjectCorrelation; t: Translate }) {
  const { locale } = useI18n();
  const sightings = data.sightings as Standing['sightings'];
  const confidence = data.confidence as Standing['confidence'];
  const count = sightings.count !== null ? t('corr.sightings.count', { count: sightings.count }) : t('corr.sightings.fewer', { k: sightings.k });
  return (
    <dl className="summary" aria-live="polite">
      <div className="summary-row">
        <dt>{t('corr.sightings')}</dt>
        <dd>
          <strong>{count}</strong>
          <p className="hint">{t('corr.sightings.hint', { k: sightings.k })}</p>
          {sightings.mine.map((m) => (
            <p key={m.orgId}>{t('corr.sightings.mine', { count: m.count, when: formatDateTime(m.updatedAt, locale) })}</p>
          ))}
        </dd>
      </div>
      {sightings.byOrg && sightings.byOrg.length > 0 ? (
        <div className="summary-row">
          <dt>{t('corr.sightings.byOrg')}</dt>
          <dd>
            <ul className="plain-list">
              {sightings.byOrg.map((o) => (
                <li key={o.orgId}>{locale === 'ja' ? o.nameJa : o.nameEn}: {o.count} ({formatDateTime(o.updatedAt, locale)})</li>
              ))}
            </ul>
          </dd>
        </div>
      ) : null}
      <div className="summary-row">
        <dt>{t('corr.confidence')}</dt>
        <dd>
          <meter min={0} max={100} value={confidence.value} aria-label={t('corr.confidence')} /> <strong>{t('corr.confidence.value', { value: confidence.value })}</strong>
          <p className="hint">{t('corr.confidence.detail', { reliability: confidence.reliability, sightings: confidence.sightings, days: confidence.ageDays })}</p>
        </dd>
      </div>
    </dl>
  );
}

function ValuesView({ data, t }: { data: ObjectCorrelation; t: Translate }) {
  return (
    <>
      <h3>{t('corr.values')}</h3>
      {data.values.length === 0 ? <p className="muted">{t('corr.values.none')}</p> : (
        <ul className="plain-list">
          {data.values.map((v) => (
            <li key={`${v.type}|${v.value}`}>
              <ValueText type={v.type} value={v.value} t={t} /> {v.overCorrelated ? <span className="tag tag-warn">{t('corr.overCorrelated')}</span> : null}
            </li>
          ))}
        </ul>
      )}
      <h3>{t('corr.links')}</h3>
      {data.links.length === 0 ? <p className="muted">{t('corr.links.none')}</p> : (
        <ul className="plain-list">
          {data.links.map((link) => (
            <li key={`${link.kind}|${link.id}`}>
              <SourceLink source={link} t={t} />
              <span className="muted"> — {t('corr.shared')}: {link.shared.map((s) => s.value).join(', ')}</span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
