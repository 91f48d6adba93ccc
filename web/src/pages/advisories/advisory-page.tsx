// /advisories/:id — an advisory as a member reads it, in their language: what happened (to whom, generalised), what to
// do now, and what to look for as a plain list, each with "we saw this too" and one button for all. Hints say where an
// item touches an address range or domain the member's organisation registered. The STIX objects stay one link away
// for analysts.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../api/client.ts';
import { ErrorAlert, Loading, SuccessNote } from '../../components/alerts.tsx';
import { SelectField } from '../../components/fields.tsx';
import { Card, Page } from '../../components/page.tsx';
import { useI18n, type Translate } from '../../i18n/index.ts';
import type { MessageKey } from '../../i18n/resources.ts';
import { formatDateTime } from '../../lib/format.ts';
import { labelOf, membershipName, PREFECTURES, SECTORS, SIZE_BANDS } from '../../lib/reference.ts';
import { useSession } from '../../session/session-context.tsx';
import { GlossaryLink } from '../glossary/glossary-page.tsx';
import type { AdvisoryBrief } from '../../../../src/modules/sharing/sharing.schema.ts';

type Indicator = AdvisoryBrief['indicators'][number];

const path = (id: string) => `/api/advisories/${encodeURIComponent(id)}`;

export function AdvisoryPage({ id }: { id: string }) {
  const { t } = useI18n();
  const brief = useQuery({ queryKey: ['advisories', id], queryFn: () => api.get<AdvisoryBrief>(path(id)) });
  if (brief.isPending) return <Loading />;
  if (!brief.data) {
    return (
      <Page title={t('advisory.loadingTitle')}>
        <ErrorAlert error={brief.error} />
        <p><Link to="/">{t('advisory.back')}</Link></p>
      </Page>
    );
  }
  return <AdvisoryView brief={brief.data} />;
}

function AdvisoryView({ brief }: { brief: AdvisoryBrief }) {
  const { t, locale } = useI18n();
  const { user } = useSession();
  const memberships = user?.memberships ?? [];
  const [orgId, setOrgId] = useState(memberships[0]?.orgId ?? '');
  const queryClient = useQueryClient();
  const refresh = () => Promise.all([
    queryClient.invalidateQueries({ queryKey: ['advisories', brief.id] }),
    queryClient.invalidateQueries({ queryKey: ['correlation'] }),
    queryClient.invalidateQueries({ queryKey: ['dashboards'] }),
  ]);
  const sightAll = useMutation({ mutationFn: () => api.post<AdvisoryBrief>(`${path(brief.id)}/sightings`, { orgId }), onSuccess: refresh });
  const sightOne = useMutation({ mutationFn: (indicatorId: string) => api.post('/api/sightings', { indicatorId, orgId }), onSuccess: refresh });
  const seenByMe = (i: Indicator) => i.sightings.mine.some((m) => m.orgId === orgId);
  const { victim } = brief;
  const profile = [
    victim.sector ? labelOf(SECTORS, victim.sector, locale) : null,
    victim.sizeBand ? labelOf(SIZE_BANDS, victim.sizeBand, locale) : null,
    victim.prefecture ? labelOf(PREFECTURES, victim.prefecture, locale) : null,
  ].filter((p): p is string => p !== null);
  const pending = sightAll.isPending || sightOne.isPending;

  return (
    <Page title={brief.title}>
      <p className="muted">
        {t('advisory.published', { when: formatDateTime(brief.publishedAt, locale) })} · {t('advisory.tlp', { tlp: tlpName(t, brief.tlp) })}
        <GlossaryLink term="tlp" />
      </p>
      <p>{t('advisory.intro')}</p>
      <Card title={t('advisory.what')} id="advisory-what">
        <p className="prewrap">{brief.summary}</p>
        <p>{profile.length > 0 && victim.k ? t('advisory.victim', { profile: profile.join('・'), k: victim.k }) : t('advisory.victim.unknown')}</p>
        {brief.malware.length > 0 ? <p>{t('advisory.malware', { names: brief.malware.join(', ') })}</p> : null}
        {brief.vulnerabilities.length > 0 ? <p>{t('advisory.cves', { ids: brief.vulnerabilities.join(', ') })}</p> : null}
      </Card>
      <Card title={t('advisory.todo')} id="advisory-todo">
        {brief.actions.length === 0 ? <p>{t('advisory.todo.none')}</p> : brief.actions.map((a) => <p key={a} className="prewrap">{a}</p>)}
      </Card>
      <Card title={t('advisory.indicators')} id="advisory-indicators">
        {brief.indicators.length === 0 ? <p>{t('advisory.indicators.none')}</p> : (
          <>
            <p>{t('advisory.indicators.help')} <GlossaryLink term="indicator" /></p>
            {memberships.length > 1 ? (
              <SelectField label={t('advisory.org')} value={orgId} onValue={setOrgId}
                options={memberships.map((m) => ({ value: m.orgId, label: membershipName(m, locale) }))} />
            ) : null}
            <ul className="dash-list">
              {brief.indicators.map((i) => (
                <IndicatorItem key={i.id} indicator={i} mine={seenByMe(i)} canSight={memberships.length > 0} disabled={pending}
                  onSight={() => sightOne.mutate(i.id)} />
              ))}
            </ul>
            {memberships.length > 0 ? (
              <p>
                <button type="button" className="button" disabled={pending || brief.indicators.every(seenByMe)} onClick={() => sightAll.mutate()}>
                  {t('advisory.seen.all')}
                </button>
              </p>
            ) : null}
            {sightAll.isSuccess || sightOne.isSuccess ? <SuccessNote>{t('advisory.seen.saved')}</SuccessNote> : null}
            <ErrorAlert error={sightAll.error ?? sightOne.error} />
          </>
        )}
      </Card>
      <p><Link to={`/intel/objects/${encodeURIComponent(brief.stixReportId)}`}>{t('advisory.technical')}</Link></p>
    </Page>
  );
}

function IndicatorItem({ indicator, mine, canSight, disabled, onSight }: {
  indicator: Indicator; mine: boolean; canSight: boolean; disabled: boolean; onSight: () => void;
}) {
  const { t } = useI18n();
  const value = indicator.observables.map((o) => o.value).join(' / ') || indicator.id;
  const kind = indicator.observables[0]?.type;
  const { sightings } = indicator;
  return (
    <li className="advisory-indicator">
      <span className="muted">{kind ? t(`advisory.kind.${kind}` as MessageKey) : ''}</span>{' '}
      <code className="wrap">{value}</code>
      <div className="muted">
        {sightings.count !== null ? t('advisory.seen.count', { count: sightings.count }) : t('advisory.seen.fewer', { k: sightings.k })}
      </div>
      {indicator.concerns.map((c) => (
        <p key={`${c.orgId}|${c.registered}`} className="alert alert-warning" role="note">{t('advisory.concerns', { registered: c.registered })}</p>
      ))}
      {mine ? <span className="tag tag-ok">{t('advisory.seen.mine')}</span> : canSight ? (
        <button type="button" className="button button-secondary" disabled={disabled} onClick={onSight} aria-label={t('advisory.seen.oneLabel', { value })}>
          {t('advisory.seen.one')}
        </button>
      ) : null}
    </li>
  );
}

function tlpName(t: Translate, tlp: string): string {
  return ['clear', 'green', 'amber', 'amber+strict'].includes(tlp) ? t(`advisory.tlp.${tlp}` as MessageKey) : tlp;
}
