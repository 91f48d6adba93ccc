import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react';

interface FieldShell {
  label: string;
  hint?: ReactNode;
}

function Shell({ id, label, hint, children }: FieldShell & { id: string; children: ReactNode }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children}
      {hint ? (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
    </div>
  );
}

type TextFieldProps = FieldShell &
  Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange' | 'value'> & {
    value: string;
    onValue: (value: string) => void;
  };

export function TextField({ label, hint, value, onValue, id, ...rest }: TextFieldProps) {
  const generated = useId();
  const inputId = id ?? generated;
  return (
    <Shell id={inputId} label={label} hint={hint}>
      <input
        id={inputId}
        value={value}
        onChange={(event) => onValue(event.target.value)}
        aria-describedby={hint ? `${inputId}-hint` : undefined}
        {...rest}
      />
    </Shell>
  );
}

type TextAreaProps = FieldShell &
  Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'onChange' | 'value'> & {
    value: string;
    onValue: (value: string) => void;
  };

export function TextAreaField({ label, hint, value, onValue, ...rest }: TextAreaProps) {
  const id = useId();
  return (
    <Shell id={id} label={label} hint={hint}>
      <textarea
        id={id}
        value={value}
        onChange={(event) => onValue(event.target.value)}
        aria-describedby={hint ? `${id}-hint` : undefined}
        rows={4}
        {...rest}
      />
    </Shell>
  );
}

export interface Option {
  value: string;
  label: string;
}

type SelectFieldProps = FieldShell &
  Omit<SelectHTMLAttributes<HTMLSelectElement>, 'onChange' | 'value'> & {
    value: string;
    onValue: (value: string) => void;
    options: readonly Option[];
    /** Label of an empty first option ("any", "choose…"); omitted when not given. */
    empty?: string;
  };

export function SelectField({ label, hint, value, onValue, options, empty, ...rest }: SelectFieldProps) {
  const id = useId();
  return (
    <Shell id={id} label={label} hint={hint}>
      <select id={id} value={value} onChange={(event) => onValue(event.target.value)} {...rest}>
        {empty !== undefined ? <option value="">{empty}</option> : null}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </Shell>
  );
}

interface CheckboxGroupProps {
  legend: string;
  options: readonly Option[];
  values: readonly string[];
  onValues: (values: string[]) => void;
  disabled?: boolean;
}

export function CheckboxGroup({ legend, options, values, onValues, disabled }: CheckboxGroupProps) {
  const toggle = (value: string, checked: boolean) =>
    onValues(checked ? [...values, value] : values.filter((v) => v !== value));
  return (
    <fieldset className="field checkbox-group">
      <legend>{legend}</legend>
      {options.map((option) => (
        <label key={option.value} className="checkbox">
          <input
            type="checkbox"
            checked={values.includes(option.value)}
            onChange={(event) => toggle(option.value, event.target.checked)}
            disabled={disabled}
          />
          {option.label}
        </label>
      ))}
    </fieldset>
  );
}
