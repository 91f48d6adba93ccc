// The guided report form: plain-language questions in sections, "unknown" always an answer.
import type { ReactNode } from 'react';
import { TextAreaField, TextField } from '../../components/fields.tsx';
import { categoryChoice, useI18n, useT, type MessageKey } from '../../i18n/index.ts';
import { DateOrUnknown, RadioGroup, todayInJapan } from './report-fields.tsx';
import { FOUND_BY, IMPACTS, INCIDENT_CATEGORIES, YES_NO, type Answers, type ReportDraft } from './reports-api.ts';

interface ReportFormProps {
  value: ReportDraft;
  onChange: (value: ReportDraft) => void;
  /** Buttons and extra fields at the end (save, submit, amendment note). */
  children?: ReactNode;
}

export function ReportForm({ value, onChange, children }: ReportFormProps) {
  const { t, locale } = useI18n();
  const { answers } = value;
  const setAnswers = (patch: Partial<Answers>) => onChange({ ...value, answers: { ...answers, ...patch } });
  const options = (prefix: string, codes: readonly string[]) => codes.map((code) => ({ value: code, label: t(`${prefix}.${code}` as MessageKey) }));
  const yesNo = YES_NO.map((code) => ({ value: code, label: t(`report.${code}` as MessageKey) }));
  const impacts = options('report.impact', IMPACTS);
  const today = todayInJapan();
  const personal = answers.personalData;
  const setPersonal = (patch: Partial<Answers['personalData']>) => setAnswers({ personalData: { ...personal, ...patch } });

  return (
    <div className="form report-form">
      <fieldset className="subform">
        <legend>{t('report.section.what')}</legend>
        <TextAreaField label={t('report.text')} hint={t('report.text.hint')} value={value.text} onValue={(text) => onChange({ ...value, text })} rows={8} maxLength={20_000} />
        <RadioGroup legend={t('report.category')} value={answers.category} options={INCIDENT_CATEGORIES.map((code) => ({ value: code, label: categoryChoice(t, locale, code) }))} onValue={(category) => setAnswers({ category })} />
        <RadioGroup legend={t('report.ongoing')} value={answers.ongoing ?? 'unknown'} options={yesNo} onValue={(v) => setAnswers({ ongoing: v as Answers['ongoing'] })} />
      </fieldset>

      <fieldset className="subform">
        <legend>{t('report.section.when')}</legend>
        <DateOrUnknown label={t('report.startedAt')} value={answers.startedAt} max={today} onValue={(startedAt) => setAnswers({ startedAt })} />
        <DateOrUnknown label={t('report.noticedAt')} value={answers.noticedAt} max={today} onValue={(noticedAt) => setAnswers({ noticedAt })} />
        <p className="hint">{t('report.date.hint')}</p>
        <RadioGroup legend={t('report.foundBy')} value={answers.foundBy} options={options('report.foundBy', FOUND_BY)} onValue={(foundBy) => setAnswers({ foundBy })} />
        {answers.foundBy === 'other' ? (
          <TextField label={t('report.foundByOther')} value={answers.foundByOther} onValue={(foundByOther) => setAnswers({ foundByOther })} maxLength={2000} />
        ) : null}
      </fieldset>

      <fieldset className="subform">
        <legend>{t('report.section.impact')}</legend>
        <TextAreaField label={t('report.affectedSystems')} value={answers.affectedSystems} onValue={(affectedSystems) => setAnswers({ affectedSystems })} maxLength={2000} />
        {(['confidentiality', 'integrity', 'availability'] as const).map((key) => (
          <RadioGroup key={key} legend={t(`report.impact.${key}`)} value={answers.impact[key]} options={impacts} onValue={(level) => setAnswers({ impact: { ...answers.impact, [key]: level } })} />
        ))}
        <TextAreaField label={t('report.businessImpact')} value={answers.businessImpact} onValue={(businessImpact) => setAnswers({ businessImpact })} maxLength={2000} />
      </fieldset>

      <fieldset className="subform">
        <legend>{t('report.section.personal')}</legend>
        <RadioGroup legend={t('report.personal.involved')} value={personal.involved} options={yesNo} onValue={(v) => setPersonal({ involved: v as Answers['personalData']['involved'] })} />
        {personal.involved === 'yes' ? (
          <>
            <PeopleCount value={personal.count} onValue={(count) => setPersonal({ count })} />
            <RadioGroup legend={t('report.personal.sensitive')} value={personal.sensitive} options={yesNo} onValue={(v) => setPersonal({ sensitive: v as Answers['personalData']['sensitive'] })} />
            <RadioGroup legend={t('report.personal.financialRisk')} value={personal.financialRisk} options={yesNo} onValue={(v) => setPersonal({ financialRisk: v as Answers['personalData']['financialRisk'] })} />
            <RadioGroup legend={t('report.personal.unauthorisedAccess')} value={personal.unauthorisedAccess} options={yesNo} onValue={(v) => setPersonal({ unauthorisedAccess: v as Answers['personalData']['unauthorisedAccess'] })} />
          </>
        ) : null}
      </fieldset>

      <fieldset className="subform">
        <legend>{t('report.section.ransom')}</legend>
        <RadioGroup legend={t('report.ransom.demanded')} value={answers.ransom.demanded} options={yesNo} onValue={(v) => setAnswers({ ransom: { ...answers.ransom, demanded: v as Answers['ransom']['demanded'] } })} />
        {answers.ransom.demanded === 'yes' ? (
          <TextAreaField label={t('report.ransom.details')} value={answers.ransom.details} onValue={(details) => setAnswers({ ransom: { ...answers.ransom, details } })} maxLength={2000} />
        ) : null}
      </fieldset>

      <fieldset className="subform">
        <legend>{t('report.section.help')}</legend>
        <RadioGroup legend={t('report.help.wanted')} value={answers.help.wanted} options={yesNo} onValue={(v) => setAnswers({ help: { ...answers.help, wanted: v as Answers['help']['wanted'] } })} />
        {answers.help.wanted === 'yes' ? (
          <>
            <RadioGroup legend={t('report.help.onSite')} value={answers.help.onSite ?? 'unknown'} options={yesNo} onValue={(v) => setAnswers({ help: { ...answers.help, onSite: v as Answers['help']['onSite'] } })} />
            <TextAreaField label={t('report.help.what')} value={answers.help.what} onValue={(what) => setAnswers({ help: { ...answers.help, what } })} maxLength={2000} />
          </>
        ) : null}
        <RadioGroup legend={t('report.sharing.nameConsent')} value={answers.sharing?.nameConsent ?? 'unknown'} options={yesNo} onValue={(v) => setAnswers({ sharing: { nameConsent: v as Answers['sharing']['nameConsent'] } })} />
        <p className="hint">{t('report.sharing.nameConsentHint')}</p>
      </fieldset>
      {children}
    </div>
  );
}

function PeopleCount({ value, onValue }: { value: number | null; onValue: (value: number | null) => void }) {
  const t = useT();
  return (
    <fieldset className="field">
      <legend>{t('report.personal.count')}</legend>
      <label className="checkbox">
        <input type="checkbox" checked={value === null} onChange={(event) => onValue(event.target.checked ? null : 1)} />
        {t('report.personal.countUnknown')}
      </label>
      {value === null ? null : (
        <TextField label={t('report.personal.count')} type="number" min={0} inputMode="numeric" value={String(value)} onValue={(text) => onValue(text === '' ? 0 : Math.max(0, Math.floor(Number(text)) || 0))} />
      )}
    </fieldset>
  );
}
