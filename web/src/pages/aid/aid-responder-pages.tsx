// The responder's pages: home (offers waiting, my cases, my response times) and my profile.
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { ErrorAlert, Loading, SuccessNote } from '../../components/alerts.tsx';
import { CheckboxGroup, SelectField, TextAreaField, TextField } from '../../components/fields.tsx';
import { Card, Page } from '../../components/page.tsx';
import { categoryLabel, useI18n } from '../../i18n/index.ts';
import { formatDateTime } from '../../lib/format.ts';
import { membershipName, PREFECTURES } from '../../lib/reference.ts';
import { Link } from 'react-router';
import { useSession } from '../../session/session-context.tsx';
import { AID_LANGUAGES, aidApi, SERVICE_TYPES, SKILLS, useAidChange, type Profile, type ProfileInput } from './aid-api.ts';
import { AidNotificationsCard, k, minutesText, ReasonList, RequestTable } from './aid-bits.tsx';

export function ResponderHomePage() {
  const { t, locale } = useI18n();
  const home = useQuery({ queryKey: ['aid', 'home'], queryFn: () => aidApi.home() });
  const data = home.data;
  return (
    <Page title={t('aid.home.title')} actions={<Link to="/aid/profile" className="button button-secondary">{t('aid.profile.edit')}</Link>}>
      <ErrorAlert error={home.error} />
      {home.isPending && !data ? <Loading /> : null}
      {data && !data.profile ? <p>{t('aid.profile.none')} <Link to="/aid/profile">{t('aid.profile.title')}</Link></p> : null}
      {data?.profile ? <p>{t('aid.profile.vetting', { status: t(k(`aid.vetting.${data.profile.vetting}`)) })}</p> : null}
      <AidNotificationsCard />
      {data ? (
        <>
          <Card title={t('aid.home.offers')} id="aid-home-offers">
            {data.offers.length === 0 ? <p className="muted">{t('aid.home.noOffers')}</p> : (
              <ul className="plain-list aid-matches">
                {data.offers.map((o) => (
                  <li key={o.offerId}>
                    <Link to={`/aid/requests/${o.request.id}`}>{categoryLabel(t, o.request.category)} — {t(k(`aid.urgency.${o.request.urgency}`))}</Link>{' '}
                    <span className="muted">{formatDateTime(o.offeredAt, locale)}</span>
                    <p>{t('aid.offer.score', { score: o.score })}</p>
                    <ReasonList reasons={o.reasons} />
                  </li>
                ))}
              </ul>
            )}
          </Card>
          <Card title={t('aid.home.cases')} id="aid-home-cases">
            {data.cases.length === 0 ? <p className="muted">{t('aid.home.noCases')}</p> : <RequestTable items={data.cases} caption={t('aid.home.cases')} showOrg />}
          </Card>
          <Card title={t('aid.home.times')} id="aid-home-times">
            <dl className="aid-facts">
              <dt>{t('aid.home.answer')}</dt><dd>{minutesText(t, data.medianAnswerMinutes)}</dd>
              <dt>{t('aid.home.ack')}</dt><dd>{minutesText(t, data.medianAcknowledgeMinutes)}</dd>
            </dl>
          </Card>
        </>
      ) : null}
    </Page>
  );
}

const EMPTY: ProfileInput = {
  kind: 'individual', orgId: null, displayName: '', skills: [], languages: ['ja'], prefectures: [], onSite: false, certifications: [], capacity: 1,
  available: true, hours: '', serviceType: 'volunteer', priceTerms: '',
};
const inputOf = (p: Profile | null, name: string): ProfileInput => (p ? {
  kind: p.kind, orgId: p.orgId, displayName: p.displayName, skills: p.skills, languages: p.languages, prefectures: p.prefectures, onSite: p.onSite,
  certifications: p.certifications, capacity: p.capacity, available: p.available, hours: p.hours, serviceType: p.serviceType, priceTerms: p.priceTerms,
} : { ...EMPTY, displayName: name });

