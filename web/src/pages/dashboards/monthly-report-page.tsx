// /community/monthly?month=YYYY-MM — the monthly report as a printable page (the PDF's content, same data).
import { useQuery } from '@tanstack/react-query';
import { ErrorAlert, Loading } from '../../components/alerts.tsx';
import { Card, Page } from '../../components/page.tsx';
import { categoryLabel, useI18n, type Translate } from '../../i18n/index.ts';
import { useSearchParams } from 'react-router';
import { monthlyReportApi, monthlyReportUrl, type MonthlyReport } from './dashboards-api.ts';
import './dashboards.css';

const label = (t: Translate, key: string) => (key === 'other' ? t('community.other') : categoryLabel(t, key));

function Cells({ group, t, k, keyLabel }: { group: MonthlyReport['community']['incidents'] | undefined; t: Translate; k: number; keyLabel: (key: string) => string }) {
  if (!group || (!group.lessThanK && (group.cells ?? []).length === 0)) return <p className="muted">{t('community.chartEmpty')}</p>;
  if (group.lessThanK) return <p>{t('community.fewer', { k })}</p>;
  return (
    <ul className="dash-list">
      {(group.cells ?? []).map((c) => <li key={c.key}>{keyLabel(c.key)}: {c.count}</li>)}
      <li><strong>{t('community.total')}: {group.total}</strong></li>
    </ul>
  );
}

export function MonthlyReportPage() {
  const { t, locale } = useI18n();
  const [query] = useSearchParams();
  const month = query.get('month') ?? new Date().toISOString().slice(0, 7);
  const report = useQuery({ queryKey: ['dashboards', 'monthly', month, locale], queryFn: () => monthlyReportApi(month, locale) });
  const title = `${t('community.monthly.title')} ${month}`;
  return (
    <Page title={title} actions={<a className="button button-secondary no-print" href={monthlyReportUrl(month, locale)} download>PDF</a>}>
      <ErrorAlert error={report.error} />
      {report.isPending ? <Loading /> : null}
      {report.data ? <Report data={report.data} t={t} /> : null}
    </Page>
  );
}

function Report({ data, t }: { data: MonthlyReport; t: Translate }) {
  const c = data.community;
  return (
    <>
      <Card title={t('community.title')} id="monthly-community">
        <p className="muted">{t('community.intro', { k: c.k })}</p>
        <h3>{t('community.incidentsByCategory')}</h3>
        <Cells group={c.incidents} t={t} k={c.k} keyLabel={(key) => label(t, key)} />
        <h3>{t('community.advisoriesByTlp')}</h3>
        <Cells group={c.advisories} t={t} k={c.k} keyLabel={(key) => `TLP:${key.toUpperCase()}`} />
        <h3>{t('community.firstResponse')}</h3>
        <p>{c.firstResponse.lessThanK ? t('community.fewer', { k: c.k }) : c.firstResponse.medianHours === null ? t('community.chartEmpty') : t('community.hours', { hours: c.firstResponse.medianHours })}</p>
        <h3>{t('community.topSighted')}</h3>
        {c.topSighted.length === 0 ? <p className="muted">{t('community.topSighted.none', { k: c.k })}</p> : (
          <ul className="dash-list">{c.topSighted.map((i) => <li key={i.indicatorId}>{i.name ?? i.indicatorId}: {i.orgs}</li>)}</ul>
        )}
      </Card>
      {data.orgs.map((o) => (
        <Card key={o.orgId} title={o.name} id={`monthly-org-${o.orgId}`}>
          <h3>{t('monthly.orgReports', { count: o.reports })}</h3>
          <ul className="dash-list">{o.byCategory.map((c) => <li key={c.key}>{label(t, c.key)}: {c.count}</li>)}</ul>
          {o.medianFirstResponseHours !== null ? <p>{t('community.firstResponse')}: {t('community.hours', { hours: o.medianFirstResponseHours })}</p> : null}
          <h3>{t('monthly.orgAdvisories', { count: o.advisories.length })}</h3>
          <ul className="dash-list">{o.advisories.map((a, i) => <li key={i}>{a.at.slice(0, 10)} {a.title}</li>)}</ul>
          <p>{t('monthly.orgSightings', { count: o.sightings })}</p>
        </Card>
      ))}
    </>
  );
}
