import { CheckboxField, NumberField, SelectField } from './fields';
import { isInteger, optionLabel } from './labels';

/**
 * Inputs for a record of named options (an architecture's, an optimizer's, …), built from
 * the option values themselves: numbers get number inputs, booleans checkboxes, strings a
 * select of the catalog's allowed values. New engine options appear without UI changes.
 */
export function OptionFields(props: {
  values: Record<string, unknown>;
  choices: Record<string, readonly string[]>;
  onChange: (key: string, value: unknown) => void;
  /** Options shown elsewhere or not at all. */
  skip?: readonly string[];
  disabled?: boolean;
  /** Prefix for labels, so that names stay unique on the page (e.g. "Schedule"). */
  prefix?: string;
}) {
  const { values, choices, onChange, skip = [], disabled, prefix } = props;
  return (
    <>
      {Object.entries(values).map(([key, v]) => {
        if (skip.includes(key)) return null;
        const label = prefix ? `${prefix}: ${optionLabel(key)}` : optionLabel(key);
        if (typeof v === 'boolean') return <CheckboxField key={key} label={label} checked={v} disabled={disabled} onChange={(x) => onChange(key, x)} />;
        if (typeof v === 'number') {
          return <NumberField key={key} label={label} value={v} integer={isInteger(key)} disabled={disabled} onChange={(x) => onChange(key, x)} />;
        }
        if (typeof v === 'string' && choices[key]) {
          return (
            <SelectField key={key} label={label} value={v} disabled={disabled} onChange={(x) => onChange(key, x)}
              options={choices[key].map((c) => ({ value: c, label: c }))} />
          );
        }
        return null;
      })}
    </>
  );
}
