// /orgs/:id/findings — the vulnerability and end-of-life notices of an organisation's devices and software: what needs
// action (most urgent first, as the server orders them: exploited in attacks first), the "check your version" items
// with how to do it, and what was already resolved or set aside.
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState, type RefObject } from 'react';
import { Link, useLocation } from 'react-router';
import { ErrorAlert, Loading, SuccessNote } from '../../components/alerts.tsx';
import { Page } from '../../components/page.tsx';
import { useI18n } from '../../i18n/index.ts';
import { membershipName } from '../../lib/reference.ts';
import { useSession } from '../../session/session-context.tsx';
import { FindingCard, statusLabel } from './finding-card.tsx';
import { subjectOf, whyWords } from './finding-words.ts';
import { assetName, vulnKeys, vulnsApi, type Finding, type FindingStatus } from './vulns-api.ts';
import '../reports/reports.css';
import './vulns.css';

export function FindingsPage({ id: orgId }: { id: string }) {
  const { t, locale } = useI18n();
  const { user } = useSession();
  const membership = user?.memberships.find((m) => m.orgId === orgId);
  const findings = useQuery({ queryKey: vulnKeys.findings(orgId), queryFn: () => vulnsApi.findings(orgId) });
  const assets = useQuery({ queryKey: vulnKeys.assets(orgId), queryFn: () => vulnsApi.assets(orgId), enabled: !!membership });
  const [saved, setSaved] = useState<FindingStatus | null>(null);
  const openHeading = useRef<HTMLHeadingElement>(null);
  const [focusOpen, setFocusOpen] = useState(0);
  const { hash } = useLocation();
  const jumped = useRef(false);

  // A link to one notice (the home block: #finding-<id>): once the list is there, go to it.
  useEffect(() => {
    if (jumped.current || !findings.data || hash.length < 2) return;
    const target = document.getElementById(decodeURIComponent(hash.slice(1)));
    if (!target) return;
    jumped.current = true;
    target.scrollIntoView();
    target.focus({ preventScroll: true });
  }, [hash, findings.data]);

  // The pressed button leaves with its card: the focus goes to the top of the open list, under the saved note.
  useEffect(() => {
    if (focusOpen > 0) openHeading.current?.focus();
  }, [focusOpen]);

  const onSaved = (status: FindingStatus) => {
    setSaved(status);
    setFocusOpen((n) => n + 1);
  };

  const assetsLink = <Link to={`/orgs/${encodeURIComponent(orgId)}/assets`}>{t('findings.assetsLink')}</Link>;

  return (
    <Page title={t('findings.title')}>
      {membership ? <p className="muted">{t('assets.org', { org: membershipName(membership, locale) })}</p> : null}
      <p>{t('findings.intro')}</p>
      <p>{assetsLink} · <Link to="/glossary#kev">{t('findings.glossary')}</Link></p>
      {saved ? <SuccessNote>{t('finding.saved', { status: statusLabel(t, saved) })}</SuccessNote> : null}
      {findings.isPending ? <Loading /> : !findings.data ? <ErrorAlert error={findings.error} /> : (
        <FindingLists
          open={findings.data.findings.filter((f) => f.status === 'open')}
          closed={findings.data.findings.filter((f) => f.status !== 'open')}
          check={findings.data.checkVersion}
          noAssets={assets.data?.items.length === 0}
          orgId={orgId} openHeading={openHeading} onSaved={onSaved}
        />
      )}
    </Page>
  );
}

interface ListsProps {
  open: Finding[];
  closed: Finding[];
  check: Finding[];
  noAssets: boolean;
  orgId: string;
  openHeading: RefObject<HTMLHeadingElement | null>;
  onSaved: (status: FindingStatus) => void;
}

function FindingLists({ open, closed, check, noAssets, orgId, openHeading, onSaved }: ListsProps) {
  const { t } = useI18n();
  return (
    <>
      <section aria-labelledby="findings-open-title">
        <h2 id="findings-open-title" ref={openHeading} tabIndex={-1}>{t('findings.open', { count: open.length })}</h2>
        {open.length === 0 ? <p>{noAssets ? t('findings.noAssets') : t('findings.openNone')}</p> : (
          <ul className="finding-list">
            {open.map((f) => <li key={f.id}><FindingCard finding={f} orgId={orgId} onSaved={onSaved} /></li>)}
          </ul>
        )}
      </section>
      {check.length > 0 ? (
        <section aria-labelledby="findings-check-title" className="card">
          <h2 id="findings-check-title">{t('findings.check', { count: check.length })}</h2>
          <p>{t('findings.checkHowTo')}</p>
          <ol className="finding-check-steps">
            <li>{t('findings.checkStep1')}</li>
            <li>{t('findings.checkStep2')} <Link to={`/orgs/${encodeURIComponent(orgId)}/assets`}>{t('findings.assetsLink')}</Link></li>
            <li>{t('findings.checkStep3')}</li>
          </ol>
          <ul className="dash-list">
            {check.map((f) => (
              <li key={f.id}>
                {t('findings.checkItem', { asset: assetName(f.asset), subject: subjectOf(t, f) })}
                <div className="muted">{whyWords(t, f).verdict}</div>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {closed.length > 0 ? (
        <section aria-labelledby="findings-closed-title">
          <h2 id="findings-closed-title">{t('findings.closed', { count: closed.length })}</h2>
          <ul className="finding-list">
            {closed.map((f) => <li key={f.id}><FindingCard finding={f} orgId={orgId} onSaved={onSaved} /></li>)}
          </ul>
        </section>
      ) : null}
    </>
  );
}
