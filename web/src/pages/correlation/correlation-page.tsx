// /correlation — look up a value (everyone signed in: only objects they can read); for coordinators
// also the campaign candidates and the values over the over-correlation guard.
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { ErrorAlert, Loading } from '../../components/alerts.tsx';
import { TextField } from '../../components/fields.tsx';
import { Card, Page } from '../../components/page.tsx';
import { useI18n, type Translate } from '../../i18n/index.ts';
import { formatDateTime } from '../../lib/format.ts';
import { hasRole, useSession } from '../../session/session-context.tsx';
import { correlationApi } from './correlation-api.ts';
import { SourceLink, typeName, ValueText } from './correlation-parts.tsx';
import './correlation.css';

export function CorrelationPage() {
  const { t } = useI18n();
  const { user } = useSession();
  const coordinator = hasRole(user, 'coordinator');
  return (
    <Page title={t('corr.page.title')}>
      <LookupCard t={t} />
      {coordinator ? <CampaignsCard t={t} /> : null}
      {coordinator ? <OverCorrelatedCard t={t} /> : null}
    </Page>
  );
}

function LookupCard({ t }: { t: Translate }) {
  const [value, setValue] = useState('');
  // The value looked up, with how often: searching the same value again asks the server again.
  const [asked, setAsked] = useState<{ value: string; time: number } | null>(null);
  const lookup = useQuery({
    queryKey: ['correlation', 'lookup', asked],
    queryFn: () => correlationApi.lookup(asked?.value ?? ''),
    enabled: asked !== null,
    refetchOnWindowFocus: false,
  });
  const result = lookup.data;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setAsked({ value: value.trim(), time: Date.now() });
  };
  return (
    <Card title={t('corr.lookup.title')} id="corr-lookup">
      <form onSubmit={submit} role="search">
        <TextField label={t('corr.lookup.label')} hint={t('corr.lookup.hint')} value={value} onValue={setValue} required maxLength={4096} />
        <button type="submit" disabled={lookup.isFetching || value.trim() === ''}>{t('common.search')}</button>
      </form>
      <ErrorAlert error={lookup.error} />
      <div aria-live="polite">
        {result ? (
          <>
            <p>{t('corr.lookup.result', { type: typeName(t, result.observable.type), value: result.observable.value })}</p>
            {result.benign ? <p className="tag tag-ok">{t('corr.lookup.benign')}</p> : null}
            {result.sourceCount !== undefined ? <p className="muted">{t('corr.lookup.sources', { count: result.sourceCount })}</p> : null}
            {result.objects.length === 0 ? <p className="muted">{t('corr.lookup.none')}</p> : (
              <ul className="plain-list">
                {result.objects.map((o) => <li key={`${o.kind}|${o.id}`}><SourceLink source={o} t={t} /></li>)}
              </ul>
            )}
          </>
        ) : null}
      </div>
    </Card>
  );
}

function CampaignsCard({ t }: { t: Translate }) {
  const loaded = useQuery({ queryKey: ['correlation', 'campaigns'], queryFn: () => correlationApi.campaigns() });
  const data = loaded.data;
  return (
    <Card title={t('corr.campaigns.title')} id="corr-campaigns">
      <p className="hint">{t('corr.campaigns.hint')}</p>
      {loaded.isPending && !data ? <Loading /> : null}
      <ErrorAlert error={loaded.error} />
      {data && !data.complete ? <p className="tag tag-warn">{t('corr.campaigns.incomplete')}</p> : null}
      {data && data.items.length === 0 ? <p className="muted">{t('corr.campaigns.none')}</p> : null}
      {data ? (
        <ol className="campaign-list">
          {data.items.map((c) => (
            <li key={c.members.map((m) => m.id).join('|')}>
              <h3>{t('corr.campaigns.size', { size: c.size, values: c.valueCount })}</h3>
              <ul className="plain-list">
                {c.members.map((m) => <li key={`${m.kind}|${m.id}`}><SourceLink source={m} t={t} /></li>)}
              </ul>
              <p className="muted">{t('corr.shared')}:</p>
              <ul className="plain-list">
                {c.values.map((v) => <li key={`${v.type}|${v.value}`}><ValueText type={v.type} value={v.value} t={t} /></li>)}
              </ul>
            </li>
          ))}
        </ol>
      ) : null}
    </Card>
  );
}

function OverCorrelatedCard({ t }: { t: Translate }) {
  const { locale } = useI18n();
  const loaded = useQuery({ queryKey: ['correlation', 'over-correlated'], queryFn: () => correlationApi.overCorrelated() });
  const data = loaded.data;
  return (
    <Card title={t('corr.over.title')} id="corr-over">
      {data ? <p className="hint">{t('corr.over.hint', { max: data.maxLinks })}</p> : null}
      {loaded.isPending && !data ? <Loading /> : null}
      <ErrorAlert error={loaded.error} />
      {data && data.items.length === 0 ? <p className="muted">{t('corr.over.none')}</p> : null}
      {data && data.items.length > 0 ? (
        <div className="table-wrap">
          <table className="dense">
            <caption className="visually-hidden">{t('corr.over.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('corr.col.type')}</th>
                <th scope="col">{t('corr.col.value')}</th>
                <th scope="col">{t('corr.col.sources')}</th>
                <th scope="col">{t('corr.col.firstSeen')}</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((v) => (
                <tr key={`${v.type}|${v.value}`}>
                  <td>{typeName(t, v.type)}</td>
                  <td><code className="wrap">{v.value}</code></td>
                  <td>{v.sourceCount}</td>
                  <td>{formatDateTime(v.firstSeenAt, locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </Card>
  );
}
