import type { OptionSchema, OptionSpec } from '../../engine/schema/option';
import { CheckboxField, NumberField, SelectField } from './fields';

/** The label a field shows for an option: its schema label and unit ("Warmup (steps)"). */
export function specLabel(spec: OptionSpec, prefix?: string): string {
  const label = spec.unit ? `${spec.label} (${spec.unit})` : spec.label;
  return prefix ? `${prefix}: ${label}` : label;
}

/**
 * The input for one option, built from its schema: a checkbox for a bool, a select (with the
 * schema's labels) for a choice, a number input with the schema's range, integer step and
 * help text for a number. Its label and tooltip come from the schema too.
 */
export function OptionField(props: {
  spec: OptionSpec;
  value: unknown;
  onChange: (value: unknown) => void;
  disabled?: boolean;
  prefix?: string;
  testId?: string;
}) {
  const { spec, value, onChange, disabled, prefix, testId } = props;
  const label = specLabel(spec, prefix);
  const hint = spec.live ? `${spec.help} Can change while training.` : spec.help;
  switch (spec.kind) {
    case 'bool':
      return (
        <CheckboxField label={label} checked={value === true} disabled={disabled} hint={hint} onChange={onChange} />
      );
    case 'choice':
      return (
        <SelectField
          label={label}
          value={String(value)}
          disabled={disabled}
          hint={hint}
          onChange={onChange}
          options={(spec.choices ?? []).map((c) => ({ value: c, label: spec.choiceLabels?.[c] ?? c }))}
        />
      );
    case 'int':
    case 'float':
      return (
        <NumberField
          label={label}
          value={Number(value)}
          min={spec.min}
          max={spec.max}
          integer={spec.kind === 'int'}
          disabled={disabled}
          hint={hint}
          testId={testId}
          onChange={onChange}
        />
      );
    case 'string':
      return null;
  }
}

/**
 * Inputs for a record of named options (an architecture's, an optimizer's, …), one per key of
 * its schema, in the schema's order: new engine options appear, labelled, without UI changes.
 */
export function OptionFields(props: {
  schema: OptionSchema;
  values: object;
  onChange: (key: string, value: unknown) => void;
  /** Options shown elsewhere or not at all. */
  skip?: readonly string[];
  disabled?: boolean;
  /** Prefix for labels, so that names stay unique on the page (e.g. "Schedule"). */
  prefix?: string;
}) {
  const { schema, values, onChange, skip = [], disabled, prefix } = props;
  const v = values as Record<string, unknown>;
  return (
    <>
      {Object.entries(schema).map(([key, spec]) =>
        skip.includes(key) ? null : (
          <OptionField
            key={key}
            spec={spec}
            value={v[key] ?? spec.default}
            disabled={disabled}
            prefix={prefix}
            onChange={(x) => onChange(key, x)}
          />
        ),
      )}
    </>
  );
}
