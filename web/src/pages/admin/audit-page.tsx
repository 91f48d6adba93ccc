import { useInfiniteQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api } from '../../api/client.ts';
import type { AuditEntry, Page as ApiPage } from '../../api/types.ts';
import { ErrorAlert, Loading } from '../../components/alerts.tsx';
import { TextField } from '../../components/fields.tsx';
import { Page } from '../../components/page.tsx';
import { useI18n } from '../../i18n/index.ts';
import { dayBoundary, formatDateTime } from '../../lib/format.ts';

interface Filters {
  action: string;
  actorId: string;
  orgId: string;
  from: string;
  to: string;
  q: string;
}

const EMPTY: Filters = { action: '', actorId: '', orgId: '', from: '', to: '', q: '' };
const PAGE_SIZE = 50;

export function AuditPage() {
  const { t, locale } = useI18n();
  const [draft, setDraft] = useState<Filters>(EMPTY);
  const [applied, setApplied] = useState<Filters>(EMPTY);
  const set = (key: keyof Filters) => (value: string) => setDraft((d) => ({ ...d, [key]: value }));
  const entries = useInfiniteQuery({
    queryKey: ['audit', applied],
    queryFn: ({ pageParam: before }) => api.get<ApiPage<AuditEntry, number>>('/api/audit', {
        ...applied,
        from: dayBoundary(applied.from, false),
        to: dayBoundary(applied.to, true),
        before,
        limit: PAGE_SIZE,
      }),
    initialPageParam: null as number | null,
    getNextPageParam: (page) => page.nextBefore,
  });
  const items = entries.data?.pages.flatMap((page) => page.items) ?? [];
  const loading = entries.isPending || entries.isFetchingNextPage;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setApplied({ ...draft });
  };

  return (
    <Page title={t('audit.title')}>
      <form className="filters" onSubmit={submit} role="search" aria-label={t('audit.filters')}>
        <TextField label={t('audit.q')} type="search" value={draft.q} onValue={set('q')} />
        <TextField label={t('audit.action')} value={draft.action} onValue={set('action')} spellCheck={false} />
        <TextField label={t('audit.actorId')} value={draft.actorId} onValue={set('actorId')} spellCheck={false} />
        <TextField label={t('audit.orgId')} value={draft.orgId} onValue={set('orgId')} spellCheck={false} />
        <TextField label={t('audit.from')} type="date" value={draft.from} onValue={set('from')} />
        <TextField label={t('audit.to')} type="date" value={draft.to} onValue={set('to')} />
        <div className="filter-actions">
          <button type="submit">{t('common.search')}</button>
        </div>
      </form>
      <ErrorAlert error={entries.error} />
      {!loading && items.length === 0 && !entries.error ? <p className="muted">{t('audit.none')}</p> : null}
      {items.length > 0 ? (
        <div className="table-wrap">
          <table className="dense">
            <caption className="visually-hidden">{t('audit.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('audit.at')}</th>
                <th scope="col">{t('audit.actor')}</th>
                <th scope="col">{t('audit.action')}</th>
                <th scope="col">{t('audit.target')}</th>
                <th scope="col">{t('audit.orgId')}</th>
                <th scope="col">{t('audit.ip')}</th>
                <th scope="col">{t('audit.details')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((entry) => (
                <tr key={entry.id}>
                  <td className="nowrap">{formatDateTime(entry.at, locale)}</td>
                  <td>{entry.actorEmail ?? entry.actorUserId ?? t('audit.system')}</td>
                  <td>
                    <code>{entry.action}</code>
                  </td>
                  <td>{entry.targetType ? `${entry.targetType}${entry.targetId ? `: ${entry.targetId}` : ''}` : ''}</td>
                  <td>{entry.orgId ?? ''}</td>
                  <td>{entry.ip ?? ''}</td>
                  <td>
                    <Details entry={entry} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {loading ? <Loading /> : null}
      {entries.hasNextPage && !loading ? (
        <button type="button" className="button-secondary" onClick={() => void entries.fetchNextPage()}>
          {t('common.older')}
        </button>
      ) : null}
    </Page>
  );
}

function Details({ entry }: { entry: AuditEntry }) {
  const t = useI18n().t;
  const empty = entry.details === null || entry.details === undefined || (typeof entry.details === 'object' && Object.keys(entry.details).length === 0);
  if (empty && !entry.requestId) return null;
  return (
    <details>
      <summary>{t('audit.show')}</summary>
      {entry.requestId ? (
        <p className="muted">
          {t('audit.requestId')}: <code>{entry.requestId}</code>
        </p>
      ) : null}
      {empty ? null : <pre>{JSON.stringify(entry.details, null, 2)}</pre>}
    </details>
  );
}
