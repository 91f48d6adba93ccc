// The pieces of the short first screen: radio groups with a hint per choice, the first-aid steps of a category,
// a text area whose error sits next to it, and the file picker.
import { useId, type Ref } from 'react';
import { useI18n } from '../../i18n/index.ts';
import { firstAidSteps } from './first-aid.ts';

export interface Choice {
  value: string;
  label: string;
  hint?: string;
}

interface ChoiceGroupProps {
  legend: string;
  value: string;
  options: readonly Choice[];
  onValue: (value: string) => void;
  hint?: string;
}

/** A radio group announced as one (role radiogroup, named by its legend); each choice's hint describes it. */
export function ChoiceGroup({ legend, value, options, onValue, hint }: ChoiceGroupProps) {
  const id = useId();
  return (
    <fieldset className="field choice-group" role="radiogroup" aria-labelledby={`${id}-legend`} aria-describedby={hint ? `${id}-hint` : undefined}>
      <legend id={`${id}-legend`}>{legend}</legend>
      {hint ? <p className="hint" id={`${id}-hint`}>{hint}</p> : null}
      {options.map((option) => (
        <div key={option.value} className={value === option.value ? 'choice choice-checked' : 'choice'}>
          <input
            type="radio" id={`${id}-${option.value}`} name={id} value={option.value} checked={value === option.value}
            onChange={() => onValue(option.value)} aria-describedby={option.hint ? `${id}-${option.value}-hint` : undefined}
          />
          <label htmlFor={`${id}-${option.value}`}>{option.label}</label>
          {option.hint ? <span className="hint" id={`${id}-${option.value}-hint`}>{option.hint}</span> : null}
        </div>
      ))}
    </fieldset>
  );
}

/** What to do now for the chosen category, shown as soon as it is chosen. */
export function FirstAidNow({ category }: { category: string }) {
  const { t, locale } = useI18n();
  const id = useId();
  const steps = category ? firstAidSteps(category) : [];
  return (
    <section className="first-aid" aria-labelledby={id} aria-live="polite">
      <h2 id={id}>{t('report.path.firstAid')}</h2>
      {steps.length === 0 ? <p className="muted">{t('report.path.firstAidPick')}</p> : (
        <>
          <p className="hint">{t('report.path.firstAidLead')}</p>
          <ol className="first-aid-steps">
            {steps.map((step) => <li key={step.code}>{step[locale]}</li>)}
          </ol>
        </>
      )}
    </section>
  );
}

interface TextProps {
  label: string;
  hint: string;
  value: string;
  onValue: (value: string) => void;
  error?: string;
  required?: boolean;
  rows?: number;
  inputRef?: Ref<HTMLTextAreaElement>;
}

/** A text area with its hint and, when invalid, its error right under the label, both read with the field. */
export function TextWithError({ label, hint, value, onValue, error, required, rows = 5, inputRef }: TextProps) {
  const id = useId();
  const described = [error ? `${id}-error` : '', `${id}-hint`].filter(Boolean).join(' ');
  return (
    <div className={error ? 'field field-invalid' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {error ? <p className="field-error" id={`${id}-error`} role="alert">{error}</p> : null}
      <textarea
        id={id} ref={inputRef} value={value} rows={rows} maxLength={20_000} required={required} aria-required={required}
        aria-invalid={error ? true : undefined} aria-describedby={described} onChange={(event) => onValue(event.target.value)}
      />
      <p className="hint" id={`${id}-hint`}>{hint}</p>
    </div>
  );
}

export const ACCEPTED_FILES = '.png,.jpg,.jpeg,.txt,.log,.csv,.json,.eml,image/png,image/jpeg';

/** Photos and files to attach when the report is sent; names chosen before a reload are asked for again. */
export function FilesField({ files, onFiles, forgotten }: { files: File[]; onFiles: (files: File[]) => void; forgotten: string[] }) {
  const { t } = useI18n();
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{t('report.path.files')}</label>
      <input id={id} type="file" multiple accept={ACCEPTED_FILES} aria-describedby={`${id}-hint`} onChange={(event) => onFiles([...(event.target.files ?? [])])} />
      <p className="hint" id={`${id}-hint`}>
        {t('report.path.filesHint')}
        {files.length === 0 && forgotten.length > 0 ? <> {t('report.path.filesAgain', { names: forgotten.join(', ') })}</> : null}
      </p>
    </div>
  );
}
