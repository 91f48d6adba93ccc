// Form pieces of the report form: radio groups with a legend, and dates that may be unknown.
import { useId } from 'react';
import { useT } from '../../i18n/index.ts';

interface Choice {
  value: string;
  label: string;
}

export function RadioGroup({ legend, value, options, onValue }: { legend: string; value: string; options: readonly Choice[]; onValue: (value: string) => void }) {
  const name = useId();
  return (
    <fieldset className="field radio-group">
      <legend>{legend}</legend>
      {options.map((option) => (
        <label key={option.value} className="checkbox">
          <input type="radio" name={name} value={option.value} checked={value === option.value} onChange={() => onValue(option.value)} />
          {option.label}
        </label>
      ))}
    </fieldset>
  );
}

/** A day (YYYY-MM-DD) or unknown (null); unknown is the starting answer. */
export function DateOrUnknown({ label, value, max, onValue }: { label: string; value: string | null; max: string; onValue: (value: string | null) => void }) {
  const t = useT();
  const id = useId();
  const unknown = value === null;
  const day = value && /^\d{4}-\d{2}-\d{2}/.test(value) ? value.slice(0, 10) : '';
  return (
    <fieldset className="field date-or-unknown">
      <legend>{label}</legend>
      <label className="checkbox">
        <input type="checkbox" checked={unknown} onChange={(event) => onValue(event.target.checked ? null : max)} />
        {t('report.date.unknown')}
      </label>
      {unknown ? null : (
        <>
          <label htmlFor={id} className="visually-hidden">
            {label}
          </label>
          <input id={id} type="date" value={day} max={max} onChange={(event) => onValue(event.target.value || null)} />
        </>
      )}
    </fieldset>
  );
}

/** Today in Japan as YYYY-MM-DD (the form's dates are Japan days). */
export function todayInJapan(): string {
  return new Date(Date.now() + 9 * 3600_000).toISOString().slice(0, 10);
}
