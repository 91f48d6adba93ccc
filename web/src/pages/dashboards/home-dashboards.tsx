// The role blocks of the home page: members, coordinators and responders each see what needs them first.
import { useQuery } from '@tanstack/react-query';
import { ErrorAlert, Loading } from '../../components/alerts.tsx';
import { Card } from '../../components/page.tsx';
import { categoryLabel, useI18n, type MessageKey } from '../../i18n/index.ts';
import { formatDateTime } from '../../lib/format.ts';
import { Link } from 'react-router';
import { dashboardsApi, type HomeSection, type MemberHome } from './dashboards-api.ts';
import './dashboards.css';

const category = categoryLabel;

/** Blocks other features add (mutual aid); each one a card with a list. */
function Sections({ sections }: { sections: HomeSection[] }) {
  const { locale } = useI18n();
  return (
    <>
      {sections.map((s) => (
        <Card key={s.id} title={s.title[locale] + (s.count !== undefined ? ` (${s.count})` : '')} id={`home-${s.id}`}>
          <ul className="dash-list">
            {s.items.map((item, i) => (
              <li key={`${s.id}-${i}`}>
                {item.href ? <Link to={item.href}>{item.label}</Link> : item.label}
                {item.detail ? <span className="muted"> {item.detail}</span> : null}
              </li>
            ))}
          </ul>
        </Card>
      ))}
    </>
  );
}

export function MemberDashboard() {
  const { t, locale } = useI18n();
  const home = useQuery({ queryKey: ['dashboards', 'member'], queryFn: () => dashboardsApi.member() });
  if (home.error) return <ErrorAlert error={home.error} />;
  if (!home.data) return <Loading />;
  const d = home.data;
  const when = (iso: string | null) => formatDateTime(iso, locale);
  return (
    <div className="grid-2">
      <Card title={t('dash.open.title')} id="home-open-reports">
        {d.openReports.length === 0 ? <p className="muted">{t('dash.open.none')}</p> : (
          <ul className="dash-list">
            {d.openReports.map((r) => (
              <li key={r.id}>
                <Link to={`/reports/${encodeURIComponent(r.id)}`}>{category(t, r.category)}</Link>{' '}
                <span className="tag">{t(`report.state.${r.state}` as MessageKey)}</span>
                {r.help ? <HelpLine help={r.help} /> : null}
                {r.deadlines.length === 0 ? <div className="muted">{t('dash.open.noDeadline')}</div> : r.deadlines.map((dl) => (
                  <div key={dl.key} className={dl.overdue ? 'tag-overdue' : undefined}>
                    {dl.overdue ? `${t('dash.open.overdue')}: ` : ''}{t('dash.open.deadline', { regime: dl.regimeName[locale], label: dl.label[locale], due: when(dl.dueAt) })}
                  </div>
                ))}
                {r.sla ? <div className="muted">{r.sla.respondedAt ? t('dash.open.responded') : t('dash.open.sla', { due: when(r.sla.dueAt) })}</div> : null}
              </li>
            ))}
          </ul>
        )}
        {d.drafts.length > 0 ? <p><Link to="/reports">{t('dash.drafts', { count: d.drafts.length })}</Link></p> : null}
      </Card>
      <Card title={t('notifications.title')} id="home-notifications">
        {d.advisories.items.length === 0 ? <p className="muted">{t('dash.advisories.none')}</p> : (
          <>
            <p>{t('dash.advisories.newCount', { count: d.advisories.newCount })}</p>
            <ul className="dash-list">
              {d.advisories.items.map((a) => (
                <li key={a.id}>
                  {a.isNew ? <span className="tag tag-new">{t('dash.advisories.new')}</span> : null}{' '}
                  <Link to={`/advisories/${encodeURIComponent(a.refId)}`}>{(locale === 'ja' ? a.titleJa : a.titleEn) || a.titleJa}</Link>{' '}
                  <span className="muted">{when(a.createdAt)}</span>
                </li>
              ))}
            </ul>
          </>
        )}
      </Card>
      <Card title={t('dash.sightings.title')} id="home-sightings">
        {d.sightings.length === 0 ? <p className="muted">{t('dash.sightings.none')}</p> : (
          <ul className="dash-list">
            {d.sightings.map((s) => (
              <li key={`${s.orgId}|${s.indicatorId}`}>
                <Link to={`/intel/objects/${encodeURIComponent(s.indicatorId)}`}>{s.name ?? s.indicatorId}</Link>{' '}
                <span className="muted">{t('dash.sightings.item', { count: s.count, when: when(s.updatedAt) })}</span>
              </li>
            ))}
          </ul>
        )}
      </Card>
      <Sections sections={d.sections} />
    </div>
  );
}

