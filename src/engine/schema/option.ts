/**
 * One declarative description per option (docs/ARCHITECTURE.md, "The option schema"): what it
 * is (int, float, bool, choice, string), its range, default, label, unit, help text and whether
 * it may change while a run trains. Every registry entry (PDE, architecture, optimizer,
 * balancing method, schedule, diagnostics, …) declares a schema beside the code it configures;
 * defaults, validation, the UI's fields, the URL codec and the CLI's `--set` all read it.
 * Pure data and functions: no tfjs, no DOM (the UI bundle imports it).
 */

/** What values an option takes. */
export type OptionKind = 'int' | 'float' | 'bool' | 'choice' | 'string';

/** A value an option can hold. */
export type OptionValue = number | boolean | string;

/** The description of one option. */
export interface OptionSpec<V extends OptionValue = OptionValue> {
  kind: OptionKind;
  default: V;
  /** The label the UI shows (a person's words, not the key). */
  label: string;
  /** One or two sentences: what it does, and what its extreme values mean. */
  help: string;
  /** Unit or scale, shown after the label (e.g. "steps"). */
  unit?: string;
  /** Inclusive range of a number. */
  min?: number;
  max?: number;
  /** Allowed values of a choice, and their labels. */
  choices?: readonly string[];
  choiceLabels?: Readonly<Record<string, string>>;
  /** Longest text of a string option. */
  maxLength?: number;
  /** May change while a run trains (applied at its next step). */
  live?: boolean;
}

/** Options by key. */
export type OptionSchema = Readonly<Record<string, OptionSpec>>;

/** A schema that describes every key of an options type `T` (checked at compile time). */
export type SchemaOf<T> = { readonly [K in keyof T]-?: OptionSpec<T[K] & OptionValue> };

type Extra = Partial<Pick<OptionSpec, 'unit' | 'live' | 'choiceLabels'>>;

/** A number option of `kind` in [min, max]. */
const number =
  (kind: 'int' | 'float') =>
  (label: string, def: number, min: number, max: number, help: string, extra: Extra = {}): OptionSpec<number> => ({
    kind,
    default: def,
    min,
    max,
    label,
    help,
    ...extra,
  });

/** An integer option in [min, max]: `int(label, default, min, max, help, extra?)`. */
export const int = number('int');

/** A real-valued option in [min, max]: `float(label, default, min, max, help, extra?)`. */
export const float = number('float');

/** An on/off option. */
export function bool(label: string, def: boolean, help: string, extra: Extra = {}): OptionSpec<boolean> {
  return { kind: 'bool', default: def, label, help, ...extra };
}

/** One of a fixed list of names. */
export function choice<T extends string>(
  label: string,
  def: T,
  choices: readonly T[],
  help: string,
  extra: Extra = {},
): OptionSpec<T> {
  return { kind: 'choice', default: def, choices, label, help, ...extra };
}

/** Free text of at most `maxLength` characters. */
export function text(
  label: string,
  def: string,
  maxLength: number,
  help: string,
  extra: Extra = {},
): OptionSpec<string> {
  return { kind: 'string', default: def, maxLength, label, help, ...extra };
}

/** What every registry entry with options declares: its label, its options' schema and their defaults. */
export interface OptionsEntry<T> {
  label: string;
  /** Its options: kinds, ranges, defaults, labels, help (the single source of all of them). */
  schema: SchemaOf<T>;
  /** `defaultsOf(schema)`. */
  defaults: T;
}

/** The defaults of a schema, as an options record. */
export function defaultsOf<T>(schema: SchemaOf<T>): T {
  const out: Record<string, OptionValue> = {};
  for (const k of Object.keys(schema)) out[k] = (schema as OptionSchema)[k].default;
  return out as T;
}

/** Whether `obj` has `key` as its own property (never an inherited one such as `constructor`). */
export const hasOwn = (obj: object, key: string): boolean => Object.prototype.hasOwnProperty.call(obj, key);

/** The value at own key `key` of a record, or undefined (inherited names are not looked up). */
export function own<T>(obj: Readonly<Record<string, T>>, key: string): T | undefined {
  return hasOwn(obj, key) ? obj[key] : undefined;
}
