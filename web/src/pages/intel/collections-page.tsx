// /intel/collections — the collections the user can read or write: who can read each one (in words),
// how many objects it holds, an export link, and an import form for those the user can write.
import { useQuery } from '@tanstack/react-query';
import { ErrorAlert, Loading } from '../../components/alerts.tsx';
import { Card, Page } from '../../components/page.tsx';
import { useI18n } from '../../i18n/index.ts';
import { Link } from 'react-router';
import { intelApi, type IntelCollection } from './intel-api.ts';
import { collectionName, readersText } from './intel-labels.ts';
import { ImportForm } from './import-form.tsx';
import { IntelTabs } from './intel-parts.tsx';

export function CollectionsPage() {
  const { t } = useI18n();
  const collections = useQuery({ queryKey: ['intel', 'collections'], queryFn: () => intelApi.collections() });
  const items = collections.data?.items ?? [];
  const writable = items.filter((c) => c.canWrite);

  return (
    <Page title={t('intel.collections.title')}>
      <IntelTabs />
      <p className="lead">{t('intel.collections.intro')}</p>
      <ErrorAlert error={collections.error} />
      {collections.isPending ? <Loading /> : null}
      {collections.data ? (
        <div className="table-wrap intel-fit intel-results">
          <table>
            <caption className="visually-hidden">{t('intel.collections.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('intel.collections.name')}</th>
                <th scope="col" className="wide-only">{t('intel.collections.readers')}</th>
                <th scope="col" className="wide-only">{t('intel.collections.count')}</th>
                <th scope="col" className="wide-only">{t('intel.collections.access')}</th>
                <th scope="col">{t('common.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((c) => (
                <CollectionRow key={c.id} collection={c} />
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {collections.data ? <p className="hint">{t('intel.collections.coordinatorsNote')}</p> : null}
      {writable.length > 0 && collections.data ? (
        <Card title={t('intel.import.title')} id="intel-import">
          <ImportForm collections={writable} maxBytes={collections.data.maxImportBytes} />
        </Card>
      ) : null}
    </Page>
  );
}

function CollectionRow({ collection: c }: { collection: IntelCollection }) {
  const { t, locale } = useI18n();
  const name = collectionName(c, t, locale);
  const count = c.objectCountCapped ? t('intel.collections.countMore', { count: c.objectCount.toLocaleString(locale) }) : t('intel.collections.countExact', { count: c.objectCount.toLocaleString(locale) });
  const access = [c.canRead ? t('intel.collections.canRead') : null, c.canWrite ? t('intel.collections.canWrite') : null].filter(Boolean).join(t('intel.readers.separator'));
  return (
    <tr>
      <th scope="row">
        {c.canRead ? <Link to={`/intel?collection=${encodeURIComponent(c.id)}`}>{name}</Link> : name}
        {c.alias ? <span className="muted"> ({c.alias})</span> : null}
        {/* On a phone the other columns fold into this cell. */}
        <span className="narrow-only intel-in">{t('intel.collections.readers')}: {readersText(c.readers, t, locale)}</span>
        <span className="narrow-only intel-in">{t('intel.collections.count')}: {count} / {t('intel.collections.access')}: {access}</span>
      </th>
      <td className="wide-only">{readersText(c.readers, t, locale)}</td>
      <td className="nowrap wide-only">{count}</td>
      <td className="wide-only">{access}</td>
      <td>
        {c.canRead ? (
          <a href={intelApi.exportHref(c.id)} download aria-label={t('intel.collections.exportOf', { name })}>
            {t('intel.collections.export')}
          </a>
        ) : null}
      </td>
    </tr>
  );
}
