// Small pieces the mutual-aid pages share: tags, reasons, durations, request tables, notifications.
import { useQuery } from '@tanstack/react-query';
import { ErrorAlert } from '../../components/alerts.tsx';
import { Card } from '../../components/page.tsx';
import { categoryLabel, useI18n, type MessageKey, type Translate } from '../../i18n/index.ts';
import { formatDateTime } from '../../lib/format.ts';
import { labelOf, PREFECTURES } from '../../lib/reference.ts';
import { Link } from 'react-router';
import { aidApi, useAidChange, type AidSummary, type Reason } from './aid-api.ts';
import './aid.css';

export const k = (key: string) => key as MessageKey;

export function minutesText(t: Translate, minutes: number | null): string {
  if (minutes === null) return t('aid.none');
  if (minutes < 60) return t('aid.minutes', { n: minutes });
  return t('aid.hoursMinutes', { h: Math.floor(minutes / 60), m: minutes % 60 });
}

/** Status as text (and a colour only as a second cue). */
export function StatusTag({ status }: { status: string }) {
  const { t } = useI18n();
  const tone = status === 'closed' ? 'tag-ok' : status === 'cancelled' ? '' : status === 'open' ? 'tag-warn' : '';
  return <span className={`tag ${tone}`}>{t(k(`aid.status.${status}`))}</span>;
}

export function RiskTag({ risk }: { risk: AidSummary['risk'] }) {
  const { t } = useI18n();
  if (!risk) return null;
  return <span className={risk === 'due_soon' ? 'tag tag-warn' : 'tag tag-bad'}>{t(k(`aid.risk.${risk}`))}</span>;
}

export function reasonText(t: Translate, locale: 'ja' | 'en', reason: Reason): string {
  const params = { ...(reason.params ?? {}) };
  if (typeof params.prefecture === 'string') params.prefecture = labelOf(PREFECTURES, params.prefecture, locale);
  if (typeof params.language === 'string') params.language = t(k(`aid.language.${params.language}`));
  return t(k(`aid.reason.${reason.code}`), params);
}

export function ReasonList({ reasons }: { reasons: Reason[] }) {
  const { t, locale } = useI18n();
  return (
    <ul className="aid-reasons">
      {reasons.map((r, i) => <li key={`${r.code}-${i}`}>{reasonText(t, locale, r)}</li>)}
    </ul>
  );
}

export function RequestTable({ items, caption, showOrg, linked = true }: { items: AidSummary[]; caption: string; showOrg: boolean; linked?: boolean }) {
  const { t, locale } = useI18n();
  return (
    <div className="table-wrap" {...(linked ? {} : { tabIndex: 0, role: 'region', 'aria-label': caption })}>
      <table>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('aid.col.category')}</th>
            {showOrg ? <th scope="col">{t('aid.col.org')}</th> : null}
            <th scope="col">{t('aid.col.urgency')}</th>
            <th scope="col">{t('aid.col.status')}</th>
            <th scope="col">{t('aid.col.created')}</th>
            <th scope="col">{t('aid.col.due')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((r) => (
            <tr key={r.id}>
              <td>{linked ? <Link to={`/aid/requests/${r.id}`}>{categoryLabel(t, r.category)}</Link> : categoryLabel(t, r.category)}</td>
              {showOrg ? <td>{r.orgName ? r.orgName[locale] : t('aid.none')}</td> : null}
              <td>{t(k(`aid.urgency.${r.urgency}`))}</td>
              <td><StatusTag status={r.status} /> <RiskTag risk={r.risk} /></td>
              <td>{formatDateTime(r.createdAt, locale)}</td>
              <td>{formatDateTime(r.dueAt, locale)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function AidNotificationsCard() {
  const { t, locale } = useI18n();
  const notes = useQuery({ queryKey: ['aid', 'notifications'], queryFn: () => aidApi.notifications() });
  const action = useAidChange(() => aidApi.readNotifications());
  const unread = (notes.data?.items ?? []).filter((n) => !n.readAt);
  return (
    <Card title={t('aid.notifications.title')} id="aid-notifications">
      <ErrorAlert error={notes.error ?? action.error} />
      {notes.data && unread.length === 0 ? <p className="muted">{t('aid.notifications.none')}</p> : null}
      {unread.length > 0 ? (
        <>
          <ul className="plain-list">
            {unread.slice(0, 10).map((n) => (
              <li key={n.id}>
                <span className="tag">{t('aid.notifications.unread')}</span>{' '}
                <Link to={`/aid/requests/${n.requestId}`}>{t(k(`aid.notification.${n.kind}`), n.params)}</Link>{' '}
                <span className="muted">{formatDateTime(n.createdAt, locale)}</span>
              </li>
            ))}
          </ul>
          <button type="button" className="button-secondary" disabled={action.isPending}
            onClick={() => action.mutate()}>
            {t('aid.notifications.markRead')}
          </button>
        </>
      ) : null}
    </Card>
  );
}
