// Step 2 of publishing: the advisory's texts, indicators, TLP and audience, with the victim's
// profile as it will be published (generalised to k). The server checks everything again.
import { useState } from 'react';
import { ErrorAlert } from '../../components/alerts.tsx';
import { CheckboxGroup, SelectField, TextAreaField, TextField } from '../../components/fields.tsx';
import { Card } from '../../components/page.tsx';
import { useI18n, type MessageKey } from '../../i18n/index.ts';
import { labelOf, orgName, PREFECTURES, SECTORS, SIZE_BANDS } from '../../lib/reference.ts';
import { useAction, useLoad } from '../../lib/use-load.ts';
import { api } from '../../api/client.ts';
import { Link } from '../../router.tsx';
import { groupLabel } from '../../../../src/modules/sharing/victim-hierarchy.ts';
import { INDICATOR_KINDS } from '../../../../src/modules/sharing/advisory-limits.ts';
import { sharingApi, type Draft, type PublishBody, type Published } from './sharing-api.ts';

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
  const groups = useLoad(() => api.get<{ items: Array<{ id: string; name: string }> }>('/api/sharing-groups'), 'groups');
  const orgs = useLoad(() => api.get<{ items: Array<{ id: string; nameJa: string; nameEn: string; status: string }> }>('/api/orgs', { status: 'active' }), 'orgs');
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

interface FormState {
  titleJa: string; titleEn: string; summaryJa: string; summaryEn: string; tlp: (typeof TLPS)[number]; audience: AudienceKind;
  groupId: string; orgIds: string[]; indicators: Draft['indicators']; chosen: string[]; malware: string; cves: string;
  attackPatterns: string; actionJa: string; actionEn: string; nameVictim: boolean;
}

export function AdvisoryForm({ reportId, draft }: { reportId: string; draft: Draft }) {
  const { t } = useI18n();
  const action = useAction();
  const [published, setPublished] = useState<Published | null>(null);
  const [f, setF] = useState<FormState>(() => ({
    titleJa: '', titleEn: '', summaryJa: draft.redactedText, summaryEn: '', tlp: 'green', audience: 'community', groupId: '', orgIds: [],
    indicators: draft.indicators, chosen: draft.indicators.map((i) => `${i.kind} ${i.value}`), malware: draft.malware.join(', '),
    cves: draft.vulnerabilities.join(', '), attackPatterns: '', actionJa: '', actionEn: '', nameVictim: false,
  }));
  const set = <K extends keyof FormState>(key: K) => (value: FormState[K]) => setF((old) => ({ ...old, [key]: value }));
  const [newKind, setNewKind] = useState<Kind>('ipv4');
  const [newValue, setNewValue] = useState('');
  const done = published ?? draft.published;
  if (done) {
    return (
      <Card title={t('sharing.compose.title')} id="advisory-form">
        <p className="alert alert-success" role="status">
          {published ? t('sharing.compose.published', { count: published.notifiedOrgs }) : t('sharing.compose.alreadyPublished', { date: new Date(done.publishedAt).toLocaleString() })}
        </p>
        <Link href={`/intel/objects/${encodeURIComponent(done.stixReportId)}`}>{t('sharing.compose.viewAdvisory')}</Link>
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
      <form onSubmit={(e) => { e.preventDefault(); void action.run(async () => setPublished(await sharingApi.publish(reportId, bodyOf(f)))); }}>
        <TextField label={t('sharing.compose.titleJa')} value={f.titleJa} onValue={set('titleJa')} required maxLength={200} />
        <TextField label={t('sharing.compose.titleEn')} value={f.titleEn} onValue={set('titleEn')} required maxLength={200} />
        <TextAreaField label={t('sharing.compose.summaryJa')} hint={t('sharing.compose.summaryHint')} value={f.summaryJa} onValue={set('summaryJa')} required rows={8} />
        <TextAreaField label={t('sharing.compose.summaryEn')} value={f.summaryEn} onValue={set('summaryEn')} required rows={6} />
        {f.indicators.length === 0 ? <p>{t('sharing.compose.noIndicators')}</p> : (
          <CheckboxGroup legend={t('sharing.compose.indicators')} values={f.chosen} onValues={set('chosen')}
            options={f.indicators.map((i) => ({ value: `${i.kind} ${i.value}`, label: `${t(`sharing.kind.${i.kind}` as MessageKey)}: ${i.value}` }))} />
        )}
        <fieldset className="field">
          <legend>{t('sharing.compose.addIndicator')}</legend>
          <SelectField label={t('sharing.compose.indicatorKind')} value={newKind} onValue={(v) => setNewKind(v as Kind)}
            options={INDICATOR_KINDS.map((k) => ({ value: k, label: t(`sharing.kind.${k}` as MessageKey) }))} />
          <TextField label={t('sharing.compose.indicatorValue')} value={newValue} onValue={setNewValue} maxLength={2048} />
          <button type="button" className="button button-secondary" onClick={addIndicator}>{t('sharing.compose.addIndicator')}</button>
        </fieldset>
        <TextField label={t('sharing.compose.malware')} value={f.malware} onValue={set('malware')} />
        <TextField label={t('sharing.compose.cves')} value={f.cves} onValue={set('cves')} />
        <TextAreaField label={t('sharing.compose.attackPatterns')} value={f.attackPatterns} onValue={set('attackPatterns')} rows={3} />
        <TextAreaField label={t('sharing.compose.actionJa')} value={f.actionJa} onValue={set('actionJa')} rows={3} />
        <TextAreaField label={t('sharing.compose.actionEn')} value={f.actionEn} onValue={set('actionEn')} rows={3} />
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
        <ErrorAlert error={action.error} />
        <div className="form-actions">
          <button type="submit" className="button" disabled={action.pending}>{t('sharing.compose.publish')}</button>
        </div>
      </form>
    </Card>
  );
}
