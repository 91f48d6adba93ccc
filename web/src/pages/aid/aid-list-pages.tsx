// Help requests: members' list, and the coordinators' desk (all requests, at-risk first).
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ErrorAlert, Loading } from '../../components/alerts.tsx';
import { SelectField } from '../../components/fields.tsx';
import { Card, Page } from '../../components/page.tsx';
import { useI18n } from '../../i18n/index.ts';
import { Link } from 'react-router';
import { useSession } from '../../session/session-context.tsx';
import { aidApi, REQUEST_STATUSES } from './aid-api.ts';
import { AidNotificationsCard, k, RequestTable } from './aid-bits.tsx';

export function AidListPage() {
  const { t } = useI18n();
  const list = useQuery({ queryKey: ['aid', 'list', 'mine'], queryFn: () => aidApi.list() });
  const items = list.data?.items ?? [];
  const { user } = useSession();
  // Help is asked through the report path: one way to do a thing.
  const ask = (user?.memberships.length ?? 0) > 0 ? <Link to="/reports/new" className="button">{t('report.path.action')}</Link> : null;
  return (
    <Page title={t('aid.list.title')} actions={ask}>
      <p className="lead">{t('aid.list.lead')}</p>
      <AidNotificationsCard />
      <ErrorAlert error={list.error} />
      {list.isPending ? <Loading /> : null}
      {list.data && items.length === 0 ? <p className="muted">{t('aid.list.none')}</p> : null}
      {items.length > 0 ? <RequestTable items={items} caption={t('aid.list.title')} showOrg /> : null}
    </Page>
  );
}

export function AidDeskPage() {
  const { t } = useI18n();
  const [status, setStatus] = useState('');
  const list = useQuery({ queryKey: ['aid', 'list', status], queryFn: () => aidApi.list(status) });
  const items = list.data?.items ?? [];
  const atRisk = items.filter((r) => r.risk !== null);
  return (
    <Page title={t('aid.desk.title')} actions={<Link to="/aid/responders" className="button button-secondary">{t('nav.aidVetting')}</Link>}>
      <p className="lead">{t('aid.desk.lead')}</p>
      <AidNotificationsCard />
      <ErrorAlert error={list.error} />
      {list.isPending ? <Loading /> : null}
      <Card title={t('aid.desk.atRisk')} id="aid-at-risk">
        {list.data && atRisk.length === 0 ? <p className="muted">{t('aid.desk.noneAtRisk')}</p> : null}
        {atRisk.length > 0 ? <RequestTable items={atRisk} caption={t('aid.desk.atRisk')} showOrg /> : null}
      </Card>
      <Card title={t('aid.desk.all')} id="aid-all">
        <div className="filters">
          <SelectField label={t('aid.desk.filter')} value={status} onValue={setStatus} empty={t('common.any')}
            options={REQUEST_STATUSES.map((s) => ({ value: s, label: t(k(`aid.status.${s}`)) }))} />
        </div>
        {list.data && items.length === 0 ? <p className="muted">{t('aid.list.none')}</p> : null}
        {items.length > 0 ? <RequestTable items={items} caption={t('aid.desk.all')} showOrg /> : null}
      </Card>
    </Page>
  );
}
