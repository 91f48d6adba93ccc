// The accountability ledger for auditors, coordinators and administrators: its size and latest signed
// checkpoint, the entries they may read (with receipts), and verifying a receipt.
import { useQuery } from '@tanstack/react-query';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api/client.ts';
import type { Page as ApiPage } from '../../api/types.ts';
import { ErrorAlert, Loading } from '../../components/alerts.tsx';
import { CopyButton } from '../../components/copy-button.tsx';
import { SelectField } from '../../components/fields.tsx';
import { Card, Page } from '../../components/page.tsx';
import { useI18n, type MessageKey } from '../../i18n/index.ts';
import { formatDateTime } from '../../lib/format.ts';
import { EVENT_TYPES, type LedgerEntry, type LedgerStatus } from './ledger-api.ts';
import { ReceiptVerifier } from './receipt-verifier.tsx';

const PAGE_SIZE = 50;
const typeKey = (type: string) => `ledger.type.${type}` as MessageKey;

export function LedgerPage() {
  const { t } = useI18n();
  return (
    <Page title={t('ledger.title')}>
      <p>{t('ledger.intro')}</p>
      <StatusCard />
      <EntriesCard />
      <ReceiptVerifier />
    </Page>
  );
}

function StatusCard() {
  const { t, locale } = useI18n();
  const status = useQuery({ queryKey: ['ledger', 'status'], queryFn: () => api.get<LedgerStatus>('/api/ledger/status') });
  return (
    <Card title={t('ledger.status')} id="ledger-status">
      <ErrorAlert error={status.error} />
      {status.isPending ? <Loading /> : null}
      {status.data ? (
        <>
          <dl className="summary">
            <dt>{t('ledger.size')}</dt>
            <dd data-testid="ledger-size">{status.data.size.toLocaleString(locale)}</dd>
            <dt>{t('ledger.signedAt')}</dt>
            <dd>{formatDateTime(status.data.signedAt, locale)}</dd>
          </dl>
          <h3>{t('ledger.checkpoint')}</h3>
          <pre aria-label={t('ledger.checkpoint')}>{status.data.checkpoint}</pre>
          <h3>{t('ledger.key')}</h3>
          <p>
            <code className="wrap">{status.data.key}</code> <CopyButton text={status.data.key} label={t('ledger.copyKey')} />
          </p>
          <p className="muted">{t('ledger.cliHint', { url: window.location.origin })}</p>
        </>
      ) : null}
    </Card>
  );
}

function EntriesCard() {
  const { t, locale } = useI18n();
  const [type, setType] = useState('');
  const entries = useInfiniteQuery({
    queryKey: ['ledger', 'entries', type],
    queryFn: ({ pageParam: before }) => api.get<ApiPage<LedgerEntry, number>>('/api/ledger/entries', { before, limit: PAGE_SIZE, type }),
    initialPageParam: null as number | null,
    getNextPageParam: (page) => page.nextBefore,
  });
  const items = entries.data?.pages.flatMap((page) => page.items) ?? [];
  const loading = entries.isPending || entries.isFetchingNextPage;
  return (
    <Card title={t('ledger.entries')} id="ledger-entries">
      <SelectField
        label={t('ledger.type')}
        value={type}
        onValue={setType}
        empty={t('ledger.typeAll')}
        options={EVENT_TYPES.map((value) => ({ value, label: t(typeKey(value)) }))}
      />
      <ErrorAlert error={entries.error} />
      {!loading && items.length === 0 && !entries.error ? <p className="muted">{t('ledger.none')}</p> : null}
      {items.length > 0 ? (
        <div className="table-wrap">
          <table className="dense">
            <caption className="visually-hidden">{t('ledger.entries')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('ledger.col.index')}</th>
                <th scope="col">{t('ledger.col.at')}</th>
                <th scope="col">{t('ledger.col.type')}</th>
                <th scope="col">{t('ledger.col.event')}</th>
                <th scope="col">{t('ledger.col.receipt')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((entry) => (
                <tr key={entry.index}>
                  <td>{entry.index}</td>
                  <td className="nowrap">{formatDateTime(entry.at, locale)}</td>
                  <td>{t(typeKey(entry.type))}</td>
                  <td>
                    <details>
                      <summary>{t('ledger.show')}</summary>
                      <p className="muted">
                        {t('ledger.leafHash')}: <code className="wrap">{entry.leaf_hash}</code>
                      </p>
                      <pre>{JSON.stringify(entry.event, null, 2)}</pre>
                    </details>
                  </td>
                  <td>
                    <a href={`/api/ledger/entries/${entry.index}/receipt`} download={`ledger-receipt-${entry.index}.json`} aria-label={t('ledger.downloadLabel', { index: entry.index })}>
                      {t('ledger.download')}
                    </a>
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
    </Card>
  );
}
