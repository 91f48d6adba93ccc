// Step 2 of publishing: the advisory's texts, indicators, TLP and audience, with the victim's
// profile as it will be published (generalised to k). The server checks everything again.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { ErrorAlert } from '../../components/alerts.tsx';
import { CheckboxGroup, SelectField, TextAreaField, TextField } from '../../components/fields.tsx';
import { Card } from '../../components/page.tsx';
import { useI18n, type MessageKey } from '../../i18n/index.ts';
import { labelOf, orgName, PREFECTURES, SECTORS, SIZE_BANDS } from '../../lib/reference.ts';
import { api } from '../../api/client.ts';
import { Link } from 'react-router';
import { groupLabel } from '../../../../src/modules/sharing/victim-hierarchy.ts';
import { INDICATOR_KINDS } from '../../../../src/modules/sharing/advisory-limits.ts';
import { labelKey } from './highlighted-text.tsx';
import { leakDetailsOf, sharingApi, type AdvisoryField, type Draft, type LeakDetails, type PublishBody, type Published } from './sharing-api.ts';

type Kind = (typeof INDICATOR_KINDS)[number];
type AudienceKind = PublishBody['audience']['kind'];
const TLPS = ['clear', 'green', 'amber', 'amber+strict', 'red'] as const;
const split = (text: string, by: RegExp) => text.split(by).map((s) => s.trim()).filter(Boolean);

function VictimProfile({ victim }: { victim: Draft['victim'] }) {
  const { t, locale } = useI18n();
  const show = (code: string, list: typeof SECTORS) => groupLabel(code)?.[locale] ?? labelOf(list, code, locale);
  const rows: Array<[MessageKey, string, typeof SECTORS, boolean]> = [
    ['sharing.compose.sector', victim.profile.sector, SECTORS, victim.generalised.includes('sector')],
    ['sharing.compose.size', victim.profile.sizeBand, SIZE_BANDS, victim.generalised.includes('sizeBand')],
    ['sharing.compose.region', victim.profile.prefecture, PREFECTURES, victim.generalised.includes('prefecture')],
  ];
  return (
    <section aria-labelledby="victim-title" className="victim-profile">
      <h3 id="victim-title">{t('sharing.compose.victim')}</h3>
      <p className="hint">{t('sharing.compose.victimIntro', { threshold: victim.threshold })}</p>
      <dl>
        {rows.map(([key, code, list, generalised]) => (
          <div key={key}><dt>{t(key)}</dt><dd>{show(code, list)} {generalised ? t('sharing.compose.generalised') : null}</dd></div>
        ))}
      </dl>
      <p role="status">{victim.satisfied ? t('sharing.compose.k', { k: victim.k, threshold: victim.threshold }) : t('sharing.compose.kUnsatisfied', { threshold: victim.threshold })}</p>
    </section>
  );
}

function AudiencePicker({ kind, onKind, groupId, onGroup, orgIds, onOrgs }: {
  kind: AudienceKind; onKind: (k: AudienceKind) => void; groupId: string; onGroup: (id: string) => void; orgIds: string[]; onOrgs: (ids: string[]) => void;
}) {
  const { t, locale } = useI18n();
  const groups = useQuery({ queryKey: ['sharing', 'groups'], queryFn: () => api.get<{ items: Array<{ id: string; name: string }> }>('/api/sharing-groups') });
  const orgs = useQuery({ queryKey: ['orgs', 'list', { status: 'active' }], queryFn: () => api.get<{ items: Array<{ id: string; nameJa: string; nameEn: string; status: string }> }>('/api/orgs', { status: 'active' }) });
  const kinds: AudienceKind[] = ['community', 'public', 'group', 'orgs'];
  return (
    <>
      <SelectField label={t('sharing.compose.audience')} value={kind} onValue={(v) => onKind(v as AudienceKind)}
        options={kinds.map((k) => ({ value: k, label: t(`sharing.audience.${k}` as MessageKey) }))} />
      {kind === 'group' ? (
        <SelectField label={t('sharing.compose.group')} value={groupId} onValue={onGroup} empty={t('common.choose')}
          options={(groups.data?.items ?? []).map((g) => ({ value: g.id, label: g.name }))} />
      ) : null}
      {kind === 'orgs' ? (
        <CheckboxGroup legend={t('sharing.compose.orgs')} values={orgIds} onValues={onOrgs}
          options={(orgs.data?.items ?? []).map((o) => ({ value: o.id, label: orgName(o, locale) }))} />
      ) : null}
    </>
  );
}

