// /community — the community picture: incidents by month and kind, sector and size band; advisories
// by TLP; the desk's response times; the most-sighted indicators. The server applies the k rule.
import { useQuery } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { ErrorAlert, Loading } from '../../components/alerts.tsx';
import { Card, Page } from '../../components/page.tsx';
import { categoryLabel, useI18n } from '../../i18n/index.ts';
import { labelOf, SECTORS, SIZE_BANDS } from '../../lib/reference.ts';
import { Link } from 'react-router';
import { seriesTable, type SeriesTable } from '../../../../src/modules/dashboards/series-table.ts';
import { ChartFigure } from './chart-figure.tsx';
import { dashboardsApi, monthlyReportUrl, type CommunityPicture, type Series } from './dashboards-api.ts';
import './dashboards.css';

const PERIODS = [3, 6, 12, 24];

export function CommunityPage() {
  const { t } = useI18n();
  const [months, setMonths] = useState(12);
  const picture = useQuery({ queryKey: ['dashboards', 'community', months], queryFn: () => dashboardsApi.community(months) });
  return (
    <Page title={t('community.title')}>
      <label className="field-inline">
        {t('community.months')}{' '}
        <select value={months} onChange={(e) => setMonths(Number(e.target.value))}>
          {PERIODS.map((n) => <option key={n} value={n}>{t('community.monthsOption', { count: n })}</option>)}
        </select>
      </label>
      <ErrorAlert error={picture.error} />
      {picture.isPending ? <Loading /> : null}
      {picture.data ? <Charts data={picture.data} /> : null}
      <MonthlyReportCard />
    </Page>
  );
}

function Charts({ data }: { data: CommunityPicture }) {
  const { t, locale } = useI18n();
  const k = data.k;
  const other = t('community.other');
  const category = useCallback((key: string) => (key === 'other' ? other : categoryLabel(t, key)), [t, other]);
  const sector = useCallback((key: string) => (key === 'other' ? other : labelOf(SECTORS, key, locale)), [locale, other]);
  const size = useCallback((key: string) => (key === 'other' ? other : labelOf(SIZE_BANDS, key, locale)), [locale, other]);
  const tlp = useCallback((key: string) => `TLP:${key.toUpperCase()}`, []);
  const month = useCallback((m: string) => m, []);
  const totalNote = (series: Series) => (series.total.partial ? t('community.totalPartial', { count: series.total.count, k }) : t('community.totalExact', { count: series.total.count }));
  const common = { k, groupHeader: t('community.month'), groupLabel: month };
  const response: SeriesTable = {
    keys: ['median'],
    rows: data.firstResponse.map((r) => ({ group: r.month, lessThanK: r.lessThanK, values: [r.lessThanK ? null : r.medianHours], total: null })),
  };
  const aid: SeriesTable = {
    keys: ['assign', 'resolve'],
    rows: data.aidResponse.map((r) => ({
      group: r.month, lessThanK: r.assign.lessThanK || r.resolve.lessThanK,
      values: [r.assign.lessThanK ? null : r.assign.medianHours, r.resolve.lessThanK ? null : r.resolve.medianHours], total: null,
    })),
  };
  const top: SeriesTable = { keys: ['orgs'], rows: data.topSighted.map((i) => ({ group: i.name ?? i.indicatorId, lessThanK: false, values: [i.orgs], total: i.orgs })) };
  return (
    <>
      <p className="lead">{t('community.intro', { k })}</p>
      <div className="chart-grid">
        <ChartFigure id="chart-category" title={t('community.incidentsByCategory')} table={seriesTable(data.incidents.byCategory.groups)} keyLabel={category} note={totalNote(data.incidents.byCategory)} fileName="incidents-by-category.csv" {...common} />
        <ChartFigure id="chart-sector" title={t('community.incidentsBySector')} table={seriesTable(data.incidents.bySector.groups)} keyLabel={sector} note={totalNote(data.incidents.bySector)} fileName="incidents-by-sector.csv" {...common} />
        <ChartFigure id="chart-size" title={t('community.incidentsBySize')} table={seriesTable(data.incidents.bySizeBand.groups)} keyLabel={size} note={totalNote(data.incidents.bySizeBand)} fileName="incidents-by-size.csv" {...common} />
        <ChartFigure id="chart-tlp" title={t('community.advisoriesByTlp')} table={seriesTable(data.advisories.byTlp.groups)} keyLabel={tlp} note={totalNote(data.advisories.byTlp)} fileName="advisories-by-tlp.csv" {...common} />
        <ChartFigure id="chart-response" title={t('community.firstResponse')} table={response} keyLabel={() => t('community.firstResponse')} fileName="first-response-hours.csv" showTotal={false} {...common} />
        <ChartFigure id="chart-aid" title={t('community.aidResponse')} table={aid} keyLabel={(key) => t(key === 'assign' ? 'community.aidResponse.assign' : 'community.aidResponse.resolve')} fileName="mutual-aid-hours.csv" showTotal={false} {...common} />
        {data.topSighted.length > 0 ? (
          <ChartFigure id="chart-sighted" title={t('community.topSighted')} table={top} keyLabel={() => t('community.orgs')} fileName="most-sighted-indicators.csv" horizontal showTotal={false} k={k} groupHeader={t('community.indicator')} />
        ) : (
          <section className="chart-figure"><h3>{t('community.topSighted')}</h3><p className="muted">{t('community.topSighted.none', { k })}</p></section>
        )}
      </div>
    </>
  );
}

function MonthlyReportCard() {
  const { t } = useI18n();
  const [month, setMonth] = useState(() => new Date().toISOString().slice(0, 7));
  const valid = /^\d{4}-(0[1-9]|1[0-2])$/.test(month);
  return (
    <Card title={t('community.monthly.title')} id="monthly-report">
      <label className="field-inline">
        {t('community.monthly.month')}{' '}
        <input type="month" value={month} onChange={(e) => setMonth(e.target.value)} />
      </label>
      {valid ? (
        <p className="chart-actions">
          <a className="button" href={monthlyReportUrl(month, 'ja')} download>{t('community.monthly.pdf')}</a>
          <a className="button button-secondary" href={monthlyReportUrl(month, 'en')} download hrefLang="en">{t('community.monthly.pdfEn')}</a>
          <Link to={`/community/monthly?month=${encodeURIComponent(month)}`}>{t('community.monthly.print')}</Link>
        </p>
      ) : null}
    </Card>
  );
}
