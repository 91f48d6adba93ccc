// /intel/objects/:id — one STIX object: what it is, its properties in words, its relationships (graph and
// table), its versions, the collections holding it, and the raw JSON.
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { ErrorAlert, Loading } from '../../components/alerts.tsx';
import { Card, Page } from '../../components/page.tsx';
import { useI18n, type Locale, type Translate } from '../../i18n/index.ts';
import { formatDateTime } from '../../lib/format.ts';
import { Link } from 'react-router';
import { intelApi, objectHref, type ObjectDetail, type StixObject } from './intel-api.ts';
import { collectionName, PROPERTY_ORDER, propertyLabel } from './intel-labels.ts';
import { IntelTabs, TlpBadge, TypeTag } from './intel-parts.tsx';
import { RelationshipGraph } from './relationship-graph.tsx';
import { CorrelationCard } from '../correlation/correlation-card.tsx';
import { TLP_MARKINGS } from '../../../../src/modules/stix/tlp.ts';

const STIX_ID = /^[a-z0-9][a-z0-9-]*--[0-9a-fA-F-]{36}$/;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

export function ObjectPage({ id }: { id: string }) {
  const { t } = useI18n();
  const detail = useQuery({ queryKey: ['intel', 'object', id], queryFn: () => intelApi.object(id) });
  if (detail.isPending) return <Loading />;
  if (!detail.data) {
    return (
      <Page title={t('intel.object.title')}>
        <IntelTabs />
        <ErrorAlert error={detail.error} />
        <p>
          <Link to="/intel">{t('intel.object.back')}</Link>
        </p>
      </Page>
    );
  }
  return <ObjectView detail={detail.data} />;
}

function ObjectView({ detail }: { detail: ObjectDetail }) {
  const { t, locale } = useI18n();
  const { object } = detail;
  const type = String(object.type ?? '');
  return (
    <Page title={detail.name}>
      <IntelTabs />
      <div className="intel-head">
        <TypeTag type={type} />
        <TlpBadge level={detail.tlp} />
        {object.revoked === true ? <span className="tag tag-bad">{t('intel.object.revoked')}</span> : null}
        <code className="wrap">{String(object.id)}</code>
      </div>
      <Card title={t('intel.object.properties')} id="intel-properties">
        <PropertyList object={object} />
      </Card>
      <Card title={t('intel.object.related')} id="intel-related">
        <RelationshipGraph detail={detail} />
      </Card>
      <CorrelationCard id={String(object.id)} />
      <div className="grid-2">
        <Card title={t('intel.object.versions')} id="intel-versions">
          <div className="table-wrap intel-fit">
            <table className="dense">
              <caption className="visually-hidden">{t('intel.object.versions')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('intel.object.version')}</th>
                  <th scope="col">{t('intel.col.dateAdded')}</th>
                </tr>
              </thead>
              <tbody>
                {detail.versions.map((v, i) => (
                  <tr key={v.modified}>
                    <td>
                      {formatDateTime(v.modified, locale)} {i === 0 ? <span className="tag">{t('intel.object.latest')}</span> : null}
                    </td>
                    <td>{formatDateTime(v.dateAdded, locale)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </Card>
        <Card title={t('intel.object.collections')} id="intel-collections">
          <ul className="plain-list">
            {detail.collections.map((c) => (
              <li key={c.id}>{collectionName(c, t, locale)}</li>
            ))}
          </ul>
        </Card>
      </div>
      <details className="card raw-json">
        <summary>{t('intel.object.json')}</summary>
        <pre>{JSON.stringify(object, null, 2)}</pre>
      </details>
    </Page>
  );
}

function PropertyList({ object }: { object: StixObject }) {
  const { t, locale } = useI18n();
  const keys = Object.keys(object);
  const known = PROPERTY_ORDER.filter((key) => keys.includes(key));
  const rest = keys.filter((key) => !PROPERTY_ORDER.includes(key)).sort();
  return (
    <dl className="summary">
      {[...known, ...rest].map((key) => (
        <div key={key} className="summary-row">
          <dt>
            {propertyLabel(t, key)} {propertyLabel(t, key) !== key ? <code className="muted">{key}</code> : null}
          </dt>
          <dd>{key === 'id' ? <code className="wrap">{String(object.id)}</code> : valueOf(object[key], t, locale)}</dd>
        </div>
      ))}
    </dl>
  );
}

/** A property value in words: references become links, timestamps dates, lists lists, the rest JSON. */
function valueOf(value: unknown, t: Translate, locale: Locale): ReactNode {
  if (typeof value === 'string') {
    const tlp = Object.hasOwn(TLP_MARKINGS, value) ? TLP_MARKINGS[value] : undefined;
    if (tlp) return <span><TlpBadge level={tlp.level} /> <span className="muted">({tlp.name}, TLP {tlp.tlpVersion})</span></span>;
    if (STIX_ID.test(value)) return <Link to={objectHref(value)} className="wrap">{value}</Link>;
    if (TIMESTAMP.test(value)) return <time dateTime={value}>{formatDateTime(value, locale)}</time>;
    return <span className="prewrap">{value}</span>;
  }
  if (typeof value === 'boolean') return value ? t('intel.yes') : t('intel.no');
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) {
    return (
      <ul className="plain-list">
        {value.map((v, i) => <li key={`${i}-${String(v)}`}>{valueOf(v, t, locale)}</li>)}
      </ul>
    );
  }
  return <pre className="inline-json">{JSON.stringify(value, null, 2)}</pre>;
}
