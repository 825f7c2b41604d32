import { useEffect, useId, useState, type ReactNode } from 'react';

/** A labelled number input that accepts intermediate text and reports only finite numbers. */
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
  const v = Number(text);
  const invalid = text.trim() === '' || !Number.isFinite(v) || (integer && !Number.isInteger(v)) || (min !== undefined && v < min) || (max !== undefined && v > max);
  return (
    <div className="field" title={hint}>
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
        aria-invalid={invalid || undefined}
        data-testid={testId}
        onChange={(e) => {
          setText(e.target.value);
          const n = Number(e.target.value);
          if (e.target.value.trim() !== '' && Number.isFinite(n)) onChange(n);
        }}
      />
    </div>
  );
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
    <div className="field" title={props.hint}>
      <label htmlFor={id}>{props.label}</label>
      <select id={id} value={props.value} disabled={props.disabled} onChange={(e) => props.onChange(e.target.value as T)}>
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>{o.label}</option>
        ))}
      </select>
    </div>
  );
}

/** A labelled checkbox. */
export function CheckboxField(props: { label: string; checked: boolean; onChange: (v: boolean) => void; disabled?: boolean; hint?: string }) {
  return (
    <label className="field check" title={props.hint}>
      <input type="checkbox" checked={props.checked} disabled={props.disabled} onChange={(e) => props.onChange(e.target.checked)} />
      <span>{props.label}</span>
    </label>
  );
}

/** A compact select with its label beside it (plot tools, header). */
export function InlineSelect(props: { label: string; value: string | number; onChange: (v: string) => void; disabled?: boolean; children: ReactNode }) {
  const id = useId();
  return (
    <span className="inline">
      <label htmlFor={id}>{props.label}</label>
      <select id={id} value={props.value} disabled={props.disabled} onChange={(e) => props.onChange(e.target.value)}>{props.children}</select>
    </span>
  );
}

/** A collapsible group of controls with a heading and a one-line explanation. */
export function Section(props: { title: string; about?: string; children: ReactNode; open?: boolean; changed?: boolean }) {
  const id = useId();
  return (
    <details className={`section${props.changed ? ' changed' : ''}`} open={props.open ?? true} aria-labelledby={id}
      data-section={props.title.toLowerCase().replace(/\W+/g, '-')}>
      <summary id={id}>{props.title}{props.changed ? <span className="badge" title="Run B differs here">B differs</span> : null}</summary>
      {props.about ? <p className="about">{props.about}</p> : null}
      <div className="fields">{props.children}</div>
    </details>
  );
}
