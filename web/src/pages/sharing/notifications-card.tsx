// Home page card: the advisories published to the user's organisations, newest first.
import { ErrorAlert } from '../../components/alerts.tsx';
import { Card } from '../../components/page.tsx';
import { useI18n } from '../../i18n/index.ts';
import { useLoad } from '../../lib/use-load.ts';
import { Link } from '../../router.tsx';
import { sharingApi } from './sharing-api.ts';

export function NotificationsCard() {
  const { t, locale } = useI18n();
  const notes = useLoad(() => sharingApi.notifications(), 'notifications');
  const items = notes.data?.items ?? [];
  return (
    <Card title={t('notifications.title')} id="home-notifications">
      <ErrorAlert error={notes.error} />
      {notes.data && items.length === 0 ? <p className="muted">{t('notifications.none')}</p> : null}
      {items.length > 0 ? (
        <ul className="plain-list">
          {items.slice(0, 10).map((n) => (
            <li key={n.id}>
              <Link href={`/intel/objects/${encodeURIComponent(n.stixId)}`}>{locale === 'ja' ? n.titleJa : n.titleEn}</Link>{' '}
              <span className="muted">{new Date(n.createdAt).toLocaleDateString(locale === 'ja' ? 'ja-JP' : 'en-GB')}</span>
            </li>
          ))}
        </ul>
      ) : null}
    </Card>
  );
}