function bodyOf(f: FormState): PublishBody {
  const audience: PublishBody['audience'] = f.audience === 'group' ? { kind: 'group', groupId: f.groupId }
    : f.audience === 'orgs' ? { kind: 'orgs', orgIds: f.orgIds } : { kind: f.audience };
  return {
    title: { ja: f.titleJa, en: f.titleEn }, summary: { ja: f.summaryJa, en: f.summaryEn }, tlp: f.tlp, audience,
    indicators: f.indicators.filter((i) => f.chosen.includes(`${i.kind} ${i.value}`)),
    malware: split(f.malware, /[,、]/), vulnerabilities: split(f.cves, /[,、\s]+/),
    attackPatterns: split(f.attackPatterns, /\n/).map((line) => {
      const m = /^(T\d{4}(?:\.\d{3})?)\s+(.+)$/.exec(line);
      return m ? { mitreId: m[1] as string, name: m[2] as string } : { name: line };
    }),
    ...(f.actionJa || f.actionEn ? { courseOfAction: { ja: f.actionJa, en: f.actionEn } } : {}),
    ...(f.nameVictim ? { nameVictim: true } : {}),
  };
}

const FIELD_NAMES: Record<AdvisoryField, MessageKey> = {
  titleJa: 'sharing.compose.titleJa', titleEn: 'sharing.compose.titleEn', summaryJa: 'sharing.compose.summaryJa', summaryEn: 'sharing.compose.summaryEn',
  indicators: 'sharing.compose.indicators', malware: 'sharing.field.malware', vulnerabilities: 'sharing.field.vulnerabilities',
  attackPatterns: 'sharing.field.attackPatterns', actionJa: 'sharing.compose.actionJa', actionEn: 'sharing.compose.actionEn',
};

// A refused publication names the fields to correct in the UI's language, and what must not appear in them.
function LeakAlert({ leak }: { leak: LeakDetails }) {
  const { t } = useI18n();
  const separator = t('sharing.leak.separator');
  return (
    <div className="alert alert-error" role="alert">
      {t('sharing.leak.message', {
        reasons: leak.reasons.map((r) => t(labelKey(r), { defaultValue: r })).join(separator),
        fields: leak.fields.map((f) => (f in FIELD_NAMES ? t(FIELD_NAMES[f]) : f)).join(separator),
      })}
    </div>
  );
}

// The Japanese summary starts as the redacted text. While nobody has edited it, it follows the saved decisions;
// once edited, a change of decision is only announced, with a way to rebuild it.
function useSummaryDraft(redactedText: string, summary: string, setSummary: (text: string) => void) {
  const [basis, setBasis] = useState(summary);
  const [note, setNote] = useState<'followed' | 'rebuilt' | null>(null);
  if (redactedText !== basis && summary === basis) {
    setBasis(redactedText);
    setSummary(redactedText);
    setNote('followed');
  }
  const rebuild = () => {
    setBasis(redactedText);
    setSummary(redactedText);
    setNote('rebuilt');
  };
  // The note says what happened to the draft; once the coordinator edits it, the note has nothing to say.
  return { stale: redactedText !== basis, note: summary === basis ? note : null, rebuild };
}

