import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api } from '../../api/client.ts';
import type { Items, OrgSummary } from '../../api/types.ts';
import { ErrorAlert, Loading } from '../../components/alerts.tsx';
import { SelectField, TextField } from '../../components/fields.tsx';
import { Page } from '../../components/page.tsx';
import { useI18n } from '../../i18n/index.ts';
import { orgStatusOptions, referenceOptions } from '../../lib/options.ts';
import { labelOf, orgName, PREFECTURES, SECTORS, SIZE_BANDS } from '../../lib/reference.ts';
import { Link } from 'react-router';
import { hasRole, useSession } from '../../session/session-context.tsx';

interface Filters {
  q: string;
  status: string;
  sector: string;
  prefecture: string;
}

const EMPTY: Filters = { q: '', status: '', sector: '', prefecture: '' };

export function OrgsPage() {
  const { t, locale } = useI18n();
  const { user } = useSession();
  const [draft, setDraft] = useState<Filters>(EMPTY);
  const [applied, setApplied] = useState<Filters>(EMPTY);
  const orgs = useQuery({ queryKey: ['orgs', 'list', applied], queryFn: () => api.get<Items<OrgSummary>>('/api/orgs', { ...applied }) });
  const set = (key: keyof Filters) => (value: string) => setDraft((d) => ({ ...d, [key]: value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setApplied(draft);
  };

  return (
    <Page
      title={t('orgs.title')}
      actions={
        hasRole(user, 'administrator') ? (
          <Link to="/orgs/new" className="button">
            {t('orgs.new')}
          </Link>
        ) : null
      }
    >
      <form className="filters" onSubmit={submit} role="search" aria-label={t('orgs.search')}>
        <TextField label={t('orgs.q')} type="search" value={draft.q} onValue={set('q')} />
        <SelectField label={t('org.status')} value={draft.status} onValue={set('status')} options={orgStatusOptions(t)} empty={t('common.any')} />
        <SelectField label={t('org.sector')} value={draft.sector} onValue={set('sector')} options={referenceOptions(SECTORS, locale)} empty={t('common.any')} />
        <SelectField
          label={t('org.prefecture')}
          value={draft.prefecture}
          onValue={set('prefecture')}
          options={referenceOptions(PREFECTURES, locale)}
          empty={t('common.any')}
        />
        <div className="filter-actions">
          <button type="submit">{t('common.search')}</button>
        </div>
      </form>
      <ErrorAlert error={orgs.error} />
      {orgs.isPending ? <Loading /> : null}
      {orgs.data && orgs.data.items.length === 0 ? <p className="muted">{t('orgs.none')}</p> : null}
      {orgs.data && orgs.data.items.length > 0 ? (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{t('orgs.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('org.name')}</th>
                <th scope="col">{t('org.sector')}</th>
                <th scope="col">{t('org.prefecture')}</th>
                <th scope="col">{t('org.sizeBand')}</th>
                <th scope="col">{t('org.status')}</th>
              </tr>
            </thead>
            <tbody>
              {orgs.data.items.map((org) => (
                <tr key={org.id}>
                  <td>
                    <Link to={`/orgs/${encodeURIComponent(org.id)}`}>{orgName(org, locale)}</Link>
                  </td>
                  <td>{labelOf(SECTORS, org.sector, locale)}</td>
                  <td>{labelOf(PREFECTURES, org.prefecture, locale)}</td>
                  <td>{labelOf(SIZE_BANDS, org.sizeBand, locale)}</td>
                  <td>
                    <span className={`tag status-${org.status}`}>{t(`orgStatus.${org.status}`)}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </Page>
  );
}
