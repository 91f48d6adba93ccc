// The member's form: ask for help for one of my organisations, alone or from a report (?report=).
import { useState, type FormEvent } from 'react';
import { ErrorAlert } from '../../components/alerts.tsx';
import { CheckboxGroup, SelectField, TextAreaField } from '../../components/fields.tsx';
import { Page } from '../../components/page.tsx';
import { categoryLabel, useI18n } from '../../i18n/index.ts';
import { membershipName, PREFECTURES } from '../../lib/reference.ts';
import { useNavigate, useSearchParams } from 'react-router';
import { useSession } from '../../session/session-context.tsx';
import { AID_LANGUAGES, aidApi, INCIDENT_CATEGORIES, SKILLS, URGENCIES, useAidChange } from './aid-api.ts';
import { k } from './aid-bits.tsx';

export function AidNewPage() {
  const navigate = useNavigate();
  const { t, locale } = useI18n();
  const { user } = useSession();
  const [query] = useSearchParams();
  const reportId = query.get('report');
  const memberships = user?.memberships ?? [];
  const [orgId, setOrgId] = useState(query.get('org') ?? memberships[0]?.orgId ?? '');
  const [category, setCategory] = useState<string>(query.get('category') ?? 'ransomware');
  const [urgency, setUrgency] = useState('high');
  const [onSite, setOnSite] = useState(false);
  const [prefecture, setPrefecture] = useState('13');
  const [language, setLanguage] = useState<string>(locale);
  const [skills, setSkills] = useState<string[]>(['triage']);
  const [description, setDescription] = useState('');
  const create = useAidChange((input: Parameters<typeof aidApi.create>[0]) => aidApi.create(input));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(
      { orgId, reportId, category, urgency, onSite, prefecture, language, skills, description },
      { onSuccess: ({ id }) => void navigate(`/aid/requests/${id}`) },
    );
  };

  return (
    <Page title={t('aid.form.title')} narrow>
      <p className="lead">{t('aid.form.lead')}</p>
      {reportId ? <p className="hint">{t('aid.form.fromReport')}</p> : null}
      <form onSubmit={submit} noValidate>
        {memberships.length > 1 ? (
          <SelectField label={t('aid.form.org')} value={orgId} onValue={setOrgId} options={memberships.map((m) => ({ value: m.orgId, label: membershipName(m, locale) }))} />
        ) : null}
        <SelectField label={t('aid.form.category')} value={category} onValue={setCategory} options={INCIDENT_CATEGORIES.map((c) => ({ value: c, label: categoryLabel(t, c) }))} />
        <SelectField label={t('aid.form.urgency')} value={urgency} onValue={setUrgency} options={URGENCIES.map((u) => ({ value: u, label: t(k(`aid.urgency.${u}`)) }))} />
        <div className="field">
          <label className="checkbox">
            <input type="checkbox" checked={onSite} onChange={(e) => setOnSite(e.target.checked)} />
            {t('aid.form.onSite')}
          </label>
        </div>
        <SelectField label={t('aid.form.prefecture')} value={prefecture} onValue={setPrefecture} options={PREFECTURES.map((p) => ({ value: p.code, label: p[locale] }))} />
        <SelectField label={t('aid.form.language')} value={language} onValue={setLanguage} options={AID_LANGUAGES.map((l) => ({ value: l, label: t(k(`aid.language.${l}`)) }))} />
        <CheckboxGroup legend={t('aid.form.skills')} values={skills} onValues={setSkills} options={SKILLS.map((s) => ({ value: s, label: t(k(`aid.skill.${s}`)) }))} />
        <TextAreaField label={t('aid.form.description')} hint={t('aid.form.descriptionHint')} value={description} onValue={setDescription} required maxLength={5000} rows={6} />
        <ErrorAlert error={create.error} />
        <button type="submit" disabled={create.isPending || !description.trim() || !orgId}>{t('aid.form.submit')}</button>
      </form>
    </Page>
  );
}