function ProfileForm({ profile }: { profile: Profile | null }) {
  const { t, locale } = useI18n();
  const { user } = useSession();
  const [form, setForm] = useState<ProfileInput>(inputOf(profile, user?.displayName ?? ''));
  const [certs, setCerts] = useState(form.certifications.join('\n'));
  const save = useAidChange((input: ProfileInput) => aidApi.saveProfile(input));
  const saved = save.data?.profile ?? profile;
  const set = <K extends keyof ProfileInput>(key: K, value: ProfileInput[K]) => setForm((f) => ({ ...f, [key]: value }));
  const memberships = user?.memberships ?? [];
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const certifications = certs.split('\n').map((c) => c.trim()).filter(Boolean);
    const orgId = form.kind === 'organisation' ? form.orgId ?? memberships[0]?.orgId ?? null : null;
    save.mutate({ ...form, orgId, certifications });
  };
  return (
    <form onSubmit={submit} noValidate>
      {saved ? <p>{t('aid.profile.vetting', { status: t(k(`aid.vetting.${saved.vetting}`)) })}</p> : null}
      <SelectField label={t('aid.profile.kind')} value={form.kind} onValue={(v) => set('kind', v as ProfileInput['kind'])}
        options={(['individual', 'organisation'] as const).map((v) => ({ value: v, label: t(k(`aid.profile.kind.${v}`)) }))} />
      {form.kind === 'organisation' && memberships.length > 0 ? (
        <SelectField label={t('aid.profile.org')} value={form.orgId ?? memberships[0]?.orgId ?? ''} onValue={(v) => set('orgId', v)}
          options={memberships.map((m) => ({ value: m.orgId, label: membershipName(m, locale) }))} />
      ) : null}
      <TextField label={t('aid.profile.displayName')} value={form.displayName} onValue={(v) => set('displayName', v)} required maxLength={200} />
      <CheckboxGroup legend={t('aid.profile.skills')} values={form.skills} onValues={(v) => set('skills', v)} options={SKILLS.map((s) => ({ value: s, label: t(k(`aid.skill.${s}`)) }))} />
      <CheckboxGroup legend={t('aid.profile.languages')} values={form.languages} onValues={(v) => set('languages', v)} options={AID_LANGUAGES.map((l) => ({ value: l, label: t(k(`aid.language.${l}`)) }))} />
      <CheckboxGroup legend={t('aid.profile.prefectures')} values={form.prefectures} onValues={(v) => set('prefectures', v)} options={PREFECTURES.map((p) => ({ value: p.code, label: p[locale] }))} />
      <div className="field">
        <label className="checkbox"><input type="checkbox" checked={form.onSite} onChange={(e) => set('onSite', e.target.checked)} />{t('aid.profile.onSite')}</label>
        <label className="checkbox"><input type="checkbox" checked={form.available} onChange={(e) => set('available', e.target.checked)} />{t('aid.profile.available')}</label>
      </div>
      <TextField label={t('aid.profile.capacity')} type="number" min={0} max={100} value={String(form.capacity)} onValue={(v) => set('capacity', Number(v) || 0)} />
      <TextField label={t('aid.profile.hours')} value={form.hours} onValue={(v) => set('hours', v)} maxLength={500} />
      <TextAreaField label={t('aid.profile.certifications')} value={certs} onValue={setCerts} />
      <SelectField label={t('aid.profile.serviceType')} value={form.serviceType} onValue={(v) => set('serviceType', v as ProfileInput['serviceType'])}
        options={SERVICE_TYPES.map((s) => ({ value: s, label: t(k(`aid.profile.serviceType.${s}`)) }))} />
      {form.serviceType === 'paid' ? <TextAreaField label={t('aid.profile.priceTerms')} value={form.priceTerms} onValue={(v) => set('priceTerms', v)} maxLength={2000} /> : null}
      <ErrorAlert error={save.error} />
      {save.isSuccess ? <SuccessNote>{t('aid.profile.saved')}</SuccessNote> : null}
      <button type="submit" disabled={save.isPending}>{t('common.save')}</button>
    </form>
  );
}

export function ResponderProfilePage() {
  const { t } = useI18n();
  const loaded = useQuery({ queryKey: ['aid', 'profile'], queryFn: () => aidApi.myProfile() });
  return (
    <Page title={t('aid.profile.title')} narrow>
      <p className="lead">{t('aid.profile.lead')}</p>
      <ErrorAlert error={loaded.error} />
      {loaded.isPending ? <Loading /> : null}
      {loaded.data ? <ProfileForm profile={loaded.data.profile} /> : null}
    </Page>
  );
}