/** The help asked with an open case: its status in words, new messages, and the way to the request. */
function HelpLine({ help }: { help: NonNullable<MemberHome['openReports'][number]['help']> }) {
  const { t } = useI18n();
  return (
    <div className="dash-help">
      <Link to={`/aid/requests/${encodeURIComponent(help.requestId)}`}>{t('dash.open.help', { status: t(`aid.status.${help.status}` as MessageKey) })}</Link>
      {help.unread > 0 ? <> <span className="tag tag-new">{t('dash.open.unread', { count: help.unread })}</span></> : null}
    </div>
  );
}

export function CoordinatorDashboard() {
  const { t, locale } = useI18n();
  const home = useQuery({ queryKey: ['dashboards', 'coordinator'], queryFn: () => dashboardsApi.coordinator() });
  if (home.error) return <ErrorAlert error={home.error} />;
  if (!home.data) return <Loading />;
  const d = home.data;
  const when = (iso: string | null) => formatDateTime(iso, locale);
  return (
    <div className="grid-2">
      <Card title={t('dash.triage.title')} id="home-triage">
        <p>{t('dash.triage.summary', { count: d.triage.count, overdue: d.triage.overdue })}</p>
        {d.triage.items.length === 0 ? <p className="muted">{t('dash.triage.none')}</p> : (
          <ul className="dash-list">
            {d.triage.items.map((r) => (
              <li key={r.id}>
                <Link to={`/reports/${encodeURIComponent(r.id)}`}>{category(t, r.category)}</Link> <span className="muted">{r.orgName[locale]}</span>
                {r.sla ? <div className={r.sla.overdue ? 'tag-overdue' : 'muted'}>{r.sla.overdue ? t('dash.triage.overdue') : t('dash.triage.due', { due: when(r.sla.dueAt) })}</div> : null}
              </li>
            ))}
          </ul>
        )}
        <p><Link to="/triage">{t('nav.triage')}</Link></p>
      </Card>
      <Card title={t('dash.reviews.title')} id="home-reviews">
        {d.reviews.items.length === 0 ? <p className="muted">{t('dash.reviews.none')}</p> : (
          <ul className="dash-list">
            {d.reviews.items.map((r) => (
              <li key={r.id}>
                <Link to={`/reports/${encodeURIComponent(r.id)}/publish`}>{category(t, r.category)}</Link> <span className="muted">{r.orgName[locale]}</span>
                {r.undecided > 0 ? <div>{t('dash.reviews.undecided', { count: r.undecided })}</div> : null}
              </li>
            ))}
          </ul>
        )}
      </Card>
      <Card title={t('dash.campaigns.title')} id="home-campaigns">
        {d.campaigns.items.length === 0 ? <p className="muted">{t('dash.campaigns.none')}</p> : (
          <ul className="dash-list">
            {d.campaigns.items.map((c, i) => <li key={i}>{t('dash.campaigns.item', { size: c.size, values: c.valueCount })} <span className="muted">{c.values.map((v) => v.value).join(', ')}</span></li>)}
          </ul>
        )}
        <p><Link to="/correlation">{t('nav.correlation')}</Link></p>
      </Card>
      <Card title={t('dash.over.title')} id="home-over-correlated">
        {d.overCorrelated.items.length === 0 ? <p className="muted">{t('dash.over.none')}</p> : (
          <ul className="dash-list">
            {d.overCorrelated.items.map((v) => <li key={`${v.type}|${v.value}`}>{t('dash.over.item', { value: v.value, count: v.sourceCount })}</li>)}
          </ul>
        )}
      </Card>
      <Card title={t('dash.pubs.title')} id="home-publications">
        <p>{t('dash.pubs.summary', { count: d.publications.last30Days })}</p>
        {d.publications.items.length === 0 ? <p className="muted">{t('dash.pubs.none')}</p> : (
          <ul className="dash-list">
            {d.publications.items.map((a) => (
              <li key={a.id}>
                <Link to={`/advisories/${encodeURIComponent(a.id)}`}>{(locale === 'ja' ? a.titleJa : a.titleEn) || a.titleJa}</Link>{' '}
                <span className="tag">TLP:{a.tlp.toUpperCase()}</span> <span className="muted">{when(a.publishedAt)}</span>
              </li>
            ))}
          </ul>
        )}
      </Card>
      <Sections sections={d.sections} />
    </div>
  );
}

export function ResponderDashboard() {
  const { t, locale } = useI18n();
  const home = useQuery({ queryKey: ['dashboards', 'responder'], queryFn: () => dashboardsApi.responder() });
  if (home.error) return <ErrorAlert error={home.error} />;
  if (!home.data) return <Loading />;
  return (
    <div className="grid-2">
      {/* What needs action first: offers waiting for an answer, then my cases; advisories after. */}
      <Sections sections={home.data.sections} />
      <Card title={t('dash.responder.title')} id="home-responder-advisories">
        {home.data.advisories.length === 0 ? <p className="muted">{t('dash.responder.none')}</p> : (
          <ul className="dash-list">
            {home.data.advisories.map((a) => (
              <li key={a.id}>
                <Link to={`/intel/objects/${encodeURIComponent(a.id)}`}>{a.title[locale]}</Link> <span className="muted">{formatDateTime(a.published, locale)}</span>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
