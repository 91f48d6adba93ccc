import { useInfiniteQuery } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import type { OutboxMail, Page as ApiPage } from '../../api/types.ts';
import { ErrorAlert, Loading } from '../../components/alerts.tsx';
import { Page } from '../../components/page.tsx';
import { useI18n } from '../../i18n/index.ts';
import { formatDateTime } from '../../lib/format.ts';

const PAGE_SIZE = 25;

export function OutboxPage() {
  const { t, locale } = useI18n();
  const mails = useInfiniteQuery({
    queryKey: ['outbox'],
    queryFn: ({ pageParam: before }) => api.get<ApiPage<OutboxMail, string>>('/api/outbox', { before, limit: PAGE_SIZE }),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextBefore,
  });
  const items = mails.data?.pages.flatMap((page) => page.items) ?? [];
  const loading = mails.isPending || mails.isFetchingNextPage;

  return (
    <Page title={t('outbox.title')}>
      <p>{t('outbox.intro')}</p>
      <ErrorAlert error={mails.error} />
      {!loading && items.length === 0 && !mails.error ? <p className="muted">{t('outbox.none')}</p> : null}
      <ul className="mail-list">
        {items.map((mail) => (
          <li key={mail.id} className="mail">
            <details>
              <summary>
                <span className="mail-subject">{mail.subject}</span>
                <span className="mail-meta">
                  {t('outbox.to', { recipient: mail.recipient })} · {formatDateTime(mail.createdAt, locale)} ·{' '}
                  <MailState mail={mail} />
                </span>
              </summary>
              {mail.error ? (
                <p className="alert alert-error">
                  {t('outbox.error')}: {mail.error}
                </p>
              ) : null}
              <pre className="mail-body">{mail.body}</pre>
            </details>
          </li>
        ))}
      </ul>
      {loading ? <Loading /> : null}
      {mails.hasNextPage && !loading ? (
        <button type="button" className="button-secondary" onClick={() => void mails.fetchNextPage()}>
          {t('common.older')}
        </button>
      ) : null}
    </Page>
  );
}

function MailState({ mail }: { mail: OutboxMail }) {
  const { t, locale } = useI18n();
  if (mail.error) return <span className="tag tag-bad">{t('outbox.failed')}</span>;
  if (mail.sentAt) return <span className="tag tag-ok">{t('outbox.sent', { at: formatDateTime(mail.sentAt, locale) })}</span>;
  return <span className="tag">{t('outbox.stored')}</span>;
}