interface FormState {
  titleJa: string; titleEn: string; summaryJa: string; summaryEn: string; tlp: (typeof TLPS)[number]; audience: AudienceKind;
  groupId: string; orgIds: string[]; indicators: Draft['indicators']; chosen: string[]; malware: string; cves: string;
  attackPatterns: string; actionJa: string; actionEn: string; nameVictim: boolean;
}

export function AdvisoryForm({ reportId, draft, redactedText }: { reportId: string; draft: Draft; redactedText: string }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  // The advisory is new intelligence: the object lists show it. This page keeps the form's answer, not a refetch.
  const action = useMutation({
    mutationFn: (body: ReturnType<typeof bodyOf>) => sharingApi.publish(reportId, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['intel'] }),
  });
  const published: Published | null = action.data ?? null;
  const [f, setF] = useState<FormState>(() => ({
    titleJa: '', titleEn: '', summaryJa: draft.redactedText, summaryEn: '', tlp: 'green', audience: 'community', groupId: '', orgIds: [],
    indicators: draft.indicators, chosen: draft.indicators.map((i) => `${i.kind} ${i.value}`), malware: draft.malware.join(', '),
    cves: draft.vulnerabilities.join(', '), attackPatterns: '', actionJa: '', actionEn: '', nameVictim: false,
  }));
  const set = <K extends keyof FormState>(key: K) => (value: FormState[K]) => setF((old) => ({ ...old, [key]: value }));
  const summary = useSummaryDraft(redactedText, f.summaryJa, set('summaryJa'));
  const summaryBox = useRef<HTMLDivElement>(null);
  const leak = leakDetailsOf(action.error);
  const invalid = (field: AdvisoryField) => (leak?.fields.includes(field) ? { 'aria-invalid': true } : {});
  const leakNote = (field: AdvisoryField) => (leak?.fields.includes(field) ? <p className="field-error">{t('sharing.leak.field')}</p> : null);
  const [newKind, setNewKind] = useState<Kind>('ipv4');
  const [newValue, setNewValue] = useState('');
  const done = published ?? draft.published;
  if (done) {
    return (
      <Card title={t('sharing.compose.title')} id="advisory-form">
        <p className="alert alert-success" role="status">
          {published ? t('sharing.compose.published', { count: published.notifiedOrgs }) : t('sharing.compose.alreadyPublished', { date: new Date(done.publishedAt).toLocaleString() })}
        </p>
        <Link to={`/intel/objects/${encodeURIComponent(done.stixReportId)}`}>{t('sharing.compose.viewAdvisory')}</Link>
      </Card>
    );
  }
  const addIndicator = () => {
    const value = newValue.trim();
    if (!value) return;
    setF((old) => ({ ...old, indicators: [...old.indicators, { kind: newKind, value }], chosen: [...old.chosen, `${newKind} ${value}`] }));
    setNewValue('');
  };
  return (
    <Card title={t('sharing.compose.title')} id="advisory-form">
      <form className="advisory-form" onSubmit={(e) => { e.preventDefault(); action.mutate(bodyOf(f)); }}>
        <TextField label={t('sharing.compose.titleJa')} value={f.titleJa} onValue={set('titleJa')} required maxLength={200} {...invalid('titleJa')} />
        {leakNote('titleJa')}
        <TextField label={t('sharing.compose.titleEn')} value={f.titleEn} onValue={set('titleEn')} required maxLength={200} {...invalid('titleEn')} />
        {leakNote('titleEn')}
        <div role="status">
          {summary.note && !summary.stale ? <p className="alert alert-success">{t(summary.note === 'followed' ? 'sharing.compose.followed' : 'sharing.compose.rebuilt')}</p> : null}
        </div>
        {summary.stale ? (
          <div className="alert alert-warning">
            <p>{t('sharing.compose.stale')}</p>
            <button type="button" className="button button-secondary" onClick={() => {
              summary.rebuild();
              summaryBox.current?.querySelector('textarea')?.focus();
            }}>{t('sharing.compose.rebuild')}</button>
          </div>
        ) : null}
        <div ref={summaryBox}>
          <TextAreaField label={t('sharing.compose.summaryJa')} hint={t('sharing.compose.summaryHint')} value={f.summaryJa} onValue={set('summaryJa')} required rows={8} {...invalid('summaryJa')} />
          {leakNote('summaryJa')}
        </div>
        <TextAreaField label={t('sharing.compose.summaryEn')} value={f.summaryEn} onValue={set('summaryEn')} required rows={6} {...invalid('summaryEn')} />
        {leakNote('summaryEn')}
        {f.indicators.length === 0 ? <p>{t('sharing.compose.noIndicators')}</p> : (
          <CheckboxGroup legend={t('sharing.compose.indicators')} values={f.chosen} onValues={set('chosen')}
            options={f.indicators.map((i) => ({ value: `${i.kind} ${i.value}`, label: `${t(`sharing.kind.${i.kind}` as MessageKey)}: ${i.value}` }))} />
        )}
        {leakNote('indicators')}
        <fieldset className="field">
          <legend>{t('sharing.compose.addIndicator')}</legend>
          <SelectField label={t('sharing.compose.indicatorKind')} value={newKind} onValue={(v) => setNewKind(v as Kind)}
            options={INDICATOR_KINDS.map((k) => ({ value: k, label: t(`sharing.kind.${k}` as MessageKey) }))} />
          <TextField label={t('sharing.compose.indicatorValue')} value={newValue} onValue={setNewValue} maxLength={2048} />
          <button type="button" className="button button-secondary" onClick={addIndicator}>{t('sharing.compose.addIndicator')}</button>
        </fieldset>
        <TextField label={t('sharing.compose.malware')} value={f.malware} onValue={set('malware')} {...invalid('malware')} />
        {leakNote('malware')}
        <TextField label={t('sharing.compose.cves')} value={f.cves} onValue={set('cves')} {...invalid('vulnerabilities')} />
        {leakNote('vulnerabilities')}
        <TextAreaField label={t('sharing.compose.attackPatterns')} value={f.attackPatterns} onValue={set('attackPatterns')} rows={3} {...invalid('attackPatterns')} />
        {leakNote('attackPatterns')}
        <TextAreaField label={t('sharing.compose.actionJa')} value={f.actionJa} onValue={set('actionJa')} rows={3} {...invalid('actionJa')} />
        {leakNote('actionJa')}
        <TextAreaField label={t('sharing.compose.actionEn')} value={f.actionEn} onValue={set('actionEn')} rows={3} {...invalid('actionEn')} />
        {leakNote('actionEn')}
        <SelectField label={t('sharing.compose.tlp')} hint={t('sharing.compose.tlpHint')} value={f.tlp} onValue={(v) => set('tlp')(v as FormState['tlp'])}
          options={TLPS.map((l) => ({ value: l, label: `TLP:${l.toUpperCase()}` }))} />
        <AudiencePicker kind={f.audience} onKind={set('audience')} groupId={f.groupId} onGroup={set('groupId')} orgIds={f.orgIds} onOrgs={set('orgIds')} />
        <VictimProfile victim={draft.victim} />
        {draft.nameConsent ? (
          <label className="checkbox">
            <input type="checkbox" checked={f.nameVictim} onChange={(e) => set('nameVictim')(e.target.checked)} />
            {t('sharing.compose.nameVictim')}
          </label>
        ) : <p className="hint">{t('sharing.compose.noConsent')}</p>}
        {leak && leak.fields.length > 0 ? <LeakAlert leak={leak} /> : <ErrorAlert error={action.error} />}
        <div className="form-actions">
          <button type="submit" className="button" disabled={action.isPending}>{t('sharing.compose.publish')}</button>
        </div>
      </form>
    </Card>
  );
}
