// /intel: search the threat intelligence the user can read. The filters live in the address, so a search
// can be bookmarked and survives going to an object and back.
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import type { Query } from '../../api/client.ts';
import { ErrorAlert, Loading } from '../../components/alerts.tsx';
import { SelectField, TextField } from '../../components/fields.tsx';
import { Page } from '../../components/page.tsx';
import { useI18n } from '../../i18n/index.ts';
import { dayBoundary, formatDateTime } from '../../lib/format.ts';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { intelApi, objectHref } from './intel-api.ts';
import { IntelTabs, TlpBadge, TypeTag } from './intel-parts.tsx';
import { collectionName, tlpOptions, typeOptions } from './intel-labels.ts';

const FIELDS = ['type', 'q', 'label', 'tlp', 'from', 'to', 'collection'] as const;
type Filters = Record<(typeof FIELDS)[number], string>;

const filtersOf = (query: URLSearchParams): Filters =>
  Object.fromEntries(FIELDS.map((field) => [field, query.get(field) ?? ''])) as Filters;

// Days are chosen in Japan time, as everywhere in the UI; the API takes instants.
const apiQuery = (f: Filters): Query => ({
  type: f.type, q: f.q, label: f.label, tlp: f.tlp, collection: f.collection,
  addedFrom: f.from ? dayBoundary(f.from, false) : '', addedTo: f.to ? dayBoundary(f.to, true) : '',
});

export function IntelSearchPage() {
  const navigate = useNavigate();
  const { t, locale } = useI18n();
  const [query] = useSearchParams();
  const applied = filtersOf(query);
  const key = FIELDS.map((field) => applied[field]).join('\u0000');
  const [draft, setDraft] = useState<Filters>(applied);
  // Back and forward change the address: the form follows it.
  useEffect(() => setDraft(filtersOf(new URLSearchParams(window.location.search))), [key]);
  const collections = useQuery({ queryKey: ['intel', 'collections'], queryFn: () => intelApi.collections() });
  const results = useInfiniteQuery({
    queryKey: ['intel', 'objects', applied],
    queryFn: ({ pageParam: before }) => intelApi.objects({ ...apiQuery(applied), before, limit: 50 }),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextBefore,
  });
  const items = results.data?.pages.flatMap((page) => page.items) ?? [];
  const loading = results.isPending || results.isFetchingNextPage;
  const set = (field: keyof Filters) => (value: string) => setDraft((d) => ({ ...d, [field]: value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const params = new URLSearchParams(Object.entries(draft).filter(([, value]) => value !== ''));
    navigate(params.size > 0 ? `/intel?${params.toString()}` : '/intel');
  };
  const readable = (collections.data?.items ?? []).filter((c) => c.canRead);
  const nameOfCollection = new Map(readable.map((c) => [c.id, collectionName(c, t, locale)]));

  return (
    <Page title={t('intel.title')}>
      <IntelTabs />
      <p className="lead">{t('intel.intro')}</p>
      <form className="filters" onSubmit={submit} role="search" aria-label={t('intel.search')}>
        <TextField label={t('intel.q')} type="search" value={draft.q} onValue={set('q')} hint={t('intel.qHint')} />
        <SelectField label={t('intel.type')} value={draft.type} onValue={set('type')} options={typeOptions(t)} empty={t('common.any')} />
        <TextField label={t('intel.label')} value={draft.label} onValue={set('label')} />
        <SelectField label={t('intel.tlp')} value={draft.tlp} onValue={set('tlp')} options={tlpOptions()} empty={t('common.any')} />
        <TextField label={t('intel.addedFrom')} type="date" value={draft.from} onValue={set('from')} />
        <TextField label={t('intel.addedTo')} type="date" value={draft.to} onValue={set('to')} />
        <SelectField
          label={t('intel.collection')}
          value={draft.collection}
          onValue={set('collection')}
          options={readable.map((c) => ({ value: c.id, label: collectionName(c, t, locale) }))}
          empty={t('intel.allCollections')}
        />
        <div className="filter-actions">
          <button type="submit">{t('common.search')}</button>
        </div>
      </form>
      <ErrorAlert error={results.error} />
      {items.length > 0 ? (
        <div className="table-wrap intel-fit intel-results">
          <table>
            <caption className="visually-hidden">{t('intel.results')}</caption>
            <thead>
              <tr>
                <th scope="col" className="wide-only">{t('intel.col.type')}</th>
                <th scope="col">{t('intel.col.name')}</th>
                <th scope="col">{t('intel.col.tlp')}</th>
                <th scope="col" className="wide-only">{t('intel.col.labels')}</th>
                <th scope="col" className="wide-only">{t('intel.col.dateAdded')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <tr key={item.id}>
                  <td className="wide-only">
                    <TypeTag type={item.type} />
                  </td>
                  <td className="intel-name">
                    <span className="narrow-only">
                      <TypeTag type={item.type} />
                    </span>
                    <Link to={objectHref(item.id)}>{item.name}</Link>
                    <span className="muted intel-in">
                      {item.collectionIds.map((id) => nameOfCollection.get(id)).filter(Boolean).join(t('intel.readers.separator'))}
                    </span>
                    <span className="muted intel-in narrow-only">
                      {t('intel.col.dateAdded')}: {formatDateTime(item.dateAdded, locale)}
                    </span>
                  </td>
                  <td>
                    <TlpBadge level={item.tlp} />
                  </td>
                  <td className="wide-only">{item.labels.join(', ')}</td>
                  <td className="nowrap wide-only">{formatDateTime(item.dateAdded, locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {loading ? <Loading /> : null}
      {!loading && !results.error && items.length === 0 ? (
        <p className="muted">{results.hasNextPage ? t('intel.noneYet') : t('intel.none')}</p>
      ) : null}
      {results.hasNextPage && !loading ? (
        <button type="button" className="button-secondary" onClick={() => void results.fetchNextPage()}>
          {t('common.older')}
        </button>
      ) : null}
    </Page>
  );
}
