// /vulns — the coordinators' view of the community: per vulnerability (exploited in attacks first) and per product past
// or near its end of support, how many member organisations are affected and how many resolved it, under the k rule.
import { useQuery } from '@tanstack/react-query';
import { ErrorAlert, Loading } from '../../components/alerts.tsx';
import { Page } from '../../components/page.tsx';
import { useI18n, type Translate } from '../../i18n/index.ts';
import { GlossaryLink } from '../glossary/glossary-page.tsx';
import { cvssText } from './finding-words.ts';
import { vulnKeys, vulnsApi, type VulnSummary } from './vulns-api.ts';
import './vulns.css';

type Count = VulnSummary['cves'][number]['organisations'];

/** The summary does not say the description's language: without kana or kanji it is the English one (NVD's). */
const languageOf = (text: string): 'ja' | 'en' => (/[\u3040-\u30ff\u4e00-\u9fff]/.test(text) ? 'ja' : 'en');

const countText = (t: Translate, c: Count, k: number): string => (c.lessThanK || c.count === null ? t('vulnsum.fewer', { k }) : String(c.count));

export function VulnsSummaryPage() {
  const { t } = useI18n();
  const summary = useQuery({ queryKey: vulnKeys.summary, queryFn: () => vulnsApi.summary() });
  if (summary.isPending) return <Loading />;
  if (!summary.data) {
    return (
      <Page title={t('vulnsum.title')}>
        <ErrorAlert error={summary.error} />
      </Page>
    );
  }
  const { k, eolProducts } = summary.data;
  // Exploited in attacks first, then the more organisations (withheld counts last), then the more severe.
  const weight = (c: Count) => (c.count ?? 0);
  const cves = [...summary.data.cves].sort((a, b) =>
    Number(b.kev) - Number(a.kev) || weight(b.organisations) - weight(a.organisations) || (b.cvss ?? 0) - (a.cvss ?? 0));
  return (
    <Page title={t('vulnsum.title')}>
      <p>{t('vulnsum.intro', { k })} <GlossaryLink term="k" /></p>
      <section aria-labelledby="vulnsum-cves">
        <h2 id="vulnsum-cves">{t('vulnsum.cves', { count: cves.length })}</h2>
        {cves.length === 0 ? <p>{t('vulnsum.none')}</p> : (
          <ul className="vulnsum-list">
            {cves.map((c) => (
              <li key={c.cveId}>
                <article className={c.kev ? 'card vulnsum-card finding-card finding-kev' : 'card vulnsum-card finding-card'} aria-labelledby={`vulnsum-${c.cveId}`}>
                  <h3 id={`vulnsum-${c.cveId}`}>{c.cveId}</h3>
                  {c.kev ? <p className="finding-kev-badge">{t('finding.kev')}</p> : null}
                  {c.cvss !== null ? <p>{cvssText(t, { score: c.cvss })} <GlossaryLink term="cvss" /></p> : null}
                  {c.description ? <p className="finding-description" lang={languageOf(c.description)}>{c.description}</p> : null}
                  <p className="vulnsum-counts">
                    <span>{t('vulnsum.affected', { count: countText(t, c.organisations, k) })}</span>
                    <span>{t('vulnsum.resolved', { count: countText(t, c.resolved, k) })}</span>
                  </p>
                </article>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="vulnsum-eol">
        <h2 id="vulnsum-eol">{t('vulnsum.eol', { count: eolProducts.length })}</h2>
        {eolProducts.length === 0 ? <p>{t('vulnsum.none')}</p> : (
          <ul className="vulnsum-list">
            {eolProducts.map((p, i) => (
              <li key={p.product}>
                <article className="card vulnsum-card" aria-labelledby={`vulnsum-eol-${i}`}>
                  <h3 id={`vulnsum-eol-${i}`}>{p.product}</h3>
                  <p className="vulnsum-counts">
                    <span>{t('vulnsum.affected', { count: countText(t, p.organisations, k) })}</span>
                    <span>{t('vulnsum.resolved', { count: countText(t, p.resolved, k) })}</span>
                  </p>
                </article>
              </li>
            ))}
          </ul>
        )}
      </section>
    </Page>
  );
}
