import { useEffect, useId, useState, type ReactNode } from 'react';
import { useReportProblem } from './fieldProblems';

/**
 * A labelled number input that accepts intermediate text and reports only valid numbers. Text
 * that is not a number in range (or not an integer where one is needed) is outlined, a message
 * beside the field says why, and Start stays disabled until it is fixed (`fieldProblems`).
 */
export function NumberField(props: {
  label: string;
  value: number;
  onChange: (v: number) => void;
  min?: number;
  max?: number;
  step?: number | 'any';
  integer?: boolean;
  disabled?: boolean;
  hint?: string;
  testId?: string;
}) {
  const { label, value, onChange, min, max, integer, disabled, hint, testId } = props;
  const id = useId();
  const [text, setText] = useState(String(value));
  // Follow the store when the value changes elsewhere (preset, link, reset of options).
  useEffect(() => {
    setText((t) => (Number(t) === value && t.trim() !== '' ? t : String(value)));
  }, [value]);
  const problem = numberProblem(text, min, max, integer);
  useReportProblem(id, problem && `${label}: ${problem}`);
  return (
    <div className={`field${problem ? ' invalid' : ''}`} title={hint}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="number"
        inputMode="decimal"
        value={text}
        min={min}
        max={max}
        step={props.step ?? (integer ? 1 : 'any')}
        disabled={disabled}
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? `${id}-error` : undefined}
        data-testid={testId}
        onChange={(e) => {
          setText(e.target.value);
          if (numberProblem(e.target.value, min, max, integer) === null) onChange(Number(e.target.value));
        }}
      />
      {problem ? (
        <span className="field-error" id={`${id}-error`} role="alert">
          {problem}
        </span>
      ) : null}
    </div>
  );
}

/** Why `text` is not an acceptable value (null when it is). */
export function numberProblem(text: string, min?: number, max?: number, integer?: boolean): string | null {
  const v = Number(text);
  if (text.trim() === '' || !Number.isFinite(v)) return 'enter a number';
  if (integer && !Number.isInteger(v)) return 'must be a whole number';
  if ((min !== undefined && v < min) || (max !== undefined && v > max)) {
    return `must be in [${min ?? '−∞'}, ${max ?? '∞'}]`;
  }
  return null;
}

/**
 * A labelled select; `label` is its accessible name. The label is a separate element (not
 * wrapping the select), so the name is the label alone and not the options' text too.
 */
export function SelectField<T extends string>(props: {
  label: string;
  value: T;
  options: readonly { value: T; label: string }[];
  onChange: (v: T) => void;
  disabled?: boolean;
  hint?: string;
}) {
  const id = useId();
  return (
    <div className="field choice" title={props.hint}>
      <label htmlFor={id}>{props.label}</label>
      <select
        id={id}
        value={props.value}
        disabled={props.disabled}
        onChange={(e) => props.onChange(e.target.value as T)}
      >
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A labelled checkbox. */
export function CheckboxField(props: {
  label: string;
  checked: boolean;
  onChange: (v: boolean) => void;
  disabled?: boolean;
  hint?: string;
}) {
  return (
    <label className="field check" title={props.hint}>
      <input
        type="checkbox"
        checked={props.checked}
        disabled={props.disabled}
        onChange={(e) => props.onChange(e.target.checked)}
      />
      <span>{props.label}</span>
    </label>
  );
}

/** A compact select with its label beside it (plot tools, header). */
export function InlineSelect(props: {
  label: string;
  value: string | number;
  onChange: (v: string) => void;
  disabled?: boolean;
  children: ReactNode;
}) {
  const id = useId();
  return (
    <span className="inline">
      <label htmlFor={id}>{props.label}</label>
      <select id={id} value={props.value} disabled={props.disabled} onChange={(e) => props.onChange(e.target.value)}>
        {props.children}
      </select>
    </span>
  );
}

/** A collapsible group of controls with a heading and a one-line explanation. */
export function Section(props: {
  title: string;
  about?: string;
  children: ReactNode;
  open?: boolean;
  changed?: boolean;
}) {
  const id = useId();
  return (
    <details
      className={`section${props.changed ? ' changed' : ''}`}
      open={props.open ?? true}
      aria-labelledby={id}
      data-section={props.title.toLowerCase().replace(/\W+/g, '-')}
    >
      <summary id={id}>
        {props.title}
        {props.changed ? (
          <span className="badge" title="Run B differs here">
            B differs
          </span>
        ) : null}
      </summary>
      {props.about ? <p className="about">{props.about}</p> : null}
      <div className="fields">{props.children}</div>
    </details>
  );
}
