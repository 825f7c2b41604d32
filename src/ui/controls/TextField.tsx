import { useId } from 'react';
import type { DraftError } from './draftCheck';

/** An error beside its field: the message, where it is, and the text with a caret under the column. */
export function FieldError({ error, id }: { error?: DraftError; id?: string }) {
  if (!error) return null;
  return (
    <div className="field-error" id={id} role="alert" data-testid="custom-error" data-field={error.key}>
      <span>
        {error.message}
        {error.where ? ` (${error.where})` : ''}
      </span>
      {error.pointer ? <pre data-testid="custom-error-pointer">{error.pointer}</pre> : null}
    </div>
  );
}

/**
 * A labelled text input (or, `lines` > 1, a text area) for typed expressions and lists, with
 * its error, if any, right below it; label above, full width.
 */
export function TextField(props: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  error?: DraftError;
  disabled?: boolean;
  lines?: number;
  placeholder?: string;
  hint?: string;
}) {
  const { label, value, onChange, error, disabled, lines = 1, placeholder, hint } = props;
  const id = useId();
  const common = {
    id,
    value,
    disabled,
    placeholder,
    spellCheck: false,
    autoComplete: 'off',
    'aria-invalid': error ? true : undefined,
    'aria-describedby': error ? `${id}-error` : undefined,
  };
  return (
    <div className="text-field" title={hint}>
      <label htmlFor={id}>{label}</label>
      {lines > 1 ? (
        <textarea {...common} rows={lines} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input {...common} type="text" onChange={(e) => onChange(e.target.value)} />
      )}
      <FieldError error={error} id={`${id}-error`} />
    </div>
  );
}
